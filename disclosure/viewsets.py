"""The admin's menus of the disclosure app: vocabularies, category trees, the calendar, sensitive words
and the catalogue list (viewsets of several sub-packages, brought together here)."""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet

from .admin.scoping import agencies_for_user
from .admin.views import CategoryIndexView, ScopedDeleteView, ScopedEditView
from .calendar.models import CalendarDay, CalendarYear
from .catalogue.export_view import CatalogueItemIndexView
from .catalogue.imports.admin.viewsets import CatalogueImportViewSet
from .catalogue.imports.columns import EXPORT_HEADINGS, EXPORTED
from .catalogue.models import CatalogueCategory, CatalogueItemPage, Genre, Topic
from .review import deadlines
from .review.admin import SensitiveWordViewSet


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
        CatalogueImportViewSet,
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
    """A flat catalogue list across the agencies the user can explore, exportable to CSV/XLSX for re-import."""

    model = CatalogueItemPage
    icon = "list-ul"
    menu_label = _("Catalogue items")
    add_to_admin_menu = True
    menu_order = 190
    filterset_class = CatalogueItemFilterSet
    index_view_class = CatalogueItemIndexView
    list_display = [
        *CatalogueItemIndexView.base_columns[:2],  # bulk selection, title
        "index_number",
        "doc_number",
        *CatalogueItemIndexView.base_columns[2:],
    ]
    list_export = EXPORTED
    export_headings = EXPORT_HEADINGS
    export_filename = "catalogue"
