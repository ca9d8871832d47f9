"""Catalogue items, agencies and category trees as the API's dicts (``schemas`` shapes and checks them).

An item's answer holds what its page shows the public, and nothing else: the text and the
attachments only when it is disclosed proactively (``shows_content``), related items only
when they are public themselves. A page of items costs the same queries whatever its length.
"""

import re

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.rich_text import expand_db_html

from ..catalogue.models import CatalogueAttachment, CatalogueCategory, CatalogueItemPage
from ..visibility import public_pages

#: ``joint_issuers`` is one text; its help text asks for 、 or commas between the names.
ISSUER_SEPARATORS = re.compile(r"[、,，;；]+")
LINK_COLUMNS = ("title", "url_path", "path", "depth")


def with_metadata(items):
    """The items with everything their answers read, fetched alongside (no query per item)."""
    return items.select_related("topic", "genre", "category", "agency").prefetch_related(
        Prefetch("attachments", queryset=CatalogueAttachment.objects.select_related("document"))
    )


def _local(moment):
    return timezone.localtime(moment) if moment else None


def _choice(value, label):
    return {"value": value, "label": str(label)}


def _term(term):
    return {"id": term.pk, "name": term.name} if term else None


class Links:
    """Absolute URLs of pages and of the API's own answers, for one request."""

    def __init__(self, request):
        self.request = request

    def absolute(self, url):
        return self.request.build_absolute_uri(url) if url else ""

    def page(self, page):
        return self.absolute(page.get_url(self.request))

    def api(self, name, query=None, **kwargs):
        url = reverse(f"catalogue_api:{name}", kwargs=kwargs or None)
        return self.absolute(url + ("?" + urlencode(query) if query else ""))

    def item(self, item):
        if item is None:
            return None
        return {
            "id": item.pk,
            "title": item.title,
            "url": self.page(item),
            "api_url": self.api("item", item_id=item.pk),
        }


class ItemPresenter:
    """Answers for a batch of items (one page), reading their categories and replacements in one query each."""

    def __init__(self, request, items):
        self.links = Links(request)
        self.request = request
        self.items = list(items)
        # Whole trees, to name each category's ancestors without a query per level.
        tree_ids = {item.category.agency_id for item in self.items}
        self._categories = (
            {category.pk: category for category in CatalogueCategory.objects.filter(agency_id__in=tree_ids)}
            if self.items
            else {}
        )
        replacement_ids = {item.replaced_by_id for item in self.items if item.replaced_by_id}
        replacements = CatalogueItemPage.objects.filter(pk__in=replacement_ids).only(*LINK_COLUMNS)
        self._replacements = {page.pk: page for page in public_pages(replacements)} if replacement_ids else {}

    def summaries(self):
        return [self.summary(item) for item in self.items]

    def _category(self, category_id):
        category = self._categories[category_id]
        path, node, seen = [], category, set()
        while node is not None and node.pk not in seen:  # a broken tree must not loop
            path.append(node.name)
            seen.add(node.pk)
            node = self._categories.get(node.parent_id)
        return {"id": category.pk, "name": category.name, "code": category.code, "path": path[::-1]}

    def _agency(self, agency):
        return {
            "id": agency.pk,
            "title": agency.title,
            "url": self.links.page(agency),
            "api_url": self.links.api("agency", agency_id=agency.pk),
        }

    def _attachment(self, attachment):
        document = attachment.document
        return {
            "title": attachment.display_title,
            "file_type": document.file_extension.lower(),
            "size": document.file_size,  # never get_file_size(): it would save the document on a public GET
            "url": self.links.absolute(document.url),
        }

    def summary(self, item):
        shows = item.shows_content
        return {
            "id": item.pk,
            "index_number": item.index_number,
            "title": item.title,
            "doc_number": item.doc_number,
            "issuing_agency": item.issuing_agency_name,
            "joint_issuers": [name.strip() for name in ISSUER_SEPARATORS.split(item.joint_issuers) if name.strip()],
            "agency": self._agency(item.agency),
            "generated_date": item.generated_date,
            "published_at": _local(item.published_at),
            "last_published_at": _local(item.last_published_at),
            "category": self._category(item.category_id),
            "topic": _term(item.topic),
            "genre": _term(item.genre),
            "keywords": item.keywords,
            "summary": item.summary,
            "validity": _choice(item.validity, item.get_validity_display()),
            "validity_date": item.validity_date,
            "replaced_by": self.links.item(self._replacements.get(item.replaced_by_id)),
            "disclosure_mode": _choice(item.disclosure_mode, item.get_disclosure_mode_display()),
            # The item's page shows the note only where it explains how to obtain the document.
            "disclosure_note": "" if shows else item.disclosure_note,
            "shows_content": shows,
            "attachments": [self._attachment(attachment) for attachment in item.attachments.all()] if shows else [],
            "url": self.links.page(item),
            "api_url": self.links.api("item", item_id=item.pk),
        }

    def detail(self, item):
        # The page's own context names the related items the public may see.
        context = item.get_context(self.request)
        return {
            **self.summary(item),
            "body": expand_db_html(item.body) if item.shows_content else None,
            "interpretations": [self.links.item(page) for page in context["interpretations"]],
            "interpreted_policies": [self.links.item(page) for page in context["interpreted_policies"]],
            "replaces": [self.links.item(page) for page in context["replaces"]],
        }


def agency_answer(request, agency, catalogue, item_count):
    links = Links(request)
    return {
        "id": agency.pk,
        "title": agency.title,
        "short_name": agency.short_name,
        "url": links.page(agency),
        "catalogue_url": links.page(catalogue),
        "api_url": links.api("agency", agency_id=agency.pk),
        "items_url": links.api("items", {"agency": agency.pk}),
        "item_count": item_count,
    }


def agency_detail(request, agency, catalogue, listing):
    """The agency with its category tree, years and filters: what the catalogue page offers beside the rows."""
    links = Links(request)

    def node(tree_node):
        category = tree_node.category
        return {
            "id": category.pk,
            "name": category.name,
            "code": category.code,
            "count": tree_node.count,
            "items_url": links.api("items", {"agency": agency.pk, "category": category.pk}),
            "children": [node(child) for child in tree_node.children],
        }

    return {
        **agency_answer(request, agency, catalogue, listing.stats.total),
        "categories": [node(root) for root in listing.category_tree()],
        "years": listing.years(),
        "filters": [
            {
                "name": choice["name"],
                "label": str(choice["label"]),
                "options": [{"value": value, "label": label} for value, label in choice["choices"]],
            }
            for choice in listing.select_filters
        ],
    }
