"""Keep the session's public search document current, when the search app is installed."""

from django.apps import apps


def request_search_sync(interview_id):
    if apps.is_installed("search"):
        from search.api import request_sync

        request_sync(interview_id)
