"""The applicant's optional e-mail on every change of state (the box “e-mail me when the state changes”).

Short and deliberately poor in content: the number, the new state, the reply due date and a link to
the status page. Never the 查询码 (an e-mail is not a safe place for it) and none of the applicant's
personal data, so a forwarded or intercepted mail opens nothing. Sent only after the transaction
that changed the state commits: a rolled-back transition sends no mail.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .choices import EventKind, RequestState
from .public_links import application_page

#: Steps inside the agency that change nothing for the applicant: no mail for them.
INTERNAL_EVENTS = {EventKind.SUBMITTED, EventKind.STARTED, EventKind.ASSIGNED, EventKind.NOTE, EventKind.NOTICE_SENT}

logger = logging.getLogger(__name__)


def status_page_url(agency, number=""):
    """The absolute address of the agency's status page (with the number filled in), or "" without a public page."""
    page = application_page(agency)
    if page is None:
        return ""
    url = page.get_full_url()
    if not url:
        return ""
    return url + page.reverse_subpage("status") + (f"?{urlencode({'number': number})}" if number else "")


def should_notify(request, event):
    """A change of state (or of the due date by an extension), for an applicant who asked and gave an address."""
    if not (request.notify_by_email and request.email and not request.personal_data_purged_at):
        return False
    if event.kind in INTERNAL_EVENTS:
        return False
    return event.state_before != event.state_after or event.data.get("due") is not None


def compose(request, event=None):
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Your application %(number)s: %(state)s") % {
            "number": request.number,
            "state": request.get_state_display(),
        }
        lines = [
            _("The state of your application for government information has changed."),
            "",
            _("Application number: %(number)s") % {"number": request.number},
            _("New state: %(state)s") % {"state": request.get_state_display()},
        ]
        data = event.data if event is not None else {}
        if request.state in (RequestState.AWAITING_SUPPLEMENT, RequestState.AWAITING_REASONS) and data.get("what"):
            lines += ["", _("What the agency asks of you: %(what)s") % {"what": data["what"]}]
        if request.state == RequestState.AWAITING_SUPPLEMENT and request.applicant_due:
            lines.append(
                _("Please reply by %(date)s; the reply period starts again on the day your supplement arrives.")
                % {"date": f"{request.applicant_due:%Y-%m-%d}"}
            )
        elif request.due_date and request.is_open:
            lines.append(_("Reply due: %(date)s") % {"date": f"{request.due_date:%Y-%m-%d}"})
        url = status_page_url(request.agency, request.number)
        if url:
            lines += ["", _("See the details and download the notices, with your query code, at:"), url]
        lines += ["", _("This message was sent automatically; please do not reply to it.")]
    return subject, "\n".join(lines)


def _send(recipient, subject, body):
    try:
        send_mail(subject, body, None, [recipient])
    except Exception:  # the state has changed either way; a mail server's trouble must not undo or hide it
        logger.exception("The state-change e-mail could not be sent")


def on_request_transitioned(sender, request, event, **kwargs):
    """Listener of ``request_transitioned``: queue the applicant's e-mail for after the commit."""
    if not should_notify(request, event):
        return
    subject, body = compose(request, event)
    recipient = request.email
    transaction.on_commit(lambda: _send(recipient, subject, body))
