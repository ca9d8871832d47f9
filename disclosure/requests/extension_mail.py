"""The e-mail that tells an agency's leaders an extension waits for their decision (Art 33).

A handler can only *propose* more time; the reply period is extended when someone with the
approve-extension permission says so, and the days pass whether or not anyone looks at the
dashboard. So the proposal is mailed, after its transaction commits, to the agency's leaders who
hold that permission. The mail names the request and links to its page in the admin; it carries
none of the applicant's personal data.

Connected from ``DisclosureConfig.ready``.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from ..agencies.models import AgencyRole
from .choices import EventKind
from .models import DisclosureRequest
from .signals import request_transitioned

logger = logging.getLogger(__name__)

APPROVE_PERMISSION = "disclosure.approve_extension"


def approvers(agency):
    """The agency's leaders who may approve an extension and have an e-mail address."""
    leaders = (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__agency_role__agency=agency,
            groups__agency_role__role=AgencyRole.LEADER,
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    return [user for user in leaders if user.has_perm(APPROVE_PERMISSION)]


def compose(request, event):
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Extension proposed for %(number)s: waiting for your approval") % {"number": request.number}
        actor = (event.actor.get_full_name() or event.actor.get_username()) if event.actor else ""
        lines = [
            _("A handler proposes to extend the reply period of a request for disclosure (Art 33)."),
            "",
            _("Application number: %(number)s") % {"number": request.number},
            _("Extension proposed: %(days)d working days") % {"days": event.data.get("days", 0)},
            _("Reason: %(reason)s") % {"reason": event.note},
        ]
        if actor:
            lines.append(_("Proposed by: %(name)s") % {"name": actor})
        if request.due_date:
            lines.append(_("Reply due now: %(date)s") % {"date": f"{request.due_date:%Y-%m-%d}"})
        lines += [
            "",
            _("Approve or refuse it on the request's page:"),
            settings.WAGTAILADMIN_BASE_URL + reverse("disclosure_requests:detail", args=[request.pk]),
        ]
    return subject, "\n".join(lines)


def _send(recipients, subject, body):
    try:
        send_mail(subject, body, None, recipients)
    except Exception:  # the proposal stands either way; the dashboard still lists it
        logger.exception("The extension proposal e-mail could not be sent")


@receiver(request_transitioned, sender=DisclosureRequest, dispatch_uid="disclosure.requests.extension_mail")
def mail_extension_proposal(sender, request, event, **kwargs):
    if event.kind != EventKind.EXTENSION_PROPOSED:
        return
    recipients = [user.email for user in approvers(request.agency)]
    if not recipients:
        return
    subject, body = compose(request, event)
    transaction.on_commit(lambda: _send(recipients, subject, body))
