from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_unpublished

from .agencies.models import AgencyPage
from .agencies.provisioning import provision_agency
from .catalogue import stats
from .catalogue.models import CatalogueItemPage
from .catalogue.taxonomy import CatalogueCategory


@receiver(post_save, sender=AgencyPage)
def provision_new_agency(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        provision_agency(instance)


@receiver(page_unpublished, sender=CatalogueItemPage)
@receiver(post_delete, sender=CatalogueItemPage)
def refresh_catalogue_stats(sender, instance, **kwargs):
    stats.invalidate(instance.agency_id)


@receiver(post_save, sender=CatalogueItemPage)
def refresh_catalogue_stats_on_live_save(sender, instance, raw=False, **kwargs):
    # Publishing saves the item live; so do imports and scripts. Drafts change nothing public.
    if instance.live and not raw:
        stats.invalidate(instance.agency_id)


@receiver(post_save, sender=CatalogueCategory)
@receiver(post_delete, sender=CatalogueCategory)
def refresh_catalogue_stats_on_tree_change(sender, instance, raw=False, **kwargs):
    if not raw:
        stats.invalidate(instance.agency_id)
