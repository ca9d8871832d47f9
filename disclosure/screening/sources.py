"""What the pre-screening reads: every text field of the content, its inline rows and attachments."""

import re

from bs4 import BeautifulSoup
from django.db import models
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField

from ..document_text import UnreadableDocument, document_text

# Page fields that hold no author text (or only what Wagtail derives from the title).
_SKIPPED = {"slug", "url_path", "draft_title", "path", "content_type", "locale", "translation_key"}
_DOCUMENT_LINK = re.compile(r'linktype="document"[^>]*\bid="(\d+)"|\bid="(\d+)"[^>]*linktype="document"')
_BLOCK_TAGS = ["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "blockquote", "pre"]


def html_to_text(html):
    """Rich text as lines, one per block, so a marking on a line of its own stays on its own line."""
    soup = BeautifulSoup(html or "", "html.parser")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_after("\n")
    return soup.get_text()


def _field_texts(obj, prefix=""):
    for field in obj._meta.concrete_fields:
        if field.name in _SKIPPED or field.choices or not field.editable:
            continue
        if not isinstance(field, (models.CharField, models.TextField)):
            continue
        value = getattr(obj, field.attname, "") or ""
        if not value.strip():
            continue
        text = html_to_text(value) if isinstance(field, RichTextField) else value
        yield f"{prefix}{field.verbose_name}", text


def _linked_document_ids(html_values):
    ids = set()
    for html in html_values:
        for first, second in _DOCUMENT_LINK.findall(html or ""):
            ids.add(int(first or second))
    return ids


def attachment_texts(documents):
    """(source, text) for each document; an unreadable one is reported, never silently skipped."""
    for document in documents:
        source = _("Attachment: %(name)s") % {"name": document.title}
        try:
            yield source, document_text(document), None
        except (UnreadableDocument, OSError) as error:
            yield source, "", str(error)


def _rich_text_values(obj):
    return [getattr(obj, f.attname, "") for f in obj._meta.concrete_fields if isinstance(f, RichTextField)]


def texts_of_page(page):
    """(source, text, error) for a page object — e.g. a revision's ``as_object()``."""
    documents, html = [], []
    yield from ((source, text, None) for source, text in _field_texts(page))
    html.extend(_rich_text_values(page))
    for relation in get_all_child_relations(page):
        for child in getattr(page, relation.get_accessor_name()).all():
            yield from ((s, t, None) for s, t in _field_texts(child, prefix=f"{child._meta.verbose_name}·"))
            html.extend(_rich_text_values(child))
            documents.extend(_documents_on(child))
    documents.extend(_documents_by_id(_linked_document_ids(html)))
    yield from attachment_texts(_unique(documents))


def texts_of_form(form):
    """The same for a page form that is about to be submitted: its instance and its inline formsets."""
    documents, html = [], []
    page = form.instance
    yield from ((source, text, None) for source, text in _field_texts(page))
    html.extend(_rich_text_values(page))
    for formset in getattr(form, "formsets", {}).values():
        for child_form in formset.forms:
            data = getattr(child_form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            label = child_form.instance._meta.verbose_name
            for name, value in data.items():
                if isinstance(value, get_document_model()):
                    documents.append(value)
                elif isinstance(value, str) and value.strip() and name != "DELETE":
                    html.append(value)
                    text = html_to_text(value) if "<" in value else value
                    yield f"{label}·{child_form.fields[name].label}", text, None
    documents.extend(_documents_by_id(_linked_document_ids(html)))
    yield from attachment_texts(_unique(documents))


def _documents_on(obj):
    Document = get_document_model()
    for field in obj._meta.concrete_fields:
        if isinstance(field, models.ForeignKey) and issubclass(field.related_model, Document):
            document = getattr(obj, field.name, None)
            if document is not None:
                yield document


def _documents_by_id(ids):
    return list(get_document_model().objects.filter(pk__in=ids)) if ids else []


def _unique(documents):
    seen, out = set(), []
    for document in documents:
        if document.pk not in seen:
            seen.add(document.pk)
            out.append(document)
    return out
