"""The one rule that decides whether a page may be shown to the public.

Every public surface — page serving, listings, counts, the home page, feeds, the sitemap,
search — asks this module; nothing filters on ``live`` by itself.
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page


class PublicPageMixin:
    """Page types that add conditions of their own (e.g. 不予公开 items) override ``public_q``."""

    @classmethod
    def public_q(cls):
        return Q()

    def is_public_by_type(self):
        return True


def _restricted_types():
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if issubclass(model, PublicPageMixin) and model.public_q()]


def _time_q(now):
    return (Q(expire_at__isnull=True) | Q(expire_at__gt=now)) & (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))


def public_pages(queryset):
    """Narrow a page queryset to what an anonymous visitor may see right now."""
    qs = queryset.live().public().filter(_time_q(timezone.now()))
    model = qs.model
    if issubclass(model, PublicPageMixin):
        return qs.filter(model.public_q())
    for restricted in _restricted_types():
        if issubclass(restricted, model):
            qs = qs.exclude(pk__in=restricted.objects.exclude(restricted.public_q()).values("pk"))
    return qs


def is_publicly_visible(page):
    """The per-object form of :func:`public_pages`, also requiring every ancestor to be live."""
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
    return not Page.objects.ancestor_of(page).filter(depth__gt=1, live=False).exists()
