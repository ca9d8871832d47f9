"""The one rule that decides whether a page may be shown to the public (the holds it reads: ``models``).

Every public surface — page serving, listings, counts, the home page, feeds, the sitemap,
search, document downloads — asks this module; nothing filters on ``live`` by itself.
A page a reviewer withheld (涉密 / 不予公开, see ``visibility.models``) is not public even if live.
"""

import time
from functools import reduce
from operator import or_

from django.core.cache import cache
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone
from wagtail.models import Page, get_page_models

from .models import PublicationHold

#: Sent when what the public may see of some pages may have changed without Wagtail's own
#: page signals saying so (a hold placed or lifted, a view restriction placed or lifted, a
#: page deleted, a category renamed, an import, an interview's transcript). ``page_ids``: the pages;
#: ``subtree``: whether everything under them is concerned too; ``withdrawn``: whether it
#: can only have become less public (listeners then act at once, not eventually);
#: ``deleted``: the pages are gone (nothing left to ask the rule about).
visibility_changed = Signal()

#: The withdrawn branches are cached between structural changes (see ``branches_changed``);
#: a parent's scheduled expiry is turned into an unpublish by beat within a minute, and
#: this bounds the window in which the cached list has not seen it.
BRANCHES_TTL_SECONDS = 60
_GENERATION_KEY = "gongkai:visibility:branches-generation"


class PublicPageMixin:
    """Page types that add conditions of their own (e.g. 不予公开 items) override ``public_q``."""

    @classmethod
    def public_q(cls):
        return Q()

    def is_public_by_type(self):
        return True

    #: Whether the public may download the documents this page links (see attachments.serving).
    shows_attachments = True


def _restricted_types():
    return [model for model in get_page_models() if issubclass(model, PublicPageMixin) and model.public_q()]


def _time_q(now):
    return (Q(expire_at__isnull=True) | Q(expire_at__gt=now)) & (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))


def _held_ids():
    return PublicationHold.objects.values("page_id")


def _withdrawing_q(now):
    """A page in this state hides itself and everything under it."""
    return Q(live=False) | Q(pk__in=_held_ids()) | Q(expire_at__lte=now)


def _fresh_withdrawn_branches(now=None):
    """Paths of the pages with children that are unpublished, held or expired: nothing under them is public."""
    paths = sorted(
        Page.objects.filter(depth__gt=1, numchild__gt=0)
        .filter(_withdrawing_q(now or timezone.now()))
        .values_list("path", flat=True)
    )
    outermost = []
    for path in paths:  # sorted: a branch inside one already listed adds nothing
        if not outermost or not path.startswith(outermost[-1]):
            outermost.append(path)
    return outermost


def branches_changed():
    """A page with children was published, unpublished, held, released or moved: recompute the branches."""
    cache.set(_GENERATION_KEY, time.time_ns(), None)


def branches_generation():
    """Changes whenever the withdrawn branches may have: caches of public aggregates key on it."""
    generation = cache.get(_GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        cache.set(_GENERATION_KEY, generation, None)
    return generation


def _withdrawn_branches():
    key = f"gongkai:visibility:withdrawn-branches:{branches_generation()}"
    paths = cache.get(key)
    if paths is None:
        paths = _fresh_withdrawn_branches()
        cache.set(key, paths, BRANCHES_TTL_SECONDS)
    return paths


def _under_any_q(paths):
    return reduce(or_, (Q(path__startswith=path) for path in paths)) if paths else None


def public_pages(queryset, fresh=False):
    """Narrow a page queryset to what an anonymous visitor may see right now.

    A page is public only if every ancestor is too: nothing under an unpublished, held or
    expired page is shown anywhere. ``fresh`` reads the withdrawn branches from the
    database instead of the cache (the index's reconcile, which must converge from any state).
    """
    now = timezone.now()
    qs = queryset.live().public().filter(_time_q(now)).exclude(pk__in=_held_ids())
    hidden = _under_any_q(_fresh_withdrawn_branches(now) if fresh else _withdrawn_branches())
    if hidden is not None:
        qs = qs.exclude(hidden)
    model = qs.model
    if issubclass(model, PublicPageMixin):
        return qs.filter(model.public_q())
    for restricted in _restricted_types():
        if issubclass(restricted, model):
            qs = qs.exclude(pk__in=restricted.objects.exclude(restricted.public_q()).values("pk"))
    return qs


def public_pages_by_parent(queryset):
    """The public pages of ``queryset`` by their parent's tree path, e.g. each agency's catalogue in
    one query; a parent with several such children keeps the last in tree order."""
    return {page.path[: -page.steplen]: page for page in public_pages(queryset).order_by("path")}


def is_publicly_visible(page):
    """The per-object form of :func:`public_pages`: the page and every ancestor live, not held, not expired."""
    now = timezone.now()
    if not page.live or page.expired:
        return False
    if page.expire_at and page.expire_at <= now:
        return False
    if page.go_live_at and page.go_live_at > now:
        return False
    specific = page.specific
    if isinstance(specific, PublicPageMixin) and not specific.is_public_by_type():
        return False
    ancestors = Page.objects.ancestor_of(page, inclusive=True).filter(depth__gt=1)
    return not ancestors.filter(_withdrawing_q(now)).exists()
