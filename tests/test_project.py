"""Project-wide guard rails: migrations are complete, every string is translated, demo builds."""

from io import StringIO
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from wagtail.models import TaskState

from disclosure.models import AgencyPage, AnnouncementPage, CatalogueItemPage, DisclosureGuidePage
from online_interview.models import FollowUp, InterviewPage, Question, ScheduleChange, TranscriptEntry

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(ROOT.glob("*/locale/zh_Hans/LC_MESSAGES/django.po")) + sorted(
    ROOT.glob("locale/zh_Hans/LC_MESSAGES/django.po")
)


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_string_has_a_chinese_translation_and_is_compiled(path):
    po = polib.pofile(str(path))
    assert not po.untranslated_entries(), [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries(), [e.msgid for e in po.fuzzy_entries()]
    mo = path.with_suffix(".mo")
    assert mo.exists() and {e.msgid for e in polib.mofile(str(mo))} >= {e.msgid for e in po.translated_entries()}


def test_there_are_catalogues_for_each_app():
    assert {p.relative_to(ROOT).parts[0] for p in CATALOGUES} == {
        "cms",
        "disclosure",
        "search",
        "online_interview",
        "locale",
    }


@pytest.mark.django_db
def test_seed_demo_builds_a_believable_county():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    kinds = set(AgencyPage.objects.values_list("kind", flat=True))
    assert AgencyPage.objects.count() >= 4 and len(kinds) >= 4
    assert CatalogueItemPage.objects.live().count() >= 300
    assert DisclosureGuidePage.objects.live().count() == AgencyPage.objects.count()
    assert AnnouncementPage.objects.live().exists()
    assert CatalogueItemPage.objects.filter(index_number__isnull=True, live=True).count() == 0
    assert CatalogueItemPage.objects.exclude(validity="valid").filter(replaced_by__isnull=False).exists()
    assert AgencyPage.objects.filter(parent_agency__isnull=False, kind="township").exists()
    assert "admin / gongkai-demo" in out.getvalue()
    # Reviewers find a queue: one draft at 科室初审, one with personal data at 保密审查.
    waiting = {state.task.name for state in TaskState.objects.filter(status="in_progress")}
    assert waiting == {"县教育局科室初审", "县教育局保密审查"}
    # Online interviews in every state, with questions, a held answer and 补录 work.
    sessions = InterviewPage.objects.live()
    assert {session.status() for session in sessions} == {"upcoming", "live", "ended", "cancelled"}
    assert ScheduleChange.objects.filter(cancelled=False).exists()
    assert Question.objects.filter(state="pending").exists() and TranscriptEntry.objects.filter(released=False).exists()
    assert (
        FollowUp.objects.filter(done_at__isnull=True).exists()
        and FollowUp.objects.filter(done_at__isnull=False).exists()
    )
    call_command("seed_demo", stdout=out)  # a second run changes nothing
    assert CatalogueItemPage.objects.live().count() >= 300
