from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin.permissions import AgencyScopedPermissionPolicy
from .admin.viewsets import CatalogueItemListingViewSet, DisclosureAdminGroup
from .catalogue.taxonomy import CatalogueCategory
from .visibility import is_publicly_visible

register_permission_policy(CatalogueCategory, AgencyScopedPermissionPolicy(CatalogueCategory))


@hooks.register("before_serve_page")
def refuse_non_public_pages(page, request, serve_args, serve_kwargs):
    """Wagtail serves any live page; the disclosure rule is stricter (expiry by time, 不予公开, ancestors)."""
    if not is_publicly_visible(page):
        raise Http404


@hooks.register("register_admin_viewset")
def register_disclosure_admin():
    return DisclosureAdminGroup()


@hooks.register("register_admin_viewset")
def register_catalogue_listing():
    return CatalogueItemListingViewSet("catalogue_items")


@hooks.register("register_log_actions")
def register_import_log_actions(actions):
    actions.register_action("gongkai.catalogue.import", _("Imported"), _("Imported from a catalogue file"))
    actions.register_action(
        "gongkai.catalogue.import_update", _("Updated by import"), _("Updated from a catalogue file")
    )
