from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .lifecycle.transitions import announce
from .live.updates import forget_state
from .pages.models import InterviewPage


@receiver(page_published, sender=InterviewPage)
def interview_published(sender, instance, revision=None, **kwargs):
    announce(instance, user=getattr(revision, "user", None))


@receiver(page_unpublished, sender=InterviewPage)
def interview_unpublished(sender, instance, **kwargs):
    forget_state(instance.pk)
