from django.core.cache import cache
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .lifecycle.transitions import announce
from .live.feed import process_cache
from .live.updates import state_key
from .pages.interview import InterviewPage


@receiver(page_published, sender=InterviewPage)
def interview_published(sender, instance, revision=None, **kwargs):
    announce(instance, user=getattr(revision, "user", None))


@receiver(page_unpublished, sender=InterviewPage)
def interview_unpublished(sender, instance, **kwargs):
    cache.delete(state_key(instance.pk))
    process_cache.forget(state_key(instance.pk))
