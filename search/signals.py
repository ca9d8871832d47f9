"""Every event that can change what the public sees asks for the public index to follow."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from disclosure.catalogue.models import CatalogueItemPage
from disclosure.catalogue.taxonomy import CatalogueCategory
from disclosure.review.holds import PublicationHold

from .documents.dispatch import request_subtree_sync, request_sync
from .documents.models import PublicDocument


@receiver(page_published)
@receiver(page_unpublished)
def page_visibility_changed(sender, instance, **kwargs):
    request_subtree_sync(instance.pk)


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    # Wagtail unpublishes a page in pre_delete, before its row goes; a sync run then (in
    # process) still sees the page live and keeps its document, which must go with the page.
    if isinstance(instance, Page):
        for document in PublicDocument.objects.filter(pk=instance.pk):
            document.delete()


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    request_subtree_sync(instance.pk)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    request_subtree_sync(instance.page_id)


@receiver(post_save, sender=PublicationHold)
@receiver(post_delete, sender=PublicationHold)
def hold_changed(sender, instance, **kwargs):
    request_sync(instance.page_id)


@receiver(post_save, sender=CatalogueCategory)
def category_renamed(sender, instance, created, **kwargs):
    if not created:
        request_sync(*CatalogueItemPage.objects.filter(category=instance).values_list("pk", flat=True))


# Cached synonym and hot-query tables are dropped when editors change them.
from .queries import hot, synonyms  # noqa: E402, F401
