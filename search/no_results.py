"""What the "no results" box offers besides the disclosure guides: links registered by content apps.

Search names no content app's pages, so an app that can help a visitor who found nothing (e.g. an
agency's application form for 依申请公开) registers a provider with the Wagtail hook
``register_search_no_results_links``. The provider gets the search's filters (``agency`` is an
agency page id when the search was narrowed to one) and returns ``[{"url": …, "label": …}]``,
the most relevant first.
"""

from wagtail import hooks

HOOK = "register_search_no_results_links"


def no_results_links(filters):
    """Every registered provider's links, in registration order; malformed entries are skipped."""
    links = []
    for provider in hooks.get_hooks(HOOK):
        for link in provider(dict(filters or {})) or ():
            if isinstance(link, dict) and link.get("url") and link.get("label"):
                links.append({"url": link["url"], "label": link["label"]})
    return links
