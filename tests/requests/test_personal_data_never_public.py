"""Applicants' personal data never reaches a public surface, and identity numbers and scans are never stored in the clear.

Two applications — one online with its identity scan, one registered by staff for an
organisation — carry a unique token in every field, in the scan's name and content, in a sent
notice and in a released file. Every public surface is then searched for every token: the
pages (home, agency, catalogue, guide, the application page), the public search (results, JSON
API, suggestions, the public index rows and Wagtail's index), the sitemap, documents and images.
The database itself is read raw, every table, for the identity numbers and the scan.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template import TemplateDoesNotExist
from django.template.loader import select_template
from django.utils import timezone
from stdnum.cn import ric, uscc
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from disclosure.models import Notice, ReleasedFile, RequestFormPage
from disclosure.requests import intake, transitions
from disclosure.requests.duplicates import propose_proactive_disclosure
from search.models import PublicDocument
from search.tasks import reconcile_public_index
from tests import factories
from tests.disclosure.test_visibility import search_api_text, search_results
from tests.requests.helpers import application_data, handler_of

pytestmark = pytest.mark.django_db


def _resident_id():
    first = "33112319770707661"
    return first + ric.calc_check_digit(first)


def _credit_code():
    first = "91331123MA7QXN3K0"
    return first + uscc.calc_check_digit(first)


ID_NUMBER = _resident_id()
CREDIT_CODE = _credit_code()
PROOF_NAME = "证件扫描QZXF.jpg"
PROOF_CONTENT = b"\xff\xd8PROOF-CONTENT-QZXP\xff\xd9"
#: A token per personal field; the description is not personal, but it must not be public either.
ONLINE = {
    "applicant_name": "泄露甲姓名QZXN",
    "phone": "13877665544",
    "email": "qzxe-leak@example.com",
    "address": "泄露甲地址巷QZXA号",
    "postcode": "998877",
    "description": "泄露甲描述QZXD：申请公开某文件。",
}
STAFF = {
    "applicant_type": "commercial",
    "applicant_name": "泄露乙公司QZYN",
    "id_type": "credit_code",
    "legal_representative": "泄露乙法人QZYL",
    "contact_person": "泄露乙联系人QZYC",
    "phone": "13866554433",
    "email": "qzye-leak@example.com",
    "address": "泄露乙地址路QZYA号",
    "postcode": "887766",
    "description": "泄露乙描述QZYD：申请公开某合同。",
}
NOTICE_TOKEN = "泄露告知书QZXT"
RELEASED_TOKEN = "RELEASED-QZXR"
PERSONAL_TOKENS = [
    *(value for key, value in ONLINE.items() if key != "description"),
    *(value for key, value in STAFF.items() if key not in ("description", "applicant_type", "id_type")),
    ID_NUMBER,
    CREDIT_CODE,
    PROOF_NAME,
]
TOKENS = [*PERSONAL_TOKENS, ONLINE["description"], STAFF["description"], NOTICE_TOKEN, RELEASED_TOKEN]


@pytest.fixture
def world(agency, catalogue):
    guide = factories.make_guide(agency)
    form = RequestFormPage(title="依申请公开", slug="apply", intro="<p>申请须知。</p>")
    agency.add_child(instance=form)
    factories.publish(form)
    factories.make_item(catalogue, title="关于做好学校食堂管理工作的通知")
    handler = handler_of(agency)

    online = intake.submit_online(
        agency,
        application_data(**ONLINE),
        id_number=ID_NUMBER,
        proof=SimpleUploadedFile(PROOF_NAME, PROOF_CONTENT, content_type="image/jpeg"),
    ).request
    transitions.confirm_receipt(online, handler)
    staff = intake.register(
        agency,
        handler,
        application_data(**STAFF),
        channel="letter",
        received_on=timezone.localdate(),
        id_number=CREDIT_CODE,
    ).request
    for request in (online, staff):
        ReleasedFile.objects.create(
            request=request,
            title="答复附件",
            original=f"%PDF {RELEASED_TOKEN} {request.applicant_name}".encode(),
            original_name=f"{RELEASED_TOKEN}.pdf",
            content_type="application/pdf",
        )
        transitions.decide(request, handler, outcome="disclosed", already_public_at="县政府网站")
        Notice.objects.create(
            request=request,
            kind="reply_disclosed",
            number="县教育局公复〔2026〕9号",
            title="政府信息公开申请答复书",
            body=f"{request.applicant_name}：{NOTICE_TOKEN}，你的申请予以公开。联系电话{request.phone}。",
            recipient=request.applicant_name,
            pdf=f"%PDF {request.applicant_name}".encode(),
            docx=b"PK",
            sent_at=timezone.now(),
        )
    reconcile_public_index()
    return {"agency": agency, "catalogue": catalogue, "guide": guide, "form": form, "handler": handler, "staff": staff}


def _leaks(text, tokens=TOKENS):
    return [token for token in tokens if token in text]


def test_public_pages_and_the_sitemap_show_no_token(client, world):
    pages = {
        "home": "/",
        "agency": world["agency"].url,
        "catalogue": world["catalogue"].url,
        "guide": world["guide"].url,
        "sitemap": "/sitemap.xml",
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert _leaks(response.content.decode()) == [], name


def test_the_application_page_shows_no_token(client, world):
    try:
        select_template([world["form"].template])
    except TemplateDoesNotExist:
        pytest.skip("the public application form's template is not on this branch")
    response = client.get(world["form"].url)
    assert response.status_code == 200
    assert _leaks(response.content.decode()) == []


def test_search_finds_no_token(client, world):
    # The search works: it finds the agency's public item.
    assert "关于做好学校食堂管理工作的通知" in search_results(client, "学校食堂管理")
    for token in TOKENS:
        for query in {token, token[:4]}:
            assert _leaks(search_results(client, query)) == [], query
            assert _leaks(search_api_text(client, query)) == [], query


def test_the_search_indexes_hold_no_token(world):
    rows = PublicDocument.objects.values_list("title", "summary", "body", "keywords", "url", "agency_name")
    assert rows  # the agency, its catalogue item and guide are indexed
    assert _leaks(repr(list(rows))) == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM wagtailsearch_indexentry")
        assert _leaks(repr(cursor.fetchall())) == []


def test_documents_and_images_hold_no_token(client, world):
    for document in get_document_model().objects.all():
        assert _leaks(f"{document.title} {document.file.name}") == []
    for image in get_image_model().objects.all():
        assert _leaks(f"{image.title} {image.file.name}") == []
    for url in (f"/documents/1/{PROOF_NAME}", f"/media/original_images/{PROOF_NAME}", f"/media/images/{PROOF_NAME}"):
        response = client.get(url)
        assert response.status_code == 404, url


def _stored_values(table):
    quoted = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        try:
            cursor.execute(f"SELECT * FROM {quoted}")
        except Exception:  # a virtual table of the search backend that cannot be read whole
            return
        for row in cursor.fetchall():
            for value in row:
                if isinstance(value, (bytes, bytearray, memoryview)):
                    yield bytes(value)
                elif value is not None:
                    yield str(value).encode()


def test_the_database_stores_no_identity_number_or_scan_in_the_clear(world):
    secrets = [ID_NUMBER.encode(), CREDIT_CODE.encode(), PROOF_CONTENT, b"PROOF-CONTENT-QZXP"]
    found = []
    for table in connection.introspection.table_names():
        for value in _stored_values(table):
            found += [(table, secret) for secret in secrets if secret in value]
    assert found == []


def test_a_proactive_disclosure_made_from_a_request_publishes_no_personal_data(client, world):
    staff = world["staff"]
    item = propose_proactive_disclosure(staff, world["handler"], title="某合同")
    factories.publish(item)
    reconcile_public_index()
    pages = [item.url, world["catalogue"].url, "/sitemap.xml"]
    for url in pages:
        assert _leaks(client.get(url).content.decode(), PERSONAL_TOKENS) == [], url
    assert _leaks(search_api_text(client, "某合同"), PERSONAL_TOKENS) == []
    assert _leaks(repr(list(PublicDocument.objects.values_list("title", "summary", "body"))), PERSONAL_TOKENS) == []
