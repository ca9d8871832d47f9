"""A person at the request desk, driving the real Wagtail admin over HTTP (forms posted as a browser would)."""

import datetime
import html as html_module
import re

from django.urls import reverse

from disclosure.calendar.models import CalendarYear
from disclosure.requests import intake
from disclosure.requests.choices import IntakeChannel

from .helpers import VALID_ID, application_data


def ensure_calendar_years(today):
    """Tests run on the real date: a period reaching into a year the package does not cover yet counts
    plain weekdays there instead of failing (the clock's own tests cover the missing-year case)."""
    for year in (today.year, today.year + 1):
        CalendarYear.objects.get_or_create(year=year, defaults={"source": "tests"})


def fields(prefix, **values):
    return {f"{prefix}-{name}": _value(value) for name, value in values.items()}


def _value(value):
    if isinstance(value, datetime.date):
        return f"{value:%Y-%m-%d}"
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, (list, tuple)):
        return [_value(item) for item in value]
    return value


def submitted(agency, **overrides):
    """An online application as the public form submits it (its receipt not yet confirmed)."""
    return intake.submit_online(agency, application_data(**overrides), id_number=VALID_ID).request


class RequestDesk:
    def __init__(self, client):
        self.client = client

    def login(self, user):
        self.client.force_login(user)
        return self

    def logout(self):
        self.client.logout()
        return self

    def queue(self, **params):
        return self.client.get(reverse("disclosure_requests:index"), params)

    def queue_pks(self, **params):
        response = self.queue(**params)
        assert response.status_code == 200, response.status_code
        return [int(pk) for pk in re.findall(r'href="/admin/requests/(\d+)/"', response.content.decode())]

    def detail(self, request):
        return self.client.get(reverse("disclosure_requests:detail", args=[request.pk]))

    def act(self, request, action, **values):
        url = reverse("disclosure_requests:act", args=[request.pk, action])
        return self.client.post(url, fields(action, **values))

    def register(self, data):
        return self.client.post(reverse("disclosure_requests:add"), data)


def registration_data(agency, received_on, channel=IntakeChannel.LETTER, **overrides):
    data = {
        **application_data(),
        "id_number": VALID_ID,
        "agency": agency.pk,
        "channel": channel,
        "received_on": f"{received_on:%Y-%m-%d}",
        "note": "",
    }
    data.update(overrides)
    return data


def form_errors(response):
    """The error messages the page's forms show, as text (not the message at the top that points to them)."""
    html = re.sub(r'<ul data-w-messages-target="container">.*?</ul>', "", response.content.decode(), flags=re.S)
    chunks = re.findall(r'<p class="error-message">(.*?)</p>|<li class="error">(.*?)</li>', html, re.S)
    return html_module.unescape(" ".join(" ".join(part.split()) for chunk in chunks for part in chunk if part))


def refused(response):
    """Wagtail answers a refused admin view with a redirect to the dashboard (and a message), or a 403."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))
