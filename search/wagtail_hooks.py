from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin import HotQueryPolicy, ReadOnlyPolicy, SearchAdminGroup, SynonymPolicy
from .queries.models import HotQuery, SearchQueryLog, SynonymGroup

register_permission_policy(SearchQueryLog, ReadOnlyPolicy(SearchQueryLog))
register_permission_policy(HotQuery, HotQueryPolicy(HotQuery))
register_permission_policy(SynonymGroup, SynonymPolicy(SynonymGroup))


@hooks.register("register_admin_viewset")
def register_search_admin():
    return SearchAdminGroup()


@hooks.register("register_log_actions")
def register_hot_query_actions(actions):
    # Editors' decisions on the hot-query list stay in the entry's history.
    actions.register_action("gongkai_search.hot_query.approve", _("Approve hot query"), _("Hot query approved"))
    actions.register_action("gongkai_search.hot_query.hide", _("Hide hot query"), _("Hot query hidden"))
