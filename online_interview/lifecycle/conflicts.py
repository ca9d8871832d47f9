"""Double bookings: a guest or a location in two sessions at overlapping times."""

from dataclasses import dataclass

from django.db.models import Q

from ..pages.models import InterviewGuest, InterviewPage


@dataclass
class Conflict:
    kind: str  # "guest" or "location"
    name: str
    other: InterviewPage


def find_conflicts(interview, guest_names=None):
    """Other sessions, not cancelled, overlapping ``interview`` that share a guest or the location."""
    if guest_names is None:
        guest_names = [guest.name for guest in interview.guests.all()]
    overlapping = (
        InterviewPage.objects.filter(cancelled=False, start_at__lt=interview.end_at, end_at__gt=interview.start_at)
        .exclude(pk=interview.pk)
        .order_by("start_at")
    )
    conflicts = []
    names = {name.strip() for name in guest_names if name.strip()}
    if names:
        shared = InterviewGuest.objects.filter(interview__in=overlapping, name__in=names).select_related("interview")
        conflicts += [Conflict("guest", guest.name, guest.interview) for guest in shared]
    location = interview.location.strip()
    if location:
        conflicts += [Conflict("location", location, other) for other in overlapping.filter(Q(location=location))]
    return conflicts
