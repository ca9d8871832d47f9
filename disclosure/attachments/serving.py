"""Who may download a document: the public only what a publicly visible page offers.

Wagtail serves any document by id (``/documents/<id>/<name>``); ids are easy to guess. A
document is public when a page the visibility rule shows links it — as an attachment or
in its text — and that page shows its attachments (a 依申请公开 item lists only its
metadata). Editors and reviewers with rights on the document's collection may always
download it, so review works on drafts.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from ..catalogue.models import CatalogueAttachment
from ..visibility import is_publicly_visible, public_pages


def _referencing_page_ids(document):
    ids = set(CatalogueAttachment.objects.filter(document=document).values_list("item_id", flat=True))
    page_type = ContentType.objects.get_for_model(Page)
    ids.update(
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return ids


def document_is_public(document):
    pages = public_pages(Page.objects.filter(pk__in=_referencing_page_ids(document))).specific()
    return any(getattr(page, "shows_attachments", True) and is_publicly_visible(page) for page in pages)


def user_may_download(user, document):
    if not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(get_document_model())
    return user.is_superuser or policy.user_has_any_permission_for_instance(user, ["change", "choose"], document)


def may_download(request, document):
    return user_may_download(request.user, document) or document_is_public(document)
