from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class OnlineInterviewConfig(AppConfig):
    name = "online_interview"
    verbose_name = _("Online interviews")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from disclosure.api import allow_under_agencies

        from . import signals  # noqa: F401

        # An agency's subtree may hold its interview column (disclosure need not know this app).
        allow_under_agencies("online_interview.InterviewIndexPage")

        if apps.is_installed("search"):
            from . import search_source  # noqa: F401
