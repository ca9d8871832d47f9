"""Admin screens of the search app: synonyms, hot queries and their block list, the search log."""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from .queries import hot
from .queries.models import BlockedQuery, HotQuery, HotQueryStatus, SearchQueryLog, SynonymGroup


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The log is evidence of what was searched: it can be read and exported, never edited."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and (user.is_superuser or super().user_has_permission(user, "view"))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class SynonymPolicy(ModelPermissionPolicy):
    """Groups shipped in the lexicon are switched off (「在用」), not deleted: a deleted one would
    come back with the next lexicon update, a switched-off one stays off."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and instance.shipped:
            return False
        return super().user_has_permission_for_instance(user, action, instance)


class SynonymDeleteView(DeleteView):
    def get_object(self, queryset=None):
        group = super().get_object(queryset)
        if group.shipped:
            raise PermissionDenied
        return group


def yes_or_no(field):
    """A boolean column in words (Wagtail prints the Python value, True or False)."""
    return lambda row: _("Yes") if getattr(row, field) else _("No")


class SynonymGroupViewSet(ModelViewSet):
    name = "search_synonyms"
    model = SynonymGroup
    icon = "list-ul"
    menu_label = _("Synonyms")
    list_display = [
        "__str__",
        "note",
        Column("enabled", label=_("in use"), accessor=yes_or_no("enabled"), sort_key="enabled"),
        Column("shipped", label=_("Shipped with Gongkai"), accessor=yes_or_no("shipped")),
        Column("updated_at", label=_("Last changed"), sort_key="updated_at"),
    ]
    list_filter = ["enabled", "note"]
    form_fields = ["terms", "targets", "enabled", "note"]
    search_fields = ["terms", "targets", "note"]
    list_per_page = 50
    delete_view_class = SynonymDeleteView


class BlockedQueryViewSet(ModelViewSet):
    name = "search_blocked_queries"
    model = BlockedQuery
    icon = "cross"
    menu_label = _("Blocked hot queries")
    list_display = [
        "phrase",
        Column("match_anywhere", label=_("block queries containing it"), accessor=yes_or_no("match_anywhere")),
        Column("created_at", label=_("Blocked on"), sort_key="created_at"),
    ]
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


class HotQueryPolicy(ModelPermissionPolicy):
    """Entries come from searches only: editors with the change permission review them
    (approve, hide), nobody adds or deletes them — a deleted entry would come back as new."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class HotQueryIndexView(IndexView):
    """Entries with their distinct clients and counted searches within the hot-query window
    (never the client keys themselves), and approve / hide in each row's menu."""

    approve_url_name = None
    hide_url_name = None

    def get_base_queryset(self):
        counted = Q(client_days__day__gt=hot.window_start())
        return (
            super()
            .get_base_queryset()
            .annotate(
                clients=Count("client_days__client", filter=counted, distinct=True),
                times=Count("client_days", filter=counted),
                last_day=Max("client_days__day"),
            )
            .select_related("reviewed_by")
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("change"):
            if instance.status != HotQueryStatus.APPROVED:
                url = reverse(self.approve_url_name, args=(quote(instance.pk),))
                buttons.append(ListingButton(_("Approve"), url=url, icon_name="check", priority=1))
            if instance.status != HotQueryStatus.HIDDEN:
                url = reverse(self.hide_url_name, args=(quote(instance.pk),))
                buttons.append(ListingButton(_("Hide"), url=url, icon_name="no-view", priority=2))
        return buttons


class HotQueryEditView(EditView):
    """Changing the status by hand is a review like approve and hide: record who and when."""

    def save_instance(self):
        if "status" in self.form.changed_data:
            self.form.instance.reviewed_at = timezone.now()
            self.form.instance.reviewed_by = self.request.user
        return super().save_instance()


class ModerateHotQueryView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Approve or hide one entry: a confirmation page, then the change on POST (as Wagtail's delete)."""

    model = HotQuery
    permission_required = "change"
    template_name = "search/admin/moderate_hot_query.html"
    index_url_name = None
    header_icon = ""
    status = None
    log_action = None
    page_title = ""
    question = ""
    submit_label = ""
    success_message = ""

    def setup(self, request, *args, pk=None, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(HotQuery, pk=pk)

    def get_page_subtitle(self):
        return self.object.query

    def get_breadcrumbs_items(self):
        index = {"url": reverse(self.index_url_name), "label": HotQuery._meta.verbose_name_plural}
        return [*self.breadcrumbs_items, index, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            question=self.question,
            submit_label=self.submit_label,
            index_url=reverse(self.index_url_name),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.object.moderate(self.status, request.user)
        log(instance=self.object, action=self.log_action, user=request.user)
        messages.success(request, self.success_message % {"query": self.object.query})
        return redirect(self.index_url_name)


class HotQueryViewSet(ModelViewSet):
    """热搜 moderation: what the hot-query list may show (``HOT_QUERY_MODE`` says whether approval is needed)."""

    name = "search_hot_queries"
    model = HotQuery
    icon = "list-ol"
    menu_label = _("Hot queries")
    index_view_class = HotQueryIndexView
    edit_view_class = HotQueryEditView
    copy_view_enabled = False
    list_display = [
        "query",
        "status",
        Column("clients", label=_("Distinct clients"), sort_key="clients"),
        Column("times", label=_("Counted searches"), sort_key="times"),
        Column("last_day", label=_("Last searched"), sort_key="last_day"),
        "reviewed_by",
    ]
    list_filter = ["status"]
    search_fields = ["query"]
    form_fields = ["status"]
    ordering = ["-clients", "query"]
    list_per_page = 50

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            approve_url_name=self.get_url_name("approve"), hide_url_name=self.get_url_name("hide"), **kwargs
        )

    def _moderate_view(self, **attrs):
        return self.construct_view(ModerateHotQueryView, **attrs)

    def get_urlpatterns(self):
        approve = self._moderate_view(
            status=HotQueryStatus.APPROVED,
            log_action="gongkai_search.hot_query.approve",
            page_title=_("Approve hot query"),
            question=_(
                "Approve this query for the hot-query list? It shows once enough different visitors have searched for it."
            ),
            submit_label=_("Yes, approve it"),
            success_message=_("“%(query)s” approved for the hot-query list."),
        )
        hide = self._moderate_view(
            status=HotQueryStatus.HIDDEN,
            log_action="gongkai_search.hot_query.hide",
            page_title=_("Hide hot query"),
            question=_("Hide this query? It will not show in the hot-query list, suggestions or related searches."),
            submit_label=_("Yes, hide it"),
            success_message=_("“%(query)s” hidden from the hot-query list."),
        )
        return [
            *super().get_urlpatterns(),
            path(f"approve/<{self.pk_path_converter}:pk>/", approve, name="approve"),
            path(f"hide/<{self.pk_path_converter}:pk>/", hide, name="hide"),
        ]


class SearchAdminGroup(ViewSetGroup):
    menu_label = _("Site search")
    menu_icon = "search"
    menu_order = 210
    items = (SynonymGroupViewSet, HotQueryViewSet, BlockedQueryViewSet, SearchLogViewSet)
