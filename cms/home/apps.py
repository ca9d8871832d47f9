from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    name = "cms.home"
    label = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .permission_names import name_permissions

        post_migrate.connect(name_permissions, dispatch_uid="gongkai_permission_names")
