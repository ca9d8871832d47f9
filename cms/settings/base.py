"""Settings shared by every environment. Everything that differs comes from the environment."""

import datetime
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF

from .env import env_bool, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("GONGKAI_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "insecure-development-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms.home",
    "disclosure",
    "search.apps.SearchConfig",
    "online_interview",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Wagtail's admin says "3 minutes ago" with humanize's naturaltime; its catalogue loads only for
    # an installed app.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # After CSRF in the list (its refusal page gets a valid token) and still before any view
    # or CSRF's process_view reads the form: a non-UTF-8 form body is a clear 400.
    "cms.middleware.Utf8FormsMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: a SQLite file unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env_str("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead log: readers (the live feed, every page) never wait for a writer (a
    # question, a save in the admin), and a commit costs one sync of the log, not two.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options.setdefault("init_command", "PRAGMA journal_mode=WAL;")
    # Writers queue instead of failing: a transaction takes the write lock when it begins
    # (a read that later writes cannot be refused with "database is locked" while the worker
    # syncs the index), and waits up to `timeout` seconds for it.
    options.setdefault("transaction_mode", "IMMEDIATE")
    options.setdefault("timeout", 20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    # django-redis keeps one client per server; Django's own RedisCache builds a new
    # redis.Redis (and its table of ~170 reply parsers) for every cache call.
    CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Chinese first, English selectable.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = [("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "cms" / "wagtail_locale", BASE_DIR / "locale", BASE_DIR / "cms" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "cms" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "公开 Gongkai")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The admin loads nothing from outside the site (government networks block it; the CSP forbids it).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_USER_LOGIN_FORM = "cms.security.login_form.ChineseLoginForm"
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ofd",
    "wps",
    "et",
    "txt",
    "csv",
    "zip",
    "rar",
    "jpg",
    "png",
]
# 先审查、后公开: an edit after approval is reviewed again, and a finished workflow publishes
# only a revision with an approving secrecy review (disclosure/review/workflows.py).
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "disclosure.review.finish.publish_after_review"
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y-m-d H:i"

# Search: the embedded database backend (jieba-segmented) by default; Elasticsearch when ELASTICSEARCH_URL is set.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "CHINESE_ANALYZER": env_str("ELASTICSEARCH_CHINESE_ANALYZER", "cjk"),
            "INDEX_PREFIX": env_str("ELASTICSEARCH_INDEX_PREFIX", "gongkai_"),
            "TIMEOUT": 10,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}

# Celery: a real broker in production (CELERY_BROKER_URL or REDIS_URL); see dev.py for the embedded default.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or REDIS_URL or None
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_IGNORE_RESULT = True
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "publish-scheduled-content": {
        "task": "disclosure.tasks.publish_scheduled_content",
        "schedule": float(env_str("GONGKAI_SCHEDULE_INTERVAL_SECONDS", "60")),
    },
    "reconcile-public-search": {
        "task": "search.tasks.reconcile_public_index",
        "schedule": float(env_str("GONGKAI_SEARCH_RECONCILE_SECONDS", "600")),
    },
    "advance-interview-sessions": {
        "task": "online_interview.tasks.advance_sessions",
        "schedule": float(env_str("GONGKAI_INTERVIEW_TICK_SECONDS", "30")),
    },
    "remind-interview-follow-ups": {
        "task": "online_interview.tasks.remind_follow_ups",
        "schedule": crontab(hour=8, minute=40),
    },
    "remind-waiting-reviews": {
        "task": "disclosure.tasks.remind_waiting_reviews",
        "schedule": crontab(hour=8, minute=30),
    },
    # The request desk: handlers reminded of stage deadlines (nothing is sent on days off) …
    "remind-request-deadlines": {
        "task": "disclosure.tasks.remind_request_deadlines",
        "schedule": crontab(hour=8, minute=35),
    },
    # … and applicants' personal data deleted after the retention period.
    "purge-request-personal-data": {
        "task": "disclosure.tasks.purge_request_personal_data",
        "schedule": crontab(hour=3, minute=20),
    },
    # Annual reports: editors reminded of the Art 49–50 deadlines (nothing is sent on days off).
    "remind-report-deadlines": {
        "task": "disclosure.tasks.remind_report_deadlines",
        "schedule": crontab(hour=8, minute=45),
    },
    # 导入目录: imports whose worker died are marked failed (their page stops waiting, their file goes).
    "fail-stalled-catalogue-imports": {
        "task": "disclosure.tasks.fail_stalled_catalogue_imports",
        "schedule": 600.0,
    },
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "gongkai@localhost")

# Only what the environment sets; every other key keeps the default documented in disclosure/conf.py.
GONGKAI_DISCLOSURE = {
    key: value
    for key, value in {
        # Annual reports (Art 49–50): deadlines as MM-DD of the year after the one reported on.
        "REPORT_AGENCY_DEADLINE": env_str("GONGKAI_REPORT_AGENCY_DEADLINE"),
        "REPORT_GOVERNMENT_DEADLINE": env_str("GONGKAI_REPORT_GOVERNMENT_DEADLINE"),
        "REPORT_DUE_SOON_DAYS": env_str("GONGKAI_REPORT_DUE_SOON_DAYS"),
    }.items()
    if value
}
GONGKAI_INTERVIEW = {
    key: value
    for key, value in {
        "QUESTION_RATE": env_str("GONGKAI_INTERVIEW_QUESTION_RATE"),
        "VOTE_RATE": env_str("GONGKAI_INTERVIEW_VOTE_RATE"),
    }.items()
    if value
}
# Fernet keys (comma-separated, newest first) that encrypt applicants' identity numbers and proofs;
# unset outside production, where a key is derived from SECRET_KEY (disclosure/requests/encryption.py).
GONGKAI_PERSONAL_DATA_KEYS = env_list("GONGKAI_PERSONAL_DATA_KEYS")
# Per-client limits key on this address (see disclosure/helpers/clients.py).
RATELIMIT_IP_META_KEY = "disclosure.api.client_ip"
GONGKAI_CLIENT_IP_HEADER = env_str("GONGKAI_CLIENT_IP_HEADER", "")
# Off when a reverse proxy micro-caches the declared URLs instead (see cms/http_microcache.py).
GONGKAI_HTTP_MICROCACHE = env_bool("GONGKAI_HTTP_MICROCACHE", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Without its own handler (Django adds one in DEBUG), every "Not Found" is logged once.
        "django": {"level": "INFO"},
        "jieba": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Admin logins: django-axes locks a user name from an address after repeated wrong passwords
# (counted in the database, so administrators can see and clear lockouts: 设置 → 登录锁定).
INSTALLED_APPS.append("axes")
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(env_str("GONGKAI_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(env_str("GONGKAI_LOGIN_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "disclosure.api.client_ip"
AXES_LOCKOUT_CALLABLE = "cms.security.lockout.lockout_response"
# Page passwords (view restrictions): guesses per client address and page (cms/security/page_passwords.py).
GONGKAI_PAGE_PASSWORD_RATE = env_str("GONGKAI_PAGE_PASSWORD_RATE", "10/h")

# Content-Security-Policy on every response (cms/security/content_policy.py): the site's own
# scripts and styles only, nothing inline (the admin alone may set inline style attributes).
INSTALLED_APPS.append("csp")
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "cms.security.content_policy.ContentPolicyMiddleware",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
