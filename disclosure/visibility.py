"""The one rule that decides whether a page may be shown to the public.

Every public surface — page serving, listings, counts, the home page, feeds, the sitemap,
search, document downloads — asks this module; nothing filters on ``live`` by itself.
A page a reviewer withheld (涉密 / 不予公开, see ``review.holds``) is not public even if live.
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from .review.page_form import ScreenedPageForm


class PublicPageMixin:
    """Page types that add conditions of their own (e.g. 不予公开 items) override ``public_q``.

    Every public page type is reviewed before publication, so its admin form screens
    submissions for secrecy markings (``review.page_form``).
    """

    base_form_class = ScreenedPageForm

    @classmethod
    def public_q(cls):
        return Q()

    def is_public_by_type(self):
        return True

    #: Whether the public may download the documents this page links (see attachments.serving).
    shows_attachments = True


def _restricted_types():
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if issubclass(model, PublicPageMixin) and model.public_q()]


def _time_q(now):
    return (Q(expire_at__isnull=True) | Q(expire_at__gt=now)) & (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))


def _held_ids():
    from .review.holds import PublicationHold

    return PublicationHold.objects.values("page_id")


def public_pages(queryset):
    """Narrow a page queryset to what an anonymous visitor may see right now."""
    qs = queryset.live().public().filter(_time_q(timezone.now())).exclude(pk__in=_held_ids())
    model = qs.model
    if issubclass(model, PublicPageMixin):
        return qs.filter(model.public_q())
    for restricted in _restricted_types():
        if issubclass(restricted, model):
            qs = qs.exclude(pk__in=restricted.objects.exclude(restricted.public_q()).values("pk"))
    return qs


def is_publicly_visible(page):
    """The per-object form of :func:`public_pages`, also requiring every ancestor to be live and not held."""
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
    blocked = (Q(live=False) & ~Q(pk=page.pk)) | Q(pk__in=_held_ids())
    return not ancestors.filter(blocked).exists()
