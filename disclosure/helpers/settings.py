"""Each app's settings: one namespaced dict (``GONGKAI_<APP>``) over documented defaults.

Shared so the three apps read overrides the same way: a key that is set (even to ``None``)
wins; a key the app does not document is a programming error, said at once.
"""

from django.conf import settings


class AppSettings:
    def __init__(self, setting_name, defaults):
        self.setting_name = setting_name
        self.defaults = defaults

    def get(self, key):
        if key not in self.defaults:
            raise KeyError(f"{self.setting_name} has no setting {key!r}; documented: {', '.join(self.defaults)}")
        overrides = getattr(settings, self.setting_name, None) or {}
        return overrides[key] if key in overrides else self.defaults[key]
