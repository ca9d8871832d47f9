"""The settings read the environment, and the embedded default needs no servers."""

import importlib
import sys

import pytest


@pytest.fixture
def reload_settings(monkeypatch):
    import cms.settings.base as base
    import cms.settings.dev as dev

    def load(**env):
        for name in ("DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL", "ELASTICSEARCH_URL", "ALLOWED_HOSTS"):
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        importlib.reload(base)
        return importlib.reload(dev)

    yield load
    monkeypatch.undo()
    importlib.reload(base)
    importlib.reload(dev)


def test_embedded_default_is_sqlite_a_file_broker_and_the_database_search(reload_settings):
    dev = reload_settings()
    assert dev.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert dev.CELERY_BROKER_URL.startswith("filesystem://")
    assert dev.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backends.database"
    assert "publish-scheduled-content" in dev.CELERY_BEAT_SCHEDULE
    assert dev.LANGUAGE_CODE == "zh-hans" and dev.TIME_ZONE == "Asia/Shanghai"
    assert dev.GONGKAI_HTTP_MICROCACHE is True


def test_a_proxy_that_micro_caches_switches_the_workers_cache_off(reload_settings):
    assert reload_settings(GONGKAI_HTTP_MICROCACHE="false").GONGKAI_HTTP_MICROCACHE is False


def test_services_come_from_the_environment(reload_settings):
    dev = reload_settings(
        DATABASE_URL="postgres://gongkai@db:5432/gongkai",
        REDIS_URL="redis://cache:6379/1",
        ELASTICSEARCH_URL="http://es:9200",
        ALLOWED_HOSTS="xxgk.example.gov.cn,www.example.gov.cn",
    )
    assert dev.DATABASES["default"]["HOST"] == "db" and dev.DATABASES["default"]["NAME"] == "gongkai"
    assert dev.CELERY_BROKER_URL == "redis://cache:6379/1"
    assert dev.CACHES["default"]["LOCATION"] == "redis://cache:6379/1"
    assert dev.WAGTAILSEARCH_BACKENDS["default"]["URLS"] == ["http://es:9200"]


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("DATABASE_URL", "postgres://gongkai@db/gongkai")
    monkeypatch.delitem(sys.modules, "cms.settings.production", raising=False)
    with pytest.raises(ImproperlyConfigured):
        importlib.import_module("cms.settings.production")


def test_production_refuses_to_start_without_a_shared_cache(monkeypatch):
    """Per-process caches would count every rate limit once per gunicorn worker."""
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.setenv("DATABASE_URL", "postgres://gongkai@db/gongkai")
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.delitem(sys.modules, "cms.settings.production", raising=False)
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        importlib.import_module("cms.settings.production")


def test_production_refuses_to_start_without_the_personal_data_keys(monkeypatch):
    """A database dump must not be enough to read applicants' identity numbers."""
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.setenv("DATABASE_URL", "postgres://gongkai@db/gongkai")
    monkeypatch.setenv("REDIS_URL", "redis://cache:6379/0")
    monkeypatch.delenv("GONGKAI_PERSONAL_DATA_KEYS", raising=False)
    monkeypatch.delitem(sys.modules, "cms.settings.production", raising=False)
    with pytest.raises(ImproperlyConfigured, match="GONGKAI_PERSONAL_DATA_KEYS"):
        importlib.import_module("cms.settings.production")


def test_production_counts_limits_in_redis_and_speaks_only_https(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.setenv("DATABASE_URL", "postgres://gongkai@db/gongkai")
    monkeypatch.setenv("REDIS_URL", "redis://cache:6379/0")
    monkeypatch.setenv("GONGKAI_PERSONAL_DATA_KEYS", "bmV3LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3OA==")
    monkeypatch.setenv("GONGKAI_VAR_DIR", "/tmp/gongkai-production-settings-test")
    monkeypatch.delitem(sys.modules, "cms.settings.base", raising=False)
    monkeypatch.delitem(sys.modules, "cms.settings.production", raising=False)
    production = importlib.import_module("cms.settings.production")
    assert production.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert production.CACHES["default"]["LOCATION"] == "redis://cache:6379/0"
    # HTTPS only, said to browsers for a year; no cookie ever sent over plain HTTP.
    assert production.SECURE_SSL_REDIRECT and production.SECURE_HSTS_SECONDS >= 31536000
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE and production.LANGUAGE_COOKIE_SECURE
