"""Permission names in the site's language.

Django stores a permission's name once, when it creates the row, and in English for the standard
ones ("Can add annual report"); Wagtail's group screens show the stored name, so a Chinese admin
read dozens of English labels there. After each migration every permission of the migrated app
gets its name in LANGUAGE_CODE: the standard four from the model's verbose name, the others
through the catalogues (their names are msgids).
"""

from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Permission
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

STANDARD = {
    "add": gettext_noop("Can add %(model)s"),
    "change": gettext_noop("Can change %(model)s"),
    "delete": gettext_noop("Can delete %(model)s"),
    "view": gettext_noop("Can view %(model)s"),
}


def name_in_site_language(permission):
    model = permission.content_type.model_class()
    for action, name in STANDARD.items():
        if model is not None and permission.codename == get_permission_codename(action, model._meta):
            return gettext(name) % {"model": model._meta.verbose_name}
    return gettext(permission.name)


def name_permissions(app_config, verbosity=1, using="default", apps=None, **kwargs):
    """post_migrate: Django creates the app's permissions in its own receiver, which may run after
    this one; creating them first (it only adds missing ones) lets them be named at once."""
    if apps is not None:
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    with translation.override(settings.LANGUAGE_CODE):
        permissions = Permission.objects.using(using).filter(content_type__app_label=app_config.label)
        for permission in permissions.select_related("content_type"):
            name = str(name_in_site_language(permission))[:255]
            if permission.name != name:
                permission.name = name
                permission.save(using=using, update_fields=["name"])
