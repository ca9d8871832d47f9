"""The interview editor form: a sane schedule, and a reason when the preview comes late."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.api import ScreenedPageForm

from .. import conf


def is_short_notice(start_at, now=None):
    lead = datetime.timedelta(days=conf.get("PREVIEW_LEAD_DAYS"))
    return start_at - (now or timezone.now()) < lead


def published_start(page):
    """The start the public was told, or None while no version has been published."""
    if not page.pk or not page.live:
        return None
    return type(page).objects.filter(pk=page.pk).values_list("start_at", flat=True).first()


class InterviewPageForm(ScreenedPageForm):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_at"), cleaned.get("end_at")
        if start and end and end <= start:
            self.add_error("end_at", _("The session must end after it starts."))
        announced = published_start(self.instance)
        changes_schedule = announced is None or announced != start
        # Drafts may be saved freely; the confirmation is asked when the preview heads for the public.
        heads_for_public = self.is_submitting() or bool(self.data.get("action-publish"))
        late = start and changes_schedule and not cleaned.get("cancelled") and is_short_notice(start)
        if late and heads_for_public:
            if not (cleaned.get("short_notice_reason") or "").strip():
                self.add_error(
                    "short_notice_reason",
                    _(
                        "The preview would go public less than %(days)d days before the start. "
                        "To publish at short notice, give the reason here; it is logged with the publication."
                    )
                    % {"days": conf.get("PREVIEW_LEAD_DAYS")},
                )
        return cleaned
