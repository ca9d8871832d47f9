"""Demo smoke run: `make demo` as a new user runs it, then what its background worker must do.

Started on its own port, with its own var/, database and media folder, and nothing but the
embedded default (SQLite, the filesystem broker, the database search backend):

- an item scheduled 10 s ahead is public within 90 s;
- a newly published item is found by /api/search/ within 90 s;
- an interview whose end time passes closes and creates its 补录 tasks;
- the demo's log holds no traceback.

Usage: .venv/bin/python .ci/smoke/demo.py   (exit 1 with the demo's log tail on failure)
"""

import os
import tempfile
from pathlib import Path

from common import Browser, SmokeFailure, answers, free_port, main, say, shell, start, wait_until, watched

SEED_TIMEOUT = 900  # `make demo` on a fresh clone: install (cached), migrate, seed the county
DEADLINE = 90

SCHEDULE_ITEM = """
import datetime, json
from django.utils import timezone
from wagtail.models import Site
from disclosure.models import AgencyPage, CatalogueIndexPage, CatalogueItemPage

agency = AgencyPage.objects.get(slug="jyj")
catalogue = CatalogueIndexPage.objects.child_of(agency).get()
site = Site.objects.get(is_default_site=True)
pages = {}
for key, title, delay in [
    ("scheduled", "关于调整县城区中小学校放学时间的通知", 10),
    ("published", "关于开展蝾螈栖息地保护科普进校园活动的通知", None),
]:
    item = CatalogueItemPage(
        title=title,
        summary=title,
        generated_date=timezone.localdate(),
        category=agency.catalogue_categories.get(code="0102"),
        body="<p>" + title + "。各中小学校按本通知执行。</p>",
        live=False,
    )
    if delay:
        item.go_live_at = timezone.now() + datetime.timedelta(seconds=delay)
    catalogue.add_child(instance=item)
    item.save_revision().publish()
    item.refresh_from_db()
    pages[key] = {"url": item.relative_url(site), "live": item.live}
print(json.dumps(pages))
"""

END_INTERVIEW = """
import datetime, json
from django.contrib.auth import get_user_model
from django.utils import timezone
from online_interview.models import InterviewPage, Question
from online_interview.questions.moderation import approve
from online_interview.status import status_at

session = next(page for page in InterviewPage.objects.live() if status_at(page) == "live")
waiting = Question.objects.filter(interview=session, state="pending").first()
approve(waiting, get_user_model().objects.get(username="admin"))
session.end_at = timezone.now() + datetime.timedelta(seconds=5)
session.save_revision().publish()
print(json.dumps({"session": session.pk, "question": waiting.pk}))
"""

INTERVIEW_STATE = """
import json
from online_interview.models import FollowUp, SessionProgress
progress = SessionProgress.objects.get(interview_id={session})
print(json.dumps({{"phase": progress.phase, "follow_up": FollowUp.objects.filter(question_id={question}).exists()}}))
"""


def demo_environment(folder):
    env = {name: value for name, value in os.environ.items() if not name.startswith(("DJANGO_", "CELERY_"))}
    for name in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"):
        env.pop(name, None)
    env.update(
        GONGKAI_VAR_DIR=str(folder / "var"),
        MEDIA_ROOT=str(folder / "media"),
        DATABASE_URL=f"sqlite:///{folder / 'demo.sqlite3'}",
        PYTHONUNBUFFERED="1",
    )
    return env


def smoke():
    folder = Path(tempfile.mkdtemp(prefix="gongkai-demo-smoke-"))
    log = folder / "demo.log"
    env = demo_environment(folder)
    port = free_port()
    say(f"make demo on port {port}, log {log}")
    demo = start(["make", "demo", f"DEMO_ADDR=127.0.0.1:{port}"], env, log)
    browser = Browser(port)
    with watched(demo, log, "make demo"):
        wait_until("the demo answers", lambda: answers(browser), SEED_TIMEOUT, interval=3, process=demo)
        status, _headers, sitemap = browser.get("/sitemap.xml")
        if status != 200 or f"<loc>http://127.0.0.1:{port}/" not in sitemap.decode():
            raise SmokeFailure("sitemap.xml does not name the address the demo serves")
        status, _headers, feed = browser.get("/feeds/latest/rss/")
        if status != 200 or b"<item>" not in feed:
            raise SmokeFailure("the site-wide feed is missing or empty")

        pages = shell(env, SCHEDULE_ITEM)
        if pages["scheduled"]["live"]:
            raise SmokeFailure("the scheduled item was live before its time")
        wait_until(
            "the item scheduled 10 s ahead is public",
            lambda: browser.get(pages["scheduled"]["url"])[0] == 200,
            10 + DEADLINE,
            process=demo,
        )
        wait_until(
            "the newly published item is found by /api/search/",
            lambda: any(hit["url"].endswith(pages["published"]["url"]) for hit in browser.search("蝾螈")["results"]),
            DEADLINE,
            process=demo,
        )

        ids = shell(env, END_INTERVIEW)
        wait_until(
            "the interview closes at its end time and creates its 补录 task",
            lambda: shell(env, INTERVIEW_STATE.format(**ids)) == {"phase": "ended", "follow_up": True},
            5 + DEADLINE,
            interval=5,
            process=demo,
        )
    say("demo smoke run passed")


if __name__ == "__main__":
    main(smoke)
