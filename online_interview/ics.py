"""iCalendar (RFC 5545) for sessions, so citizens can put a session in their phone's calendar."""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .status import InterviewStatus


def _description(interview):
    """The summary; for a cancelled session, the cancellation and its notice first."""
    if not interview.cancelled:
        return interview.summary
    notice = " ".join(part for part in (_("This session has been cancelled."), interview.change_note.strip()) if part)
    return f"{notice}\n\n{interview.summary}"


def _event(interview, request):
    event = Event()
    host = request.get_host().split(":")[0] or "gongkai"
    event.add("uid", f"interview-{interview.pk}@{host}")
    event.add("summary", interview.title)
    event.add("dtstart", interview.start_at)
    event.add("dtend", interview.end_at)
    event.add("dtstamp", interview.last_published_at or timezone.now())
    event.add("description", _description(interview))
    if interview.location:
        event.add("location", interview.location)
    event.add("url", interview.get_full_url(request) or request.build_absolute_uri(interview.url))
    if interview.status() == InterviewStatus.CANCELLED:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    return event


def calendar_response(interviews, request, filename):
    calendar = Calendar()
    calendar.add("prodid", "-//Gongkai//Online interviews//ZH")
    calendar.add("version", "2.0")
    calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
    for interview in interviews:
        calendar.add_component(_event(interview, request))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
