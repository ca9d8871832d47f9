"""Production-stack smoke run: the README's production setup on PostgreSQL + Redis, as a sysadmin starts it.

`cms.settings.production`; migrate, collectstatic, `check --deploy` with no warning left;
then the repository's Procfile under honcho — gunicorn, one Celery worker, one beat, as
separate processes (deploy/systemd/ runs the same commands; tests/test_deploy.py checks
that). This script plays nginx: it talks plain HTTP to gunicorn with X-Forwarded-Proto.

- plain HTTP is redirected to HTTPS (SECURE_SSL_REDIRECT), with HSTS on HTTPS;
- an item taken through the 三审 review in the admin over HTTP (login, CSRF, session) is
  public at once and searchable within 90 s;
- an item scheduled 10 s ahead goes live within 90 s;
- static files are served (WhiteNoise); /media/documents/ is not;
- no process logs a traceback.

Usage: .venv/bin/python .ci/smoke/production.py
Environment: SMOKE_POSTGRES (default postgres://postgres@127.0.0.1:5432), SMOKE_REDIS_URL
(default redis://127.0.0.1:6379/3; the database is flushed).
"""

import os
import re
import secrets
import tempfile
from pathlib import Path

import psycopg
import redis
from common import (
    PYTHON,
    ROOT,
    Browser,
    SmokeFailure,
    answers,
    free_port,
    main,
    run,
    say,
    shell,
    start,
    wait_until,
    watched,
)
from cryptography.fernet import Fernet

DATABASE = "gongkai_smoke"
DEADLINE = 90
PASSWORD = "gongkai-demo"
TITLE_WORD = "作息时间"

REVIEW_STATE = """
import json
from django.urls import reverse
from wagtail.models import Site
from disclosure.models import CatalogueItemPage
item = CatalogueItemPage.objects.get(title__contains="作息时间调整")
state = item.current_workflow_task_state
print(json.dumps({"page": item.pk, "live": item.live, "url": item.relative_url(Site.objects.get(is_default_site=True)), "task_state": state.pk if state else None,
                  "task": state.task.name if state else None,
                  "approve": reverse("wagtailadmin_pages:workflow_action", args=[item.pk, "approve", state.pk]) if state else None}))
"""

SCHEDULE_ITEM_AND_DOCUMENT = """
import datetime, json
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Site
from disclosure.models import AgencyPage, CatalogueIndexPage, CatalogueItemPage

agency = AgencyPage.objects.get(slug="wjj")
catalogue = CatalogueIndexPage.objects.child_of(agency).get()
title = "关于调整县域家庭医生签约服务时间的通知"
item = CatalogueItemPage(title=title, summary=title, generated_date=timezone.localdate(),
                         category=agency.catalogue_categories.get(code="0102"), body="<p>" + title + "</p>", live=False,
                         go_live_at=timezone.now() + datetime.timedelta(seconds=10))
catalogue.add_child(instance=item)
item.save_revision().publish()
item.refresh_from_db()
document = get_document_model().objects.create(title="内部工作底稿",
                                               file=ContentFile(b"%PDF-1.4 internal draft", name="internal-draft.pdf"))
print(json.dumps({"url": item.relative_url(Site.objects.get(is_default_site=True)), "live": item.live,
                  "media_url": document.file.url, "document_url": document.url}))
"""


def production_environment(folder, port):
    postgres = os.environ.get("SMOKE_POSTGRES", "postgres://postgres@127.0.0.1:5432")
    env = {name: value for name, value in os.environ.items() if not name.startswith(("DJANGO_", "CELERY_"))}
    env.pop("ELASTICSEARCH_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"{postgres}/{DATABASE}",
        REDIS_URL=os.environ.get("SMOKE_REDIS_URL", "redis://127.0.0.1:6379/3"),
        ALLOWED_HOSTS="127.0.0.1",
        CSRF_TRUSTED_ORIGINS=f"https://127.0.0.1:{port}",
        WAGTAILADMIN_BASE_URL=f"https://127.0.0.1:{port}",
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        GONGKAI_VAR_DIR=str(folder / "var"),
        # Applicants' identity data is encrypted with keys only the environment holds.
        GONGKAI_PERSONAL_DATA_KEYS=Fernet.generate_key().decode(),
        WEB_CONCURRENCY="2",
        PATH=f"{ROOT / '.venv' / 'bin'}:{os.environ.get('PATH', '')}",
        PYTHONUNBUFFERED="1",
    )
    return env, postgres


def fresh_services(env, postgres):
    with psycopg.connect(f"{postgres}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")
    redis.Redis.from_url(env["REDIS_URL"]).flushdb()


def smoke():
    folder = Path(tempfile.mkdtemp(prefix="gongkai-production-smoke-"))
    log = folder / "honcho.log"
    port = free_port()
    env, postgres = production_environment(folder, port)
    fresh_services(env, postgres)
    run([PYTHON, "manage.py", "migrate", "--noinput"], env, "migrate")
    run([PYTHON, "manage.py", "collectstatic", "--noinput"], env, "collectstatic")
    checked = run([PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env, "check --deploy")
    say(f"check --deploy: {checked.stdout.strip() or checked.stderr.strip()}")
    run([PYTHON, "manage.py", "seed_demo", "--items-per-agency", "4"], env, "seed_demo", timeout=900)

    say(f"honcho start -f Procfile on port {port}, log {log}")
    stack = start(["honcho", "start", "-f", "Procfile", "-p", str(port)], env, log)
    plain, https = Browser(port), Browser(port, forwarded_https=True)
    with watched(stack, log, "honcho (gunicorn, worker, beat)"):
        wait_until("gunicorn answers", lambda: answers(https), 120, process=stack)
        _check_transport_security(plain, https)
        _check_static_and_media(https, env)
        _publish_through_the_review(https, env, port)
        scheduled = shell(env, SCHEDULE_ITEM_AND_DOCUMENT)
        if scheduled["live"]:
            raise SmokeFailure("the scheduled item was live before its time")
        wait_until(
            "the item scheduled 10 s ahead goes live",
            lambda: https.get(scheduled["url"])[0] == 200,
            10 + DEADLINE,
            process=stack,
        )
        for path in (scheduled["media_url"], scheduled["document_url"]):
            status = https.get(path)[0]
            if status not in (403, 404):
                raise SmokeFailure(f"an unlinked document is downloadable at {path} ({status})")
        say("ok: an unlinked document is served neither from /media/documents/ nor by the document view")
    say("production smoke run passed")


def _check_transport_security(plain, https):
    status, headers, _body = plain.get("/")
    if status != 301 or not headers.get("location", "").startswith("https://"):
        raise SmokeFailure(f"plain HTTP is not redirected to HTTPS ({status} {headers.get('location')})")
    _status, headers, _body = https.get("/")
    if "max-age=" not in headers.get("strict-transport-security", ""):
        raise SmokeFailure("no Strict-Transport-Security header on HTTPS")
    say("ok: HTTP redirects to HTTPS, HTTPS sends HSTS")


def _check_static_and_media(browser, env):
    _status, _headers, body = browser.get("/admin/login/")
    stylesheets = re.findall(rb'href="(/static/[^"]+\.css)"', body)
    if not stylesheets:
        raise SmokeFailure("the login page links no stylesheet under /static/")
    status, headers, _body = browser.get(stylesheets[0].decode())
    if status != 200 or "text/css" not in headers.get("content-type", ""):
        raise SmokeFailure(f"static file {stylesheets[0].decode()} answered {status}")
    say(f"ok: WhiteNoise serves {stylesheets[0].decode()}")


def _publish_through_the_review(browser, env, port):
    """The demo's first review example, at 科室初审, through 保密审查 and 分管领导终审 over HTTP."""
    if browser.search(TITLE_WORD)["total"]:
        raise SmokeFailure(f"a draft is found by searching {TITLE_WORD}")
    steps = [
        ("jyj-department-reviewer", "科室初审", {"comment": "内容属实，同意。"}, {}),
        (
            "jyj-secrecy-reviewer",
            "保密审查",
            {"secrecy_status": "not_secret", "disclosure_mode": "proactive", "comment": "经审查不涉密，可主动公开。"},
            {"X-Requested-With": "XMLHttpRequest"},
        ),
        ("jyj-leader", "分管领导终审", {"comment": "同意发布。"}, {}),
    ]
    for username, task, fields, headers in steps:
        state = shell(env, REVIEW_STATE)
        if not (state["task"] or "").endswith(task):
            raise SmokeFailure(f"expected the item at {task}, found {state['task']}")
        reviewer = Browser(port, forwarded_https=True)
        reviewer.log_in(username, PASSWORD)
        path = state["approve"]
        fields = {**fields, "task_state_id": state["task_state"]}
        status, _headers, body = reviewer.post(path, fields, **headers)
        if status not in (200, 302) or (headers and b'"success"' not in body):
            raise SmokeFailure(
                f"{username} could not approve at {task} ({status}): {body.decode(errors='replace')[:800]}"
            )
        say(f"ok: {username} approved at {task} over HTTP")
    state = shell(env, REVIEW_STATE)
    if not state["live"] or browser.get(state["url"])[0] != 200:
        raise SmokeFailure("the item is not public after the leader's approval")
    say("ok: the reviewed item is public at once")
    wait_until(
        "the reviewed item is searchable",
        lambda: browser.search(TITLE_WORD)["total"] >= 1,
        DEADLINE,
    )


if __name__ == "__main__":
    main(smoke)
