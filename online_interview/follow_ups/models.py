from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FollowUp(models.Model):
    """补录: an approved question the session did not reach, to be answered publicly by ``due_on``."""

    question = models.OneToOneField(
        "online_interview.Question", verbose_name=_("question"), on_delete=models.CASCADE, related_name="follow_up"
    )
    due_on = models.DateField(_("due"))
    due_is_estimate = models.BooleanField(
        _("due date estimated"),
        default=False,
        help_text=_("The working-day calendar lacks that year's holidays: only weekends were skipped."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    reminded_on = models.DateField(_("last reminder"), null=True, blank=True)
    done_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up answer (补录)")
        verbose_name_plural = _("follow-up answers (补录)")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return str(self.question)

    @property
    def interview(self):
        return self.question.interview

    def is_overdue(self, today=None):
        return self.done_at is None and (today or timezone.localdate()) > self.due_on

    is_overdue.boolean = True
    is_overdue.short_description = _("overdue")
