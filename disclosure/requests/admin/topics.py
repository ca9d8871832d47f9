"""多人申请的相同内容 on the dashboard: the popular topics (``duplicates.popular_topics``) of the last
year in each agency the user handles requests for, each with its requests and the Art 44 action.

Grouping a year of an agency's applications costs a noticeable fraction of a second, too much for
every visit to the dashboard; the groups are cached under a key that changes whenever an
application of that year arrives or is discarded (their count, newest id and newest submission
time), so the list is never stale. Which topics already have a draft is read fresh each time.
"""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils import timezone

from ..choices import RequestState
from ..duplicates import popular_topics
from ..models import DisclosureRequest
from ..permissions import HANDLING_ROLES, agencies_for
from .views import proactive_drafts

#: How far back the dashboard looks for applications many people made.
LOOK_BACK = datetime.timedelta(days=365)
CACHE_SECONDS = 24 * 60 * 60


@dataclass
class AgencyTopic:
    agency: object
    topic: object
    drafts: list

    @property
    def representative(self):
        """The request the Art 44 action is taken on: the first application of the topic."""
        return self.topic.requests[0]


def _cache_key(agency, since):
    state = (
        DisclosureRequest.objects.filter(agency=agency, submitted_at__date__gte=since)
        .exclude(state=RequestState.DISCARDED)
        .aggregate(count=Count("pk"), newest=Max("pk"), latest=Max("submitted_at"))
    )
    latest = state["latest"].isoformat() if state["latest"] else ""
    return f"gongkai:requests:topics:{agency.pk}:{since}:{state['count']}:{state['newest']}:{latest}"


def topics_of(agency, since):
    key = _cache_key(agency, since)
    topics = cache.get(key)
    if topics is None:
        topics = popular_topics(agency, since)
        cache.set(key, topics, CACHE_SECONDS)
    return topics


def popular_topics_for(user, today=None):
    """[AgencyTopic] for every agency where ``user`` handles requests, the most asked first per agency."""
    since = (today or timezone.localdate()) - LOOK_BACK
    found = []
    for agency in agencies_for(user, HANDLING_ROLES).order_by("title"):
        for topic in topics_of(agency, since):
            found.append(AgencyTopic(agency, topic, proactive_drafts(*topic.requests)))
    return found
