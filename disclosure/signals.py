from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, TaskState, WorkflowState
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    task_approved,
    task_rejected,
    workflow_cancelled,
    workflow_rejected,
)

from .agencies.models import AgencyPage
from .agencies.roles import create_role_groups
from .calendar.models import CalendarDay, CalendarYear
from .catalogue import stats
from .catalogue.models import CatalogueCategory, CatalogueItemPage, Genre, Topic
from .catalogue.seeding import seed_category_tree
from .reports import publication
from .reports.pages import AnnualReportPage
from .review.choices import ReviewDecision, ReviewStage
from .review.decisions import record_step_decision, stage_of
from .review.workflows import ensure_agency_workflow
from .screening import words
from .screening.models import SensitiveWord
from .tasks import recompute_request_deadlines
from .visibility import branches_changed, visibility_changed
from .visibility.models import PublicationHold


def provision_agency(agency):
    """What every new agency gets: its role groups scoped to its subtree and a document collection,
    a catalogue category tree seeded from the Art 20 preset, and the 三审 review workflow (which
    needs the groups)."""
    create_role_groups(agency)
    seed_category_tree(agency)
    ensure_agency_workflow(agency)


@receiver(post_save, sender=AgencyPage)
def provision_new_agency(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        provision_agency(instance)


def provision_existing_agencies(sender, app_config=None, **kwargs):
    """A role added in a later release (依申请公开办理人) reaches the agencies created before it."""
    if app_config is not None and app_config.label == "disclosure":
        for agency in AgencyPage.objects.all():
            create_role_groups(agency)


post_migrate.connect(provision_existing_agencies, dispatch_uid="disclosure.provision_existing_agencies")


@receiver(post_save, sender=CalendarDay)
@receiver(post_delete, sender=CalendarDay)
@receiver(post_save, sender=CalendarYear)
@receiver(post_delete, sender=CalendarYear)
def recompute_deadlines_after_calendar_change(sender, instance, raw=False, **kwargs):
    """Holiday data changes the due date of every open request: recompute them all, each move logged."""
    if raw:
        return
    reason = f"{sender._meta.verbose_name}: {instance}"
    transaction.on_commit(lambda: recompute_request_deadlines.delay(reason))


@receiver(page_unpublished, sender=CatalogueItemPage)
@receiver(post_delete, sender=CatalogueItemPage)
@receiver(page_unpublished, sender=AnnualReportPage)
@receiver(post_delete, sender=AnnualReportPage)
def refresh_catalogue_stats(sender, instance, **kwargs):
    stats.invalidate(instance.agency_id)


@receiver(post_save, sender=CatalogueItemPage)
@receiver(post_save, sender=AnnualReportPage)
def refresh_catalogue_stats_on_live_save(sender, instance, raw=False, **kwargs):
    # Publishing saves the item live; so do imports and scripts. Drafts change nothing public.
    if instance.live and not raw:
        stats.invalidate(instance.agency_id)


@receiver(page_published, sender=AnnualReportPage)
def publish_annual_report(sender, instance, revision=None, **kwargs):
    publication.mark_published(instance, user=getattr(revision, "user", None))


@receiver(workflow_rejected, sender=WorkflowState)
@receiver(workflow_cancelled, sender=WorkflowState)
def reopen_annual_report(sender, instance, user=None, **kwargs):
    page = instance.content_object
    if isinstance(page, Page) and isinstance(page.specific, AnnualReportPage):
        publication.return_to_draft(page.specific, user=user)


@receiver(post_save, sender=CatalogueCategory)
@receiver(post_delete, sender=CatalogueCategory)
def refresh_catalogue_stats_on_tree_change(sender, instance, raw=False, **kwargs):
    if not raw:
        stats.invalidate(instance.agency_id)


@receiver(post_save, sender=SensitiveWord)
@receiver(post_delete, sender=SensitiveWord)
def recompile_sensitive_words(sender, **kwargs):
    words.invalidate()


def _register_step(task_state, user, decision):
    # The secrecy task registers its own, richer decision in on_action.
    if stage_of(task_state.task.specific) != ReviewStage.SECRECY:
        record_step_decision(task_state, user, decision)


@receiver(task_approved, sender=TaskState)
def register_step_approval(sender, instance, user=None, **kwargs):
    _register_step(instance, user, ReviewDecision.APPROVED)


@receiver(task_rejected, sender=TaskState)
def register_step_return(sender, instance, user=None, **kwargs):
    _register_step(instance, user, ReviewDecision.RETURNED)


@receiver(page_published)
@receiver(page_unpublished)
def recompute_withdrawn_branches(sender, instance, **kwargs):
    # Only a page with children can hide others by being withdrawn.
    if instance.numchild:
        branches_changed()


@receiver(post_page_move)
def recompute_withdrawn_branches_after_move(sender, instance, **kwargs):
    branches_changed()


@receiver(post_save, sender=PublicationHold)
@receiver(post_delete, sender=PublicationHold)
def announce_hold_change(sender, instance, raw=False, **kwargs):
    """涉密不上网: a hold withdraws the page and everything under it from every public surface at once."""
    if raw:
        return
    branches_changed()
    placed = kwargs.get("signal") is post_save  # placed or changed; post_delete: lifted
    visibility_changed.send(sender=PublicationHold, page_ids=[instance.page_id], subtree=True, withdrawn=placed)


@receiver(post_delete, sender=Page)
def announce_page_deleted(sender, instance, **kwargs):
    # Sent for the Page row of every deleted page, whatever its type (and for each descendant).
    visibility_changed.send(sender=Page, page_ids=[instance.pk], withdrawn=True, deleted=True)


@receiver(post_save, sender=PageViewRestriction)
def announce_restriction_placed(sender, instance, raw=False, **kwargs):
    if not raw:
        visibility_changed.send(sender=PageViewRestriction, page_ids=[instance.page_id], subtree=True, withdrawn=True)


@receiver(post_delete, sender=PageViewRestriction)
def announce_restriction_lifted(sender, instance, **kwargs):
    visibility_changed.send(sender=PageViewRestriction, page_ids=[instance.page_id], subtree=True)


@receiver(post_save, sender=CatalogueCategory)
def announce_category_renamed(sender, instance, created, raw=False, **kwargs):
    # The items show the category's name (and search by it): their public copies must follow.
    if not created and not raw:
        page_ids = list(CatalogueItemPage.objects.filter(category=instance).values_list("pk", flat=True))
        if page_ids:
            visibility_changed.send(sender=CatalogueCategory, page_ids=page_ids)


def _items_filed_under(vocabulary):
    field = "topic" if isinstance(vocabulary, Topic) else "genre"
    return list(CatalogueItemPage.objects.filter(**{field: vocabulary}).values_list("pk", flat=True))


@receiver(post_save, sender=Topic)
@receiver(post_save, sender=Genre)
def announce_vocabulary_renamed(sender, instance, created, raw=False, **kwargs):
    # Items are searched by their 主题分类 and 体裁 names too.
    if not created and not raw:
        page_ids = _items_filed_under(instance)
        if page_ids:
            visibility_changed.send(sender=sender, page_ids=page_ids)


@receiver(pre_delete, sender=Topic)
@receiver(pre_delete, sender=Genre)
def remember_items_of_deleted_vocabulary(sender, instance, **kwargs):
    instance._gongkai_items = _items_filed_under(instance)  # their link is cleared before post_delete


@receiver(post_delete, sender=Topic)
@receiver(post_delete, sender=Genre)
def announce_vocabulary_deleted(sender, instance, **kwargs):
    page_ids = getattr(instance, "_gongkai_items", [])
    if page_ids:
        visibility_changed.send(sender=sender, page_ids=page_ids)


# 依申请公开, the public side: the applicant's optional e-mail on each change of state -------------------

from .requests import applicant_mail  # noqa: E402
from .requests.signals import request_transitioned  # noqa: E402

request_transitioned.connect(applicant_mail.on_request_transitioned, dispatch_uid="gongkai-applicant-mail")


# 导入目录: an import confirmed in the admin goes to the worker once the confirmation is committed --------

from functools import partial  # noqa: E402

from .catalogue.imports import jobs as import_jobs  # noqa: E402
from .catalogue.imports.transitions import job_queued  # noqa: E402
from .tasks import run_catalogue_import  # noqa: E402


@receiver(job_queued)
def queue_catalogue_import(sender, job, **kwargs):
    transaction.on_commit(partial(import_jobs.hand_to_worker, job.pk, run_catalogue_import.delay))
