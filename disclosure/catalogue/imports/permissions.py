"""Who may import into which catalogue: whoever may add and change pages in it.

An import adds items to a catalogue and changes the drafts it made, so it asks for exactly the
page permissions an editor needs to do the same by hand — Wagtail's, granted per agency subtree
by the role groups (``agencies.roles``). An editor of one agency may import into that agency's
catalogue only; a superuser into any. Import jobs are seen by those who may import into their
catalogue, whoever uploaded them: the history is the agency's.
"""

from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..models import CatalogueIndexPage
from .models import ImportJob


def importable_catalogues(user):
    """The catalogue pages ``user`` may import into."""
    policy = PagePermissionPolicy(CatalogueIndexPage)
    addable = policy.instances_user_has_permission_for(user, "add")
    if user.is_active and user.is_superuser:
        return addable
    changeable = policy.instances_user_has_permission_for(user, "change")
    return CatalogueIndexPage.objects.filter(pk__in=addable.values("pk")).filter(pk__in=changeable.values("pk"))


def may_import_into(user, catalogue):
    return catalogue is not None and importable_catalogues(user).filter(pk=catalogue.pk).exists()


def visible_jobs(user, queryset=None):
    """The jobs of the catalogues ``user`` may import into (a job whose catalogue was deleted: superusers')."""
    queryset = ImportJob.objects.all() if queryset is None else queryset
    if user.is_active and user.is_superuser:
        return queryset
    return queryset.filter(catalogue__in=importable_catalogues(user).values("pk"))


class ImportJobPermissionPolicy(BasePermissionPolicy):
    """The admin's checks for import jobs, from the page permissions above (no model permissions to grant).

    "add" is uploading a file, "change" following a job to its end; a job is never deleted by hand.
    """

    ACTIONS = {"add", "change", "view"}

    def user_has_permission(self, user, action):
        return action in self.ACTIONS and importable_catalogues(user).exists()

    def user_has_any_permission(self, user, actions):
        return bool(self.ACTIONS & set(actions)) and importable_catalogues(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return action in self.ACTIONS and visible_jobs(user).filter(pk=instance.pk).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return bool(self.ACTIONS & set(actions)) and visible_jobs(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        return visible_jobs(user) if self.ACTIONS & set(actions) else ImportJob.objects.none()
