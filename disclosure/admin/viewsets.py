from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet

from ..calendar.models import CalendarDay, CalendarYear
from ..catalogue.models import CatalogueItemPage
from ..catalogue.taxonomy import CatalogueCategory, Genre, Topic
from ..review import deadlines
from ..review.admin import SensitiveWordViewSet
from .scoping import agencies_for_user
from .views import CategoryIndexView, ScopedDeleteView, ScopedEditView


class TopicViewSet(ModelViewSet):
    name = "topics"
    model = Topic
    icon = "tag"
    menu_label = _("Topics (主题分类)")
    list_display = ["name", "code", "sort_order"]
    form_fields = ["name", "code", "sort_order"]
    search_fields = ["name"]


class GenreViewSet(ModelViewSet):
    name = "genres"
    model = Genre
    icon = "doc-full"
    menu_label = _("Genres (体裁)")
    list_display = ["name", "sort_order"]
    form_fields = ["name", "sort_order"]
    search_fields = ["name"]


class CategoryForm(WagtailAdminModelForm):
    """Agency and parent choices are limited to what the editing user manages."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None:
            agencies = agencies_for_user(for_user)
            self.fields["agency"].queryset = agencies
            self.fields["parent"].queryset = CatalogueCategory.objects.filter(agency__in=agencies).select_related(
                "parent"
            )


class CatalogueCategoryViewSet(ModelViewSet):
    name = "catalogue_categories"
    model = CatalogueCategory
    icon = "folder-open-inverse"
    menu_label = _("Catalogue categories")
    list_display = ["__str__", "agency", "code", "art20_item"]
    list_filter = ["agency"]
    edit_handler = ObjectList(CatalogueCategory.panels, base_form_class=CategoryForm)
    search_fields = ["name", "code"]
    list_per_page = 50

    index_view_class = CategoryIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView


class CalendarDayViewSet(ModelViewSet):
    name = "working_calendar"
    model = CalendarDay
    icon = "date"
    menu_label = _("Working-day calendar")
    list_display = ["date", "kind", "name"]
    list_filter = ["kind"]
    form_fields = ["date", "kind", "name"]
    search_fields = ["name"]
    ordering = ["-date"]
    list_per_page = 50


class CalendarYearViewSet(ModelViewSet):
    name = "calendar_years"
    model = CalendarYear
    icon = "calendar-alt"
    menu_label = _("Calendar years")
    list_display = ["year", "source", "confirmed_at"]
    form_fields = ["year", "source"]
    ordering = ["-year"]


class DisclosureAdminGroup(ModelViewSetGroup):
    menu_label = _("Disclosure")
    menu_icon = "folder-inverse"
    menu_order = 200
    items = (
        CatalogueCategoryViewSet,
        TopicViewSet,
        GenreViewSet,
        CalendarDayViewSet,
        CalendarYearViewSet,
        SensitiveWordViewSet,
    )


class PublicationDeadlineFilter(ChoiceFilter):
    """Art 26 monitor: unpublished items whose 20-working-day deadline is near or past."""

    def filter(self, qs, value):
        if not value:
            return qs
        try:
            return deadlines.filter_items(qs, value)
        except deadlines.CalendarNotCovered:
            return qs.none()


class CatalogueItemFilterSet(PageFilterSet):
    publication_deadline = PublicationDeadlineFilter(
        label=_("Publication deadline (Art 26)"),
        choices=[(deadlines.AT_RISK, _("At risk")), (deadlines.OVERDUE, _("Overdue"))],
    )

    class Meta:
        model = CatalogueItemPage
        fields = ["agency", "category", "validity", "disclosure_mode", "live"]


class CatalogueItemListingViewSet(PageListingViewSet):
    """A flat catalogue list across the agencies the user can explore, exportable to CSV/XLSX."""

    model = CatalogueItemPage
    icon = "list-ul"
    menu_label = _("Catalogue items")
    add_to_admin_menu = True
    menu_order = 190
    filterset_class = CatalogueItemFilterSet
    list_export = [
        "index_number",
        "title",
        "doc_number",
        "agency",
        "category",
        "topic",
        "genre",
        "generated_date",
        "published_at",
        "disclosure_mode",
        "validity",
        "keywords",
        "summary",
        "live",
    ]
    export_headings = {
        "index_number": _("索引号"),
        "title": _("Title"),
        "doc_number": _("文号"),
        "agency": _("Agency"),
        "category": _("Category"),
        "topic": _("主题分类"),
        "genre": _("体裁"),
        "generated_date": _("成文日期"),
        "published_at": _("发布日期"),
        "disclosure_mode": _("公开方式"),
        "validity": _("有效性"),
        "keywords": _("主题词"),
        "summary": _("内容概述"),
        "live": _("Published"),
    }
    export_filename = "catalogue"
