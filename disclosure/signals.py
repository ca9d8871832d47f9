from django.db.models.signals import post_save
from django.dispatch import receiver

from .agencies.models import AgencyPage
from .agencies.provisioning import provision_agency


@receiver(post_save, sender=AgencyPage)
def provision_new_agency(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        provision_agency(instance)
