from wagtail import hooks

from .admin import SearchAdminGroup


@hooks.register("register_admin_viewset")
def register_search_admin():
    return SearchAdminGroup()
