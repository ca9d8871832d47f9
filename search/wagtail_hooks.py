from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin import ReadOnlyPolicy, SearchAdminGroup
from .queries.models import SearchQueryLog

register_permission_policy(SearchQueryLog, ReadOnlyPolicy(SearchQueryLog))


@hooks.register("register_admin_viewset")
def register_search_admin():
    return SearchAdminGroup()
