"""WAGTAIL_FINISH_WORKFLOW_ACTION: a finished workflow publishes only a secrecy-reviewed revision.

Wagtail imports this module while defining its own models: the register is named, not
imported, and Wagtail's own helpers are imported when first needed.
"""

from django.apps import apps

from .choices import ReviewDecision, ReviewStage


def secrecy_review_passed(workflow_state, revision):
    """Whether this run of the workflow recorded an approving secrecy decision on this very revision."""
    return (
        apps.get_model("disclosure", "ReviewRecord")
        .objects.filter(
            page_id=workflow_state.object_id,
            revision=revision,
            stage=ReviewStage.SECRECY,
            decision=ReviewDecision.APPROVED,
            decided_at__gte=workflow_state.created_at,
        )
        .exists()
    )


def publish_after_review(workflow_state, user=None):
    """Publish like Wagtail does, but never without a secrecy review.

    A workflow an administrator edited down to steps without 保密审查 still ends, but the
    item stays unpublished and the refusal is in its history.
    """
    from django.utils.translation import gettext as _
    from wagtail.log_actions import log

    obj = workflow_state.content_object
    revision = obj.get_latest_revision()
    if secrecy_review_passed(workflow_state, revision):
        revision.publish(user=user)
        return
    log(
        instance=obj,
        action="gongkai.review.publish_refused",
        user=user,
        revision=revision,
        data={"comment": _("Not published: this version has no approving secrecy review (保密审查).")},
    )
