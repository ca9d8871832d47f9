"""The admin speaks Chinese to every role and loads nothing from outside the site.

Wagtail 8's zh_Hans catalogue leaves hundreds of admin strings in English and translates a few
wrongly (the Pages menu read 分页, a live page 在用); cms/wagtail_locale/ ships the missing and
corrected strings. Each role of the demo county logs in and walks the admin pages it works with;
any run of English words in what a user sees or hears — text, the sidebar menu, titles, labels
for screen readers, placeholders, tooltips — fails the test, and so does any script, style sheet
or image from another host. User content (user names, file names, the notice templates'
placeholders) is not UI text and is left out.
"""

import json
import re
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import polib
import pytest
import wagtail
from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils.translation import trans_real
from wagtail.documents import get_document_model
from wagtail.models import Site, TaskState

from disclosure.agencies.models import AgencyRole
from disclosure.agencies.roles import groups_of
from disclosure.models import (
    AgencyPage,
    AnnualReport,
    AppealCase,
    CatalogueIndexPage,
    CatalogueItemPage,
    DisclosureRequest,
    NoticeTemplate,
    ReviewRecord,
)
from disclosure.requests.choices import RequestState
from online_interview.models import InterviewPage

pytestmark = pytest.mark.django_db

OVERRIDES = Path(__file__).resolve().parent.parent / "cms" / "wagtail_locale" / "zh_Hans" / "LC_MESSAGES"

# Words that stay as they are in a Chinese admin: file formats and encodings the forms name (in
# any case: ".docx"), the licence prefix ICP, and proper names — the products (Wagtail, Gongkai,
# JavaScript; Word and Excel in "Word（.docx）"), "English" as that option's own name in the
# language picker, the names printed on the keys in the keyboard shortcuts dialog, and the
# <meta> names of a government site the site settings explain.
FORMATS = {
    *("PDF", "DOC", "DOCX", "XLS", "XLSX", "CSV", "TSV", "JSON", "JSONL", "HTML", "OFD", "WPS", "TXT", "ZIP"),
    *("JPEG", "JPG", "PNG", "GIF", "WEBP", "AVIF", "SVG", "UTF", "GBK", "URL", "API", "ICP", "RSS"),
}
NAMES = {"Wagtail", "Gongkai", "JavaScript", "Word", "Excel", "English", "Ctrl", "Alt", "Shift", "Esc"}
NAMES |= {"SiteIDCode", "SiteName"}
# Wagtail 8 writes these into its templates without gettext, so no catalogue can translate them:
# the landmark around a header's buttons (wagtailadmin/shared/headers/_actions.html), the search
# forms' hidden submit button (wagtailadmin/home.html, shared/header.html), a boolean column's
# screen-reader text (tables/boolean_cell.html, the users' status), the page chooser's hidden
# label in a group's page permissions (wagtail.users.forms.PagePermissionsForm has no label) and
# the publisher of a page the scheduler published in the aging pages report (shared/user_avatar.html
# prints None). They are allowed on the pages they come from.
WAGTAIL_UNTRANSLATABLE = {
    ("aria-label", "Actions"): "/admin/",
    ("button", "Search"): "/admin/",
    ("text", "True"): "/admin/users/",
    ("text", "False"): "/admin/users/",
    ("text", "Page"): "/admin/groups/",
    ("text", "None"): "/admin/reports/aging-pages/",
}
ENGLISH = re.compile(r"[A-Za-z][A-Za-z'’]{2,}(?:[\s,.:;!?()/&-]+[A-Za-z][A-Za-z'’]*)*")
# Not words: placeholders ({{ name }}, {% if %}, %(count)s, {year}, {serial:05d}), addresses,
# dotted identifiers (online_interview.interviewpage in the page types report), version numbers.
NOT_WORDS = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|%\(\w+\)[sd]|\{\w+(?::\w+)?\}|https?://\S+|[\w.+-]+@[\w.-]+|\b[a-z_]+\.[a-z_]+\b|\bv\d[\d.]*"
)
# Attributes whose text reaches the user: tooltips, screen-reader names, placeholders, and the
# labels the live console's script puts on its buttons.
TEXT_ATTRIBUTES = re.compile(
    r"^(title|alt|placeholder|aria-label|aria-description|aria-roledescription|aria-valuetext"
    r"|data-w-tooltip-content-value|data-w-progress-active-value|data-label-[\w-]+)$"
)


def visible_texts(html):
    """Every piece of text a user of the page may see or hear, with where it was found."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    sidebar = soup.find("script", id="wagtail-sidebar-props")
    if sidebar:
        found += [("menu", label) for label in _labels(json.loads(sidebar.string))]
    config = soup.find("script", id="wagtail-config")
    if config:
        found += [("script strings", text) for text in _strings(json.loads(config.string).get("STRINGS", {}))]
    for tag in soup(["script", "style", "textarea"]):
        tag.decompose()  # code, and the text being edited (user content)
    # Time zone names are localised in the browser (Intl.DisplayNames); the side panel's counter
    # is filled in by script.
    for tag in soup.select("select[data-action*=localizeTimeZoneOptions], [data-side-panel-toggle-counter]"):
        tag.decompose()
    for string in soup.find_all(string=True):
        if not isinstance(string, (Comment, Declaration, Doctype, ProcessingInstruction)) and string.strip():
            found.append(("text", string.strip()))
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if TEXT_ATTRIBUTES.match(name) and isinstance(value, str):
                found.append((name, value))
        if tag.name == "input" and tag.get("type") in ("submit", "button", "reset") and tag.get("value"):
            found.append(("button", tag["value"]))
    return found


def _labels(data):
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("label", "footer_text") and isinstance(value, str):
                yield value
            else:
                yield from _labels(value)
    elif isinstance(data, list):
        for value in data:
            yield from _labels(value)


def _strings(data):
    if isinstance(data, dict):
        data = list(data.values())
    if isinstance(data, list):
        for value in data:
            yield from _strings(value)
    elif isinstance(data, str):
        yield data


def english_in(url, html, user_content):
    """The English word sequences on the page, as "where: words  «in context»"."""
    problems = []
    for where, text in visible_texts(html):
        if url.startswith(WAGTAIL_UNTRANSLATABLE.get((where, text), "//")):
            continue
        stripped = text
        for content in user_content:
            stripped = stripped.replace(content, " ")
        stripped = NOT_WORDS.sub(" ", stripped)
        for match in ENGLISH.finditer(stripped):
            words = re.findall(r"[A-Za-z]{3,}", match.group())
            if not all(word.upper() in FORMATS or word in NAMES for word in words):
                problems.append(f"{where}: {match.group()!r}  «{text[:100]}»")
    return problems


def external_loads(html):
    """Scripts, style sheets, images and frames the page would fetch from another host."""
    soup = BeautifulSoup(html, "html.parser")
    sources = [tag.get("src") for tag in soup.find_all(["script", "img", "iframe", "source", "video", "audio"])]
    sources += [tag.get("srcset", "").split(" ")[0] for tag in soup.find_all(["img", "source"])]
    sources += [
        tag.get("href")
        for tag in soup.find_all("link")
        if {"stylesheet", "icon", "preload", "manifest"} & set(tag.get("rel", []))
    ]
    sources += re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]*)", html)
    if soup.select("[data-controller~=w-upgrade]"):  # its script asks releases.wagtail.org for news
        sources.append("https://releases.wagtail.org/ (Wagtail's upgrade check)")
    return sorted({source for source in sources if source and urlsplit(source).netloc not in ("", "testserver")})


# The demo county, once for the module ---------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo county (two items per agency: the walk needs every kind of page, not volume)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", items_per_agency=2, stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def user_content(demo, django_db_blocker):
    """Text users typed or uploaded, which may be in any language: left out of the check."""
    with django_db_blocker.unblock():
        users = get_user_model().objects.all()
        documents = get_document_model().objects.all()
        texts = [
            *users.values_list("username", flat=True),
            *users.values_list("email", flat=True),
            *documents.values_list("title", flat=True),
            *(Path(name).name for name in documents.values_list("file", flat=True)),
            *Site.objects.values_list("hostname", flat=True),
            *apps.get_model("disclosure", "CalendarYear").objects.values_list("source", flat=True),
            *(text for row in NoticeTemplate.objects.values_list("title", "number_pattern", "body") for text in row),
        ]
    return sorted({text for text in texts if text}, key=len, reverse=True)


@pytest.fixture(scope="module")
def places(demo, django_db_blocker):
    """Named admin pages of the demo county's education bureau (县教育局) and its work."""
    with django_db_blocker.unblock():
        agency = AgencyPage.objects.get(slug="jyj")
        catalogue = CatalogueIndexPage.objects.child_of(agency).get()
        item = CatalogueItemPage.objects.child_of(catalogue).live().first()
        waiting = TaskState.objects.filter(status="in_progress").select_related("task", "workflow_state")
        children = set(CatalogueItemPage.objects.child_of(catalogue).values_list("pk", flat=True))
        drafts = {
            state.task.name[-4:]: int(state.workflow_state.object_id)
            for state in waiting
            if int(state.workflow_state.object_id) in children
        }
        request = DisclosureRequest.objects.filter(agency=agency).exclude(state=RequestState.SUBMITTED).first()
        interview = InterviewPage.objects.filter(hosting_agencies=agency).first()
        return {
            "dashboard": reverse("wagtailadmin_home"),
            "account": reverse("wagtailadmin_account"),
            "agency": reverse("wagtailadmin_explore", args=[agency.pk]),
            "catalogue": reverse("wagtailadmin_explore", args=[catalogue.pk]),
            "page search": reverse("wagtailadmin_pages:search") + "?q=招生",
            "item": reverse("wagtailadmin_pages:edit", args=[item.pk]),
            "item history": reverse("wagtailadmin_pages:history", args=[item.pk]),
            "item changes": reverse("wagtailadmin_pages:revisions_compare", args=[item.pk, "earliest", "latest"]),
            "new item": reverse("wagtailadmin_pages:add", args=["disclosure", "catalogueitempage", catalogue.pk]),
            "draft at 科室初审": reverse("wagtailadmin_pages:edit", args=[drafts["科室初审"]]),
            "its workflow": reverse("wagtailadmin_pages:workflow_history", args=[drafts["科室初审"]]),
            "draft at 保密审查": reverse("wagtailadmin_pages:edit", args=[drafts["保密审查"]]),
            "items": reverse("catalogue_items:index"),
            "categories": reverse("catalogue_categories:index"),
            "documents": reverse("wagtaildocs:index"),
            "workflow report": reverse("wagtailadmin_reports:workflow"),
            "task report": reverse("wagtailadmin_reports:workflow_tasks"),
            "aging pages": reverse("wagtailadmin_reports:aging_pages"),
            "locked pages": reverse("wagtailadmin_reports:locked_pages"),
            "site history": reverse("wagtailadmin_reports:site_history"),
            "review register": reverse("review_records:index"),
            "review record": reverse(
                "review_records:inspect", args=[ReviewRecord.objects.filter(agency=agency).first().pk]
            ),
            "sensitive words": reverse("sensitive_words:index"),
            "interviews": reverse("online_interview_admin:overview"),
            "console": reverse("online_interview_admin:console", args=[interview.pk]),
            "requests": reverse("disclosure_requests:index"),
            "request": reverse("disclosure_requests:detail", args=[request.pk]),
            "new request": reverse("disclosure_requests:add"),
            "appeals": reverse("appeal_cases:index"),
            "appeal": reverse("appeal_cases:edit", args=[AppealCase.objects.filter(agency=agency).first().pk]),
            "notice templates": reverse("notice_templates:index"),
            "notice template": reverse("notice_templates:add") + "?kind=receipt",
            "annual reports": reverse("disclosure_reports:index"),
            "annual report": reverse(
                "disclosure_reports:edit",
                args=[AnnualReport.objects.filter(agency=agency).order_by("-year").first().pk],
            ),
            "users": reverse("wagtailusers_users:index"),
            "user": reverse("wagtailusers_users:edit", args=[get_user_model().objects.get(username="jyj-editor").pk]),
            "groups": reverse("wagtailusers_groups:index"),
            "group": reverse("wagtailusers_groups:edit", args=[groups_of(agency, AgencyRole.EDITOR).get().pk]),
            "site settings": reverse(
                "wagtailsettings:edit", args=["disclosure", "disclosuresettings", Site.objects.get().pk]
            ),
            "synonyms": reverse("search_synonyms:index"),
            "hot queries": reverse("search_hot_queries:index"),
            "blocked queries": reverse("search_blocked_queries:index"),
            "working calendar": reverse("working_calendar:index"),
            "calendar years": reverse("calendar_years:index"),
            "topics": reverse("topics:index"),
            "genres": reverse("genres:index"),
            "workflows": reverse("wagtailadmin_workflows:index"),
            "collections": reverse("wagtailadmin_collections:index"),
        }


EVERYONE = ["dashboard", "account", "agency", "catalogue", "page search", "item", "item history", "items"]
EDITING = ["item changes", "new item", "its workflow", "categories", "documents", "interviews", "console"]
DESK = ["requests", "request", "new request", "appeals", "appeal", "notice templates", "notice template"]
REPORTS = ["workflow report", "aging pages"]
ROLES = {
    "jyj-editor": EVERYONE + EDITING + REPORTS,
    "jyj-department-reviewer": EVERYONE + REPORTS + ["draft at 科室初审", "its workflow", "task report"],
    "jyj-secrecy-reviewer": EVERYONE
    + ["draft at 保密审查", "review register", "review record", "sensitive words", "workflow report"],
    "jyj-leader": EVERYONE
    + EDITING
    + REPORTS
    + [
        "draft at 保密审查",
        "locked pages",
        "review register",
        "requests",
        "request",
        "annual reports",
        "annual report",
    ],
    "jyj-request-handler": ["dashboard", "account", *DESK],
    "admin": EVERYONE
    + EDITING
    + DESK
    + REPORTS
    + [
        "locked pages",
        "site history",
        "draft at 保密审查",
        "annual reports",
        "annual report",
        "users",
        "user",
        "groups",
        "group",
    ]
    + ["site settings", "synonyms", "hot queries", "blocked queries", "working calendar"]
    + ["calendar years", "topics", "genres", "workflows", "collections"],
}


# The walk -------------------------------------------------------------------------------------------


def logged_in(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.mark.parametrize("username", ROLES)
def test_each_role_sees_only_chinese_and_nothing_from_outside(username, places, user_content):
    client = logged_in(username)
    english, outside = {}, {}
    for url in (places[name] for name in ROLES[username]):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        html = response.content.decode()
        if problems := english_in(url, html, user_content):
            english[url] = sorted(set(problems))
        if loads := external_loads(html):
            outside[url] = loads
    assert not english, "English on admin pages:\n" + "\n".join(
        f"{url}\n  " + "\n  ".join(problems) for url, problems in english.items()
    )
    assert not outside, outside


def test_the_login_page_is_chinese_before_anyone_logs_in(places, user_content):
    html = Client().get("/admin/login/").content.decode()
    assert not english_in("/admin/login/", html, user_content)
    assert "密码" in html and "输入你的 " not in html
    assert not external_loads(html)


def test_the_help_menu_links_nothing_outside_the_site(places):
    html = logged_in("jyj-editor").get(places["dashboard"]).content.decode()
    assert "guide.wagtail.org" not in html and "docs.wagtail.org" not in html
    assert "keyboard-shortcuts-dialog" in html  # the help menu itself stays, with what works offline


def test_the_admin_names_pages_and_their_states_in_chinese(places):
    """The menu reads 页面, not 分页 (pagination); a live page is 已发布, not 在用 — and not 直播中,
    which is the interviews' word."""
    client = logged_in("jyj-editor")
    dashboard = client.get(places["dashboard"]).content.decode()
    explorer = client.get(places["catalogue"]).content.decode()
    menu = [label for where, label in visible_texts(dashboard) if where == "menu"]
    assert menu[0] == "页面" and "分页" not in menu
    statuses = {
        tag.get_text(strip=True).split("：")[-1] for tag in BeautifulSoup(explorer, "html.parser").select(".w-status")
    }
    assert "已发布" in statuses and not statuses & {"在用", "直播中", "发布"}


def test_the_editor_is_chinese_where_wagtail_left_english(places):
    client = logged_in("jyj-editor")
    edit = client.get(places["item"]).content.decode()
    listing = client.get(places["items"]).content.decode()
    for chinese in ("自动保存已暂停", "已保存", "键盘快捷键当前已开启", "内容统计"):
        assert chinese in edit
    for chinese in ("更新时间", "编辑者"):
        assert chinese in listing


# The catalogues ---------------------------------------------------------------------------------------

WAGTAIL = Path(wagtail.__file__).parent


def _wagtail_entries(domain):
    """The strings of the installed Wagtail apps, from their English catalogues."""
    for app in apps.get_app_configs():
        path = Path(app.path) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if (app.name == "wagtail" or app.name.startswith("wagtail.")) and path.exists():
            for entry in polib.pofile(str(path)):
                if not entry.obsolete:
                    key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
                    yield f"{path.relative_to(WAGTAIL)}: {entry.msgid!r}", key


def test_every_string_of_the_installed_wagtail_apps_has_a_chinese_translation():
    """After a Wagtail upgrade this names the strings to add to cms/wagtail_locale/."""
    catalog = trans_real.translation("zh-hans")._catalog
    missing = [where for where, key in _wagtail_entries("django") if key not in catalog and (key, 0) not in catalog]
    assert not missing, "\n".join(missing)


def test_the_admin_scripts_speak_chinese(demo):
    """What only the admin's scripts show (autosave, content checks) comes from /admin/jsi18n/."""
    script = logged_in("jyj-editor").get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    assert catalog["Autosave in progress…"] == "正在自动保存…"
    assert catalog["Changes have been autosaved."] == "修改已自动保存。"
    assert catalog["Actions"] == "操作"
    missing = [where for where, key in _wagtail_entries("djangojs") if key not in catalog]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_override_catalogues_are_complete_and_compiled(domain):
    po = polib.pofile(str(OVERRIDES / f"{domain}.po"))
    assert not po.untranslated_entries() and not po.fuzzy_entries()
    compiled = {entry.msgid for entry in polib.mofile(str(OVERRIDES / f"{domain}.mo"))}
    assert compiled >= {entry.msgid for entry in po}
