"""Admin screens of the search app: synonyms, the hot-query block list and the search log."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .queries.models import BlockedQuery, SearchQueryLog, SynonymGroup


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The log is evidence of what was searched: it can be read and exported, never edited."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and (user.is_superuser or super().user_has_permission(user, "view"))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class SynonymGroupViewSet(ModelViewSet):
    name = "search_synonyms"
    model = SynonymGroup
    icon = "list-ul"
    menu_label = _("Synonyms")
    list_display = ["__str__", "note", "updated_at"]
    form_fields = ["terms", "note"]
    search_fields = ["terms", "note"]
    list_per_page = 50


class BlockedQueryViewSet(ModelViewSet):
    name = "search_blocked_queries"
    model = BlockedQuery
    icon = "cross"
    menu_label = _("Blocked hot queries")
    list_display = ["phrase", "match_anywhere", "created_at"]
    form_fields = ["phrase", "match_anywhere"]
    search_fields = ["phrase"]
    list_per_page = 50


class SearchLogViewSet(ModelViewSet):
    """What citizens searched for, to find missing content and words for the synonym list (read-only)."""

    name = "search_log"
    model = SearchQueryLog
    icon = "history"
    menu_label = _("Search log")
    list_display = ["query", "hits", "searched_at"]
    list_filter = ["searched_at"]
    search_fields = ["query"]
    list_export = ["query", "hits", "searched_at"]
    form_fields = ["query"]
    list_per_page = 100


class SearchAdminGroup(ViewSetGroup):
    menu_label = _("Site search")
    menu_icon = "search"
    menu_order = 210
    items = (SynonymGroupViewSet, BlockedQueryViewSet, SearchLogViewSet)
