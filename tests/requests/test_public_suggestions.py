"""“已主动公开？”: the form offers the agency's published items matching what the applicant types, and only those."""

import pytest
from django.utils import timezone

from disclosure.catalogue.choices import DisclosureMode
from disclosure.requests.suggestions import already_public
from tests import factories

from .public_site import make_form_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(agency):
    return make_form_page(agency)


@pytest.fixture
def items(catalogue, other_catalogue):
    made = {
        "public": factories.make_item(
            catalogue, title="关于城区道路改造工程招标的公告", doc_number="青教发〔2025〕7号"
        ),
        "draft": factories.make_item(catalogue, title="关于城区道路改造工程的内部草稿", live=False),
        "withheld": factories.make_item(
            catalogue,
            title="城区道路改造工程不予公开文件",
            disclosure_mode=DisclosureMode.NOT_DISCLOSED,
            non_disclosure_reason="third_party",
            disclosure_note="涉及第三方商业秘密。",
        ),
        "elsewhere": factories.make_item(other_catalogue, title="城区道路改造工程（另一机关）"),
        "expired": factories.make_item(catalogue, title="城区道路改造工程过期公告"),
    }
    made["expired"].expire_at = timezone.now() - timezone.timedelta(days=1)
    made["expired"].save(update_fields=["expire_at"])
    return made


def suggested(client, page, **params):
    response = client.get(page.url + "suggest/", params)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    return [item["title"] for item in response.json()["items"]]


def test_a_title_fragment_finds_only_the_agency_s_public_items(client, page, items):
    assert suggested(client, page, q="城区道路改造工程") == ["关于城区道路改造工程招标的公告"]


def test_a_document_number_in_the_reference_or_the_description_is_matched_exactly(client, page, items):
    assert suggested(client, page, reference="青教发[2025]7号") == ["关于城区道路改造工程招标的公告"]
    long_text = "本人需要" + "有关文件的全部附件和说明，" * 10 + "即青教发〔2025〕7号文件。"
    assert suggested(client, page, q=long_text) == ["关于城区道路改造工程招标的公告"]
    index_number = items["public"].index_number
    assert suggested(client, page, reference=index_number)[0] == "关于城区道路改造工程招标的公告"
    assert suggested(client, page, reference="青教发〔2025〕8号") == []


def test_a_title_quoted_in_a_long_description_is_found(client, page, items):
    text = "我是附近居民，想了解施工安排，" * 5 + "请提供《关于城区道路改造工程招标的公告》的附件。"
    assert suggested(client, page, q=text) == ["关于城区道路改造工程招标的公告"]


def test_nothing_is_suggested_for_too_little_text(client, page, items):
    assert suggested(client, page, q="城") == []
    assert suggested(client, page) == []


def test_at_most_five_newest_first(agency, catalogue):
    for n in range(7):
        factories.make_item(catalogue, title=f"学校食堂检查通报第{n}期")
    found = already_public(agency, "学校食堂检查通报")
    assert len(found) == 5
