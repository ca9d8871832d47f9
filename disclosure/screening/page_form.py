"""The page form every reviewed page type uses: a secrecy marking stops the submission.

The check runs while the form is validated, so a refused submission saves nothing and
the editor keeps every change in the form, with the findings shown above it.
"""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from .scan import screen_form

SUBMIT_ACTIONS = ("action-submit", "action-restart-workflow")


def findings_html(findings):
    return format_html(
        '<ul class="screening-findings">{}</ul>',
        format_html_join(
            "",
            "<li><strong>{}</strong>（{}）{}</li>",
            ((finding.kind_label, finding.source, finding.highlighted()) for finding in findings),
        ),
    )


def blocked_message(findings):
    """Plain text: Wagtail lists form errors escaped, so the markings are set off with 【】."""
    intro = _(
        "This content carries secrecy markings and cannot be submitted for publication "
        "(涉密不上网). Remove the classified content or stop the publication:"
    )
    found = "；".join(f"{finding.source}：{finding.highlighted_text()}" for finding in findings)
    return f"{intro} {found}"


class ScreenedPageForm(WagtailAdminPageForm):
    def is_submitting(self):
        return any(self.data.get(action) for action in SUBMIT_ACTIONS)

    def is_valid(self):
        valid = super().is_valid()
        if valid and self.is_submitting():
            blocking = [finding for finding in screen_form(self) if finding.blocking]
            if blocking:
                self.add_error(None, blocked_message(blocking))
                return False
        return valid
