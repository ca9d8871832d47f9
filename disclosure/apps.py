from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = _("Government information disclosure")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, signals  # noqa: F401
        from .requests import (
            duplicates,  # noqa: F401  (flags possible repeated applications on intake)
            extension_mail,  # noqa: F401  (tells the leaders an extension awaits them)
        )
        from .requests.notices import wiring  # noqa: F401  (the desk's transitions issue their notices)

        # The content registers itself with site search; search knows none of its page types.
        if apps.is_installed("search"):
            from . import search_source  # noqa: F401
