"""Recording review decisions: the register row, the audit-log entry, and publication holds."""

from django.apps import apps
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..agencies.models import AgencyRole, agency_of
from ..catalogue import stats
from ..catalogue.choices import DisclosureMode
from ..visibility.models import HoldReason, PublicationHold
from .choices import ReviewDecision, ReviewStage, SecrecyStatus


def proposed_mode(page):
    """The 公开属性 the draft proposes; content without the field is meant for proactive disclosure."""
    return getattr(page, "disclosure_mode", "") or DisclosureMode.PROACTIVE


def _summary_of(page):
    return (getattr(page, "summary", "") or page.search_description or "")[:255]


def _records():
    # The register's model is defined beside the secrecy task, which records through this module.
    return apps.get_model("disclosure", "ReviewRecord")


def stage_of(task):
    if getattr(task, "review_stage", None):  # the secrecy task says so itself
        return task.review_stage
    roles = set(task.groups.values_list("agency_role__role", flat=True)) if hasattr(task, "groups") else set()
    if AgencyRole.LEADER in roles:
        return ReviewStage.FINAL
    if AgencyRole.DEPARTMENT_REVIEWER in roles:
        return ReviewStage.DEPARTMENT
    return ReviewStage.OTHER


def reviewed_version(task_state):
    return task_state.revision.as_object() if task_state.revision_id else task_state.workflow_state.content_object


def _new_record(task_state, page, user, **fields):
    return _records().objects.create(
        page_id=page.pk,
        revision_id=task_state.revision_id,
        agency=agency_of(page),
        item_title=page.title[:255],
        item_summary=_summary_of(page),
        index_number=getattr(page, "index_number", "") or "",
        step_name=task_state.task.name,
        stage=stage_of(task_state.task.specific),
        proposed_mode=proposed_mode(page),
        reviewer=user,
        reviewer_name=(user.get_full_name() or user.get_username()) if user else "",
        **fields,
    )


def _log(page, record, task_state, user):
    log(
        instance=page,
        action="gongkai.review.decision",
        user=user,
        revision=task_state.revision,
        data={"comment": record.summary_line(), "review_record": record.pk},
    )


@transaction.atomic
def record_secrecy_decision(
    task_state,
    user,
    returned,
    secrecy_status,
    disclosure_mode,
    statutory_reason="",
    redaction_needed=False,
    redaction_notes="",
    findings_acknowledged=False,
    findings_count=0,
    comment="",
    **_ignored,
):
    """Keep the secrecy reviewer's decision; 涉密/不予公开 or a changed attribute send the item back."""
    page = reviewed_version(task_state)
    proposed = proposed_mode(page)
    withheld = secrecy_status == SecrecyStatus.SECRET or disclosure_mode == DisclosureMode.NOT_DISCLOSED
    mismatch = disclosure_mode != proposed
    notes = [comment.strip()] if comment.strip() else []
    if mismatch and not withheld:
        notes.append(
            _(
                "The decided disclosure attribute (%(decided)s) differs from the draft's (%(proposed)s): change it and resubmit."
            )
            % {
                "decided": DisclosureMode(disclosure_mode).label,
                "proposed": DisclosureMode(proposed).label,
            }
        )
    decision = ReviewDecision.RETURNED if returned or withheld or mismatch else ReviewDecision.APPROVED
    record = _new_record(
        task_state,
        page,
        user,
        decided_mode=disclosure_mode,
        secrecy_status=secrecy_status,
        statutory_reason=statutory_reason if disclosure_mode != DisclosureMode.PROACTIVE else "",
        redaction_needed=bool(redaction_needed),
        redaction_notes=redaction_notes.strip() if redaction_needed else "",
        findings_count=findings_count,
        findings_acknowledged=bool(findings_acknowledged),
        decision=decision,
        comment="\n".join(notes),
    )
    _log(page, record, task_state, user)
    if withheld:
        hold(
            page,
            HoldReason.SECRET if secrecy_status == SecrecyStatus.SECRET else HoldReason.NOT_DISCLOSED,
            record,
            user,
        )
    elif decision == ReviewDecision.APPROVED:
        release(page, record, user)
    return record


def record_step_decision(task_state, user, decision):
    """Department and leader steps (plain group approval tasks) are registered too."""
    page = reviewed_version(task_state)
    record = _new_record(task_state, page, user, decision=decision, comment=task_state.comment or "")
    _log(page, record, task_state, user)
    return record


def hold(page, reason, record, user):
    PublicationHold.objects.update_or_create(page_id=page.pk, defaults={"reason": reason, "record": record})
    log(instance=page, action="gongkai.review.hold", user=user, data={"comment": HoldReason(reason).label})
    stats.invalidate(record.agency_id)


def release(page, record, user):
    deleted, _rows = PublicationHold.objects.filter(page_id=page.pk).delete()
    if deleted:
        log(instance=page, action="gongkai.review.release", user=user, data={"comment": record.summary_line()})
        stats.invalidate(record.agency_id)
