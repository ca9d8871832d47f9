"""Attachments of content the public may not see cannot be downloaded, even by guessing the URL."""

import pytest
from django.urls import reverse

from disclosure.agencies.roles import agency_collection
from disclosure.models import AgencyRole, CatalogueAttachment, PublicationHold
from tests import factories
from tests.review.documents import make_document, pdf_bytes

pytestmark = pytest.mark.django_db


def download(client, document):
    return client.get(reverse("wagtaildocs_serve", args=[document.pk, document.filename]))


def attached(catalogue, title, live=True, **fields):
    document = make_document(f"{title}附件", f"{len(title)}-{title[:2]}.pdf", pdf_bytes(title))
    item = factories.make_item(
        catalogue, title=title, live=live, attachments=[CatalogueAttachment(document=document)], **fields
    )
    return item, document


def test_only_attachments_of_public_items_are_downloadable(client, catalogue):
    public, public_doc = attached(catalogue, "公开文件的附件")
    _draft, draft_doc = attached(catalogue, "草稿文件的附件", live=False)
    held, held_doc = attached(catalogue, "涉密文件的附件")
    PublicationHold.objects.create(page=held, reason="secret")
    withdrawn, withdrawn_doc = attached(catalogue, "撤回文件的附件")
    withdrawn.unpublish()
    _on_request, on_request_doc = attached(
        catalogue, "依申请公开文件的附件", disclosure_mode="on_request", disclosure_note="涉及内部管理"
    )
    orphan = make_document("未关联的文件", "orphan.pdf", pdf_bytes("无"))

    response = download(client, public_doc)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    for document in (draft_doc, held_doc, withdrawn_doc, on_request_doc, orphan):
        assert download(client, document).status_code == 404, document.title
        # Guessing the id with any file name does not help.
        assert client.get(reverse("wagtaildocs_serve", args=[document.pk, "x.pdf"])).status_code == 404


def test_an_attachment_added_in_a_draft_stays_private_until_approved(client, catalogue):
    item, first = attached(catalogue, "已发布的通知")
    second = make_document("新增附件", "added.pdf", pdf_bytes("新增"))
    item.attachments.add(CatalogueAttachment(document=second))
    item.save_revision()  # the live page row, and its attachments, are unchanged
    assert download(client, first).status_code == 200
    assert download(client, second).status_code == 404


def test_reviewers_can_open_attachments_of_drafts(client, catalogue, agency):
    document = make_document("送审附件", "review.pdf", pdf_bytes("送审"), collection=agency_collection(agency))
    factories.make_item(catalogue, title="送审稿", live=False, attachments=[CatalogueAttachment(document=document)])
    client.force_login(factories.make_user("reviewer-doc", agency, AgencyRole.SECRECY_REVIEWER))
    assert download(client, document).status_code == 200


def test_document_files_are_not_served_from_media(client, catalogue):
    _item, document = attached(catalogue, "草稿附件路径", live=False)
    assert client.get(document.file.url).status_code == 404
