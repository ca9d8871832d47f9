import datetime

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.models import PageLogEntry

from disclosure.models import AnnouncementPage
from disclosure.tasks import publish_scheduled_content
from tests import factories
from tests.celery_worker import real_worker, wait_until


def make_due_and_expiring_announcements():
    column = factories.make_announcement_column(factories.home())
    now = timezone.now()
    scheduled = factories.make_announcement(
        column, title="定时发布的公告", live=False, go_live_at=now + datetime.timedelta(hours=1)
    )
    factories.publish(scheduled)
    assert not AnnouncementPage.objects.get(pk=scheduled.pk).live
    # Let the scheduled time pass.
    past = now - datetime.timedelta(minutes=1)
    AnnouncementPage.objects.filter(pk=scheduled.pk).update(go_live_at=past)
    for revision in scheduled.revisions.all():
        revision.content["go_live_at"] = past.isoformat()
        revision.approved_go_live_at = past
        revision.save()
    expiring = factories.make_announcement(column, title="到期下线的公告", expire_at=now + datetime.timedelta(hours=1))
    AnnouncementPage.objects.filter(pk=expiring.pk).update(expire_at=past)
    return scheduled, expiring


def assert_executed_and_logged(scheduled, expiring):
    assert AnnouncementPage.objects.get(pk=scheduled.pk).live
    gone = AnnouncementPage.objects.get(pk=expiring.pk)
    assert not gone.live and gone.expired
    actions = set(PageLogEntry.objects.filter(page__in=[scheduled, expiring]).values_list("action", flat=True))
    assert {"wagtail.publish.scheduled", "wagtail.unpublish.scheduled"} <= actions


@pytest.mark.django_db
def test_the_task_publishes_due_pages_and_expires_old_ones():
    scheduled, expiring = make_due_and_expiring_announcements()
    publish_scheduled_content()
    assert_executed_and_logged(scheduled, expiring)


def test_beat_runs_the_task_every_minute_by_default():
    entry = settings.CELERY_BEAT_SCHEDULE["publish-scheduled-content"]
    assert entry["task"] == publish_scheduled_content.name
    assert entry["schedule"] <= 60


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_task_runs_through_the_configured_broker_and_a_real_worker():
    """With CI's RabbitMQ/Redis (CELERY_BROKER_URL) this goes over the network; locally over memory://."""
    scheduled, expiring = make_due_and_expiring_announcements()
    with real_worker():
        publish_scheduled_content.delay()
        wait_until(lambda: AnnouncementPage.objects.get(pk=scheduled.pk).live)
    assert_executed_and_logged(scheduled, expiring)
