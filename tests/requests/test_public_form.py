"""The citizen's application form: what it accepts, what it refuses and how, and that nothing typed is lost."""

import re
import time
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import translation
from django_ratelimit import core as ratelimit_core

from cms.http_microcache import declared_routes
from disclosure.requests import query_codes
from disclosure.requests.choices import ApplicantType, IdentityDocument, IntakeChannel, RequestState
from disclosure.requests.models import DisclosureRequest, IdentityProof
from disclosure.requests.public_form import MESSAGES
from disclosure.requests.uploads import check_identity_proof

from .helpers import VALID_ID
from .public_site import VALID_CREDIT_CODE, make_form_page, pdf_bytes, png_bytes, scan, shown, submit

pytestmark = pytest.mark.django_db

CODE_SHAPE = re.compile(
    r"[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}"
)


FILE_AGAIN = "The scan you chose is not kept when the form has to be corrected: please choose it again."
DAMAGED = "The picture could not be opened: the file may be damaged. Please choose it again."


def expected(message):
    """The message as shown, for a msgid or a (msgid, params) pair."""
    if isinstance(message, tuple):
        msgid, params = message
        with translation.override("zh-hans"):
            return shown(translation.gettext(msgid) % params)
    return shown(message)


@pytest.fixture(autouse=True)
def generous_limits(settings):
    settings.GONGKAI_DISCLOSURE = {"REQUEST_SUBMIT_RATE": "100000/h", "REQUEST_LOOKUP_RATE": "100000/h"}


@pytest.fixture
def page(agency):
    return make_form_page(agency)


def private(response):
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    return {"private", "no-store"} <= directives


def test_the_form_page_labels_every_field_and_is_never_cached(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    assert private(response)
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    for name in ("applicant_name", "id_number", "credit_code", "phone", "email", "address", "postcode", "description"):
        assert f'<label for="id_{name}"' in html, name
    assert 'name="purpose"' not in html  # no purpose field since 2019
    assert 'src="/static/disclosure/request_form.js"' in html and "<script>" not in html


def test_a_valid_application_is_submitted_numbered_and_its_receipt_shown_exactly_once(client, agency, page):
    response = submit(client, page)
    assert response.status_code == 302
    assert response["Location"].endswith("/apply/receipt/")
    request = DisclosureRequest.objects.get()
    assert request.state == RequestState.SUBMITTED
    assert request.channel == IntakeChannel.ONLINE
    assert request.agency_id == agency.pk
    assert request.number.startswith("县教育局依申〔") and request.number.endswith("〕1号")
    assert request.applicant_type == ApplicantType.PERSON and request.id_type == IdentityDocument.RESIDENT_ID
    assert request.id_number_masked == "1101**********002X"
    proof = IdentityProof.objects.get(request=request)
    assert proof.content_type == "image/png"

    receipt = client.get(response["Location"])
    assert receipt.status_code == 200 and private(receipt)
    html = receipt.content.decode()
    assert request.number in html
    code = CODE_SHAPE.search(html).group(0)
    assert query_codes.matches(code, request.query_code_digest)
    assert "20" in html  # the statutory period is explained

    again = client.get(response["Location"]).content.decode()
    assert code not in again and request.number not in again
    assert (
        shown("The number and query code of your application have already been shown: they are shown only once.")
        in again
    )


def test_an_organisation_applies_with_its_credit_code_and_legal_representative(client, page):
    response = submit(
        client,
        page,
        category="organisation",
        organisation_kind="research",
        applicant_name="青溪县农业科学研究所",
        credit_code=VALID_CREDIT_CODE.lower(),
        legal_representative="王五",
        contact_person="赵六",
        id_type="",
        id_number="",
        proof=scan("licence.pdf", pdf_bytes(), "application/pdf"),
    )
    assert response.status_code == 302, response.content.decode()
    request = DisclosureRequest.objects.get()
    assert request.applicant_type == ApplicantType.RESEARCH
    assert request.id_type == IdentityDocument.CREDIT_CODE
    assert request.id_number_masked == "9133**********4D5H"
    assert (request.legal_representative, request.contact_person) == ("王五", "赵六")
    assert IdentityProof.objects.get(request=request).content_type == "application/pdf"


def test_a_person_s_organisation_fields_are_not_kept(client, page):
    submit(client, page, legal_representative="不相关", organisation_kind="commercial")
    request = DisclosureRequest.objects.get()
    assert request.applicant_type == ApplicantType.PERSON and request.legal_representative == ""


INVALID = [
    ("category", {"category": ""}, MESSAGES["category"]),
    ("applicant_name", {"applicant_name": "  "}, MESSAGES["name"]),
    (
        "id_number",
        {"id_number": "110105194912310021"},
        "The last character (check digit) does not match: please check the number for a typing error.",
    ),
    (
        "id_number",
        {"id_number": "11010519491231"},
        ("The number must have %(length)d characters; you entered %(count)d.", {"length": 18, "count": 14}),
    ),
    ("phone", {"phone": "12345"}, MESSAGES["phone"]),
    ("postcode", {"postcode": "3233"}, MESSAGES["postcode"]),
    ("email", {"email": "not-an-address"}, "Enter a valid email address."),
    ("description", {"description": ""}, MESSAGES["description"]),
    ("description", {"description": "文件"}, MESSAGES["description_short"]),
    ("address", {"delivery_channel": "post", "address": ""}, MESSAGES["address_for_post"]),
    ("email", {"email": "", "delivery_channel": "email"}, MESSAGES["email_for_delivery"]),
    ("email", {"email": "", "delivery_channel": "pickup", "notify_by_email": "on"}, MESSAGES["email_for_notices"]),
    ("delivery_form", {"delivery_form": ""}, "Choose the form in which you want the information."),
    (
        "organisation_kind",
        {"category": "organisation", "credit_code": VALID_CREDIT_CODE, "legal_representative": "王五"},
        MESSAGES["organisation_kind"],
    ),
    (
        "credit_code",
        {
            "category": "organisation",
            "organisation_kind": "commercial",
            "credit_code": "91330000MA2B3C4D5J",
            "legal_representative": "王五",
        },
        "The last character (check digit) does not match: please check the number for a typing error.",
    ),
    (
        "legal_representative",
        {"category": "organisation", "organisation_kind": "other", "credit_code": VALID_CREDIT_CODE},
        MESSAGES["legal_representative"],
    ),
]


@pytest.mark.parametrize(
    ("field", "overrides", "message"), INVALID, ids=[f"{case[0]}-{n}" for n, case in enumerate(INVALID)]
)
def test_each_invalid_field_is_refused_with_its_reason_beside_it_and_nothing_typed_is_lost(
    client, page, field, overrides, message
):
    typed = {
        "description": "申请公开2025年城区道路改造工程的招标文件。",
        "phone": "13800000000",
        "applicant_name": "张三",
    }
    typed.update({key: value for key, value in overrides.items() if key in typed})
    response = submit(client, page, **overrides)
    assert response.status_code == 400
    assert not DisclosureRequest.objects.exists()
    html = response.content.decode()
    assert expected(message) in html
    # The message is tied to its field for screen readers, and listed in the summary with a link.
    assert f'id="id_{field}_error"' in html
    assert re.search(rf'aria-describedby="[^"]*id_{field}_error', html)
    assert 'class="error-summary"' in html
    for name, value in typed.items():
        if value.strip():
            assert value in html, name
    # The file cannot be kept: the applicant is told to choose it again.
    assert shown(FILE_AGAIN) in html


def test_a_text_file_renamed_jpg_is_refused_whatever_it_claims(client, page):
    fake = scan("身份证.jpg", "这不是图片".encode() * 50, "image/jpeg")
    response = submit(client, page, proof=fake)
    assert response.status_code == 400
    assert (
        shown("Only a JPEG or PNG picture or a PDF file is accepted; this file is not one, whatever its name.")
        in response.content.decode()
    )
    assert not DisclosureRequest.objects.exists()


def test_a_truncated_picture_is_refused_as_damaged(client, page):
    truncated = scan("id.png", png_bytes((400, 300), noise=True)[:600])
    response = submit(client, page, proof=truncated)
    assert response.status_code == 400
    assert shown(DAMAGED) in response.content.decode()


def test_an_oversize_scan_is_refused_with_the_limit(client, page, settings):
    settings.GONGKAI_DISCLOSURE = {**settings.GONGKAI_DISCLOSURE, "REQUEST_ID_PROOF_MAX_BYTES": 2000}
    big = scan("id.png", png_bytes((200, 200), noise=True))
    assert big.size > 2000
    response = submit(client, page, proof=big)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_id_proof_error"' in html and "2.0" in html  # "… the largest accepted is 2.0 KB"
    assert not DisclosureRequest.objects.exists()


def test_a_missing_scan_is_refused(client, page):
    response = submit(client, page, proof=None)
    assert response.status_code == 400
    assert shown(MESSAGES["id_proof"]) in response.content.decode()


def test_the_upload_check_names_the_type_from_the_content_not_the_browser(db):
    checked = check_identity_proof(scan("id.pdf", png_bytes(), "application/pdf"))
    assert checked.content_type == "image/png"
    assert checked.read(8) == png_bytes()[:8]  # rewound for storing


def test_the_honeypot_refuses_a_robot_and_keeps_nothing(client, page):
    response = submit(client, page, website="http://spam.example")
    assert response.status_code == 400
    assert shown(MESSAGES["rejected"]) in response.content.decode()
    assert not DisclosureRequest.objects.exists()


def test_submissions_are_rate_limited_per_client_with_the_time_to_try_again(client, page, settings, monkeypatch):
    settings.GONGKAI_DISCLOSURE = {"REQUEST_SUBMIT_RATE": "2/h"}
    # The limiter's clock stands still: an hourly window that ended mid-test would start counting afresh.
    now = time.time()
    monkeypatch.setattr(ratelimit_core, "time", SimpleNamespace(time=lambda: now))
    # Corrections do not count: only accepted applications (and robots) use up the limit.
    for _attempt in range(3):
        assert submit(client, page, phone="1").status_code == 400
    assert submit(client, page).status_code == 302
    assert submit(client, page).status_code == 302
    response = submit(client, page)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert private(response)
    html = response.content.decode()
    assert shown("Too many applications have been sent from your network.") in html
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", html)  # when to try again
    assert DisclosureRequest.objects.count() == 2


def test_a_burst_of_200_submissions_gets_200_distinct_numbers_and_loses_none(client, page):
    for _n in range(200):
        assert submit(client, page).status_code == 302
    numbers = list(DisclosureRequest.objects.values_list("number", flat=True))
    assert len(numbers) == 200 and len(set(numbers)) == 200
    serials = sorted(int(re.search(r"〕(\d+)号", number).group(1)) for number in numbers)
    assert serials == list(range(1, 201))
    assert IdentityProof.objects.count() == 200


def test_an_unpublished_application_page_serves_nothing(client, agency):
    page = make_form_page(agency, live=False)
    assert client.get(f"{agency.url}apply/").status_code == 404
    assert client.get(f"{agency.url}apply/status/").status_code == 404
    assert page.pk


def test_no_route_of_the_page_is_kept_by_the_http_micro_cache(page):
    for suffix in ("", "receipt/", "status/", "suggest/", "status/notices/1/pdf/", "status/files/1/"):
        path = page.url + suffix
        assert not any(route.path.fullmatch(path) for route in declared_routes()), path


def test_the_identity_number_typed_with_full_width_digits_and_spaces_is_accepted(client, page):
    typed = " ".join("".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in VALID_ID))
    assert submit(client, page, id_number=typed).status_code == 302
    assert DisclosureRequest.objects.get().id_number_masked == "1101**********002X"


def test_editors_preview_the_form_as_citizens_will_see_it(admin_client, page):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = {"title": "依申请公开", "slug": "apply", "intro": "{}", "privacy_notice": "{}", "office_contact": ""}
    assert admin_client.post(url, data).json()["is_valid"]
    response = admin_client.get(url)
    assert response.status_code == 200 and 'name="description"' in response.content.decode()
