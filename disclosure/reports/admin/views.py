"""The report screens. Thin: each view finds the report among those the user may read (another
agency's report is a 404), refuses a change to anyone but the agency's editors (PermissionDenied:
Wagtail's "no permission" answer), binds a form and calls ``drafting``, ``figures`` or
``submission``; a refusal is shown on the form it came from (status 400), with what was typed
still in it.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import aggregate, drafting, figures, submission
from ..choices import ReportLevel, ReportState
from ..errors import ReportRefused
from ..formats import schema
from ..models import AnnualReport, ReportRowSource
from ..permissions import can_write, visible_reports, writable_agencies
from . import screen
from .forms import (
    EnterForm,
    OverrideForm,
    RemoveOverrideForm,
    RowSourceForm,
    SectionsForm,
    StartReportForm,
    show_refusal,
)
from .transfer import export_links

NAMESPACE = "disclosure_reports"
TEMPLATES = "disclosure/reports/admin/"
TITLE = gettext_lazy("Annual reports")

#: What a rich-text editor's converter raises on data it did not produce (Draftail: JSON it can read).
UNREADABLE_TEXT = (ValueError, TypeError, KeyError, AttributeError)


def url(name, *args):
    return reverse(f"{NAMESPACE}:{name}", args=args)


# The list ---------------------------------------------------------------------------------------


class ReportIndexView(IndexView):
    page_title = TITLE
    add_item_label = gettext_lazy("Prepare an annual report")
    default_ordering = "-year"

    def get_base_queryset(self):
        return visible_reports(self.request.user, AnnualReport.objects.select_related("agency"))

    def get_edit_url(self, instance):
        # Readers open the report too (read-only): the list holds only reports the user may read.
        return url("edit", instance.pk)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Report"),
                accessor=lambda report: (
                    _("%(year)s report of %(agency)s") % {"year": report.year, "agency": report.agency.title}
                    + (f"（{ReportLevel.GOVERNMENT.label}）" if report.level == ReportLevel.GOVERNMENT else "")
                ),
                get_url=lambda report: url("edit", report.pk),
            ),
            Column("year", label=_("Year"), sort_key="year"),
            Column("agency", label=_("Agency"), accessor=lambda report: report.agency.title),
            Column("level", label=_("Level"), accessor="get_level_display"),
            Column("state", label=_("State"), accessor="get_state_display", sort_key="state"),
            Column(
                "updated_at",
                label=_("Last changed"),
                sort_key="updated_at",
                accessor=lambda report: screen.when(report.updated_at),
            ),
        ]


class StartReportView(WagtailAdminTemplateMixin, View):
    """编制年度报告: the draft is created and its tables computed at once (``drafting.start_report``)."""

    template_name = TEMPLATES + "start.html"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not writable_agencies(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Prepare an annual report")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": url("index"), "label": TITLE},
            {"url": "", "label": self.get_page_title()},
        ]

    def render(self, form, status=200):
        context = self.get_context_data(form=form, media=form.media)
        return TemplateResponse(self.request, self.get_template_names(), context, status=status)

    def get(self, request):
        return self.render(StartReportForm(user=request.user))

    def post(self, request):
        form = StartReportForm(request.POST, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                report = drafting.start_report(
                    data["agency"], data["year"], actor=request.user, **form.start_arguments()
                )
            except ReportRefused as refusal:
                show_refusal(form, refusal)
            else:
                messages.success(request, _("The report has been started and its tables computed from Gongkai's data."))
                return redirect(url("edit", report.pk))
        return self.render(form, status=400)


# The report ------------------------------------------------------------------------------------


class ReportMixin(WagtailAdminTemplateMixin):
    """Finds the report among those the user may read; changes need one of the agency's editors."""

    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        queryset = visible_reports(request.user, AnnualReport.objects.select_related("agency"))
        self.report = get_object_or_404(queryset, pk=kwargs["pk"])
        self.prepare(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def prepare(self, **kwargs):
        """What else the URL names, found once the report is (a 404 when it is not there)."""

    def require_writer(self):
        if not can_write(self.request.user, self.report):
            raise PermissionDenied

    def get_page_title(self):
        return str(self.report)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": url("index"), "label": TITLE},
            {
                "url": url("edit", self.report.pk),
                "label": _("%(year)s report of %(agency)s")
                % {"year": self.report.year, "agency": self.report.agency.title},
            },
        ]

    def respond(self, context, status=200):
        return TemplateResponse(
            self.request, self.get_template_names(), self.get_context_data(**context), status=status
        )

    def back_to_report(self, anchor=""):
        return redirect(url("edit", self.report.pk) + (f"#{anchor}" if anchor else ""))


def report_context(report, user, sections_form=None, refusal=None):
    """Everything the report's screen shows; ``sections_form`` is a form posted back with its errors,
    ``refusal`` a submission's refusal with the failing checks."""
    fmt = report.format
    writer = can_write(user, report)
    editable = writer and report.state == ReportState.DRAFT
    if editable and sections_form is None:
        sections_form = SectionsForm(instance=report)
    check_views = screen.checked(report)
    failed = [check for check in check_views if check.failed]
    computations = screen.computations(report)
    return {
        "report": report,
        "format_label": screen.format_label(report.format_version),
        "writer": writer,
        "editable": editable,
        "is_agency_report": report.level == ReportLevel.AGENCY,
        "sections_form": sections_form if editable else None,
        "media": sections_form.media if editable else None,
        "sections": [(section, getattr(report, section.narrative)) for section in fmt.narrative_sections()],
        "values": figures.values(report),
        "marks": screen.marks(report, figures.sources(report)),
        "tables": screen.tables(report, check_views),
        "failed_checks": failed,
        "text_checks": [check for check in check_views if not check.table],
        "highlighted": {code for check in failed for code in check.result.cells},
        "last_computation": computations[0]["computation"] if computations else None,
        "last_changes": screen.last_changes(report),
        "computations": computations,
        "figure_changes": screen.figure_changes(report),
        "members": screen.members(report, user),
        "refusal": refusal,
        "export_links": export_links(report),
        "page": screen.published_page(report),
        "members_changed": (
            report.level == ReportLevel.GOVERNMENT
            and report.state == ReportState.DRAFT
            and aggregate.out_of_date(report)
        ),
        "discardable": writer and report.state in drafting.DISCARDABLE and not report.pages.exists(),
    }


class ReportView(ReportMixin, View):
    """The report's screen: read by its readers, written by its editors while it is a draft."""

    template_name = TEMPLATES + "report.html"

    def save_posted_sections(self):
        """Save the sections posted with the request (the text form's own 保存, and 重新计算 and 提交审核,
        which post the text too, so nothing typed is lost); None when saved or none were posted,
        else the screen with the errors (status 400)."""
        if not any(field in self.request.POST for field in SectionsForm._meta.fields):
            return None
        form = SectionsForm(self.request.POST, instance=self.report)
        try:
            valid = form.is_valid()
        except UNREADABLE_TEXT:
            # The rich-text editor could not read what was posted (not its JSON): nothing to show back.
            messages.error(self.request, _("The text could not be read; reload the page and write it again."))
            self.report.refresh_from_db()
            return self.render_report(status=400)
        if not valid:
            messages.error(self.request, _("The sections were not saved: see the errors below."))
            self.report.refresh_from_db()  # the form keeps what was typed; the rest shows what is saved
            return self.render_report(status=400, sections_form=form)
        try:
            form.save()
        except ReportRefused as refusal:
            messages.error(self.request, refusal.message)
            self.report.refresh_from_db()
            return self.render_report(status=400)
        return None

    def render_report(self, status=200, **extra):
        return self.respond(report_context(self.report, self.request.user, **extra), status=status)

    def get(self, request, pk):
        return self.render_report()


class SaveSectionsView(ReportView):
    http_method_names = ["post"]

    def post(self, request, pk):
        self.require_writer()
        refused = self.save_posted_sections()
        if refused is not None:
            return refused
        messages.success(request, _("The sections have been saved."))
        return self.back_to_report("sections-section")


class RecomputeView(ReportView):
    """重新计算: the figures from today's data; the message and the change list say what moved."""

    http_method_names = ["post"]

    def post(self, request, pk):
        self.require_writer()
        if (refused := self.save_posted_sections()) is not None:
            return refused
        try:
            changes = figures.recompute(self.report, request.user)
        except ReportRefused as refusal:
            messages.error(request, refusal.message)
            return self.render_report(status=400)
        if changes:
            text = ngettext(
                "Recomputed: %(count)d figure changed since the last computation.",
                "Recomputed: %(count)d figures changed since the last computation.",
                len(changes),
            ) % {"count": len(changes)}
            messages.success(request, text, buttons=[messages.button("#changes-section", _("See the changes"))])
        else:
            messages.success(request, _("Recomputed: no figure changed since the last computation."))
        return self.back_to_report("changes-section")


class SubmitView(ReportView):
    """提交审核: refused, with the failing checks, while any check fails."""

    http_method_names = ["post"]

    def post(self, request, pk):
        self.require_writer()
        if (refused := self.save_posted_sections()) is not None:
            return refused
        self.report.refresh_from_db()
        try:
            submission.submit_for_review(self.report, request.user)
        except ReportRefused as refusal:
            messages.error(request, refusal.message, buttons=[messages.button("#refusal", _("See why"))])
            self.report.refresh_from_db()
            return self.render_report(status=400, refusal=refusal)
        messages.success(request, _("The report has been submitted for review."))
        return self.back_to_report()


# One figure -------------------------------------------------------------------------------------


class FigureView(ReportMixin, View):
    """A figure of the report: where it comes from, who changed it and why, and the forms to override
    it, remove the override or enter it (by the agency's editors, while the report is a draft)."""

    template_name = TEMPLATES + "figure.html"
    ACTIONS = {"override": OverrideForm, "remove": RemoveOverrideForm, "enter": EnterForm}

    def prepare(self, cell, **kwargs):
        self.cell = self.report.format.cells.get(cell)
        if self.cell is None:
            raise Http404

    def get_page_title(self):
        return screen.cell_label(self.report.format, self.cell.code)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def offered(self, source, figure):
        if not (can_write(self.request.user, self.report) and self.report.state == ReportState.DRAFT):
            return []
        if source == schema.ENTERED:
            return ["enter"]
        return ["override", "remove"] if figure is not None and figure.entered is not None else ["override"]

    def initial(self, action, figure):
        if action != "enter":
            return None
        if figure is not None and figure.entered is not None:
            return {"value": schema.display(figure.entered), "source_note": figure.source_note}
        # Not entered yet: start from the note the agency keeps for the row (表二数据来源).
        setting = ReportRowSource.objects.filter(agency=self.report.agency, row=self.cell.row.code).first()
        return {"source_note": setting.source_note if setting else ""}

    def render_figure(self, status=200, bound=None):
        bound = bound or {}
        report, code = self.report, self.cell.code
        source = figures.sources(report)[code]
        figure = report.figures.filter(cell=code).select_related("overridden_by").first()
        offered = self.offered(source, figure)
        offered += [name for name in bound if name not in offered]
        forms = [
            (name, bound.get(name) or self.ACTIONS[name](prefix=name, initial=self.initial(name, figure)))
            for name in offered
        ]
        context = {
            "report": report,
            "cell": self.cell,
            "headings": screen.headings_of(report.format, code),
            "shown": schema.display(figure.value if figure else None),
            "computed": None if figure is None or figure.computed is None else schema.display(figure.computed),
            "figure": figure,
            "source": source,
            "source_label": screen.SOURCES.get(source, source),
            "mark": screen.mark_of(figure, source),
            "forms": forms,
            "changes": screen.figure_changes(report, code),
            "contributions": screen.contributions_to(report, code),
            "back": url("edit", report.pk) + f"#figure-{code}",
        }
        return self.respond(context, status=status)

    def get(self, request, pk, cell):
        return self.render_figure()


class FigureActionView(FigureView):
    """POST of one of the figure's forms: the service runs, or its refusal is shown on the form."""

    http_method_names = ["post"]

    def post(self, request, pk, cell, action):
        form_class = self.ACTIONS.get(action)
        if form_class is None:
            raise Http404
        self.require_writer()
        form = form_class(request.POST, prefix=action)
        if form.is_valid():
            data = form.cleaned_data
            code = self.cell.code
            try:
                if action == "override":
                    figures.override(self.report, code, data["value"], request.user, data["reason"])
                elif action == "remove":
                    figures.remove_override(self.report, code, request.user, data["reason"])
                else:
                    figures.enter(self.report, code, data["value"], request.user, data["source_note"])
            except ReportRefused as refusal:
                show_refusal(form, refusal)
            else:
                shown = schema.display(figures.values(self.report)[code])
                messages.success(
                    request, _("%(cell)s now shows %(value)s.") % {"cell": self.get_page_title(), "value": shown}
                )
                return self.back_to_report(f"figure-{code}")
        messages.error(request, _("The figure was not changed: see the errors in the form below."))
        return self.render_figure(status=400, bound={action: form})


# 表二's row sources ---------------------------------------------------------------------------------


class RowSourcesView(ReportMixin, View):
    """表二数据来源: per selectable row, counted from the catalogue (which category or 体裁) or entered by
    hand with a note. The settings are the agency's, for every report; this report is recomputed."""

    template_name = TEMPLATES + "row_sources.html"

    def get_page_title(self):
        return _("Sources of table 二's rows")

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def rows(self):
        table = next((table for table in self.report.format.tables if table.code == "t2"), None)
        if table is None:
            return []
        return [row for block in table.blocks for row in block.rows if row.selectable]

    def forms(self, data=None):
        return [RowSourceForm(data, agency=self.report.agency, row=row) for row in self.rows()]

    def check_allowed(self):
        self.require_writer()
        if self.report.level != ReportLevel.AGENCY:
            raise Http404  # a government's report sums its members': it has no row sources of its own

    def render_forms(self, forms, status=200):
        media = sum((form.media for form in forms[1:]), forms[0].media) if forms else None
        return self.respond({"report": self.report, "forms": forms, "media": media}, status=status)

    def get(self, request, pk):
        self.check_allowed()
        return self.render_forms(self.forms())

    def post(self, request, pk):
        self.check_allowed()
        forms = self.forms(request.POST)
        if not all([form.is_valid() for form in forms]):
            messages.error(request, _("The sources were not saved: see the errors below."))
            return self.render_forms(forms, status=400)
        for form in forms:
            form.save()
        if self.report.state != ReportState.DRAFT:
            messages.success(request, _("The sources have been saved; they apply to the agency's next reports."))
            return self.back_to_report()
        try:
            changes = figures.recompute(self.report, request.user)
        except ReportRefused as refusal:
            messages.error(request, refusal.message)
            return self.back_to_report()
        text = ngettext(
            "The sources have been saved and the tables recomputed: %(count)d figure changed.",
            "The sources have been saved and the tables recomputed: %(count)d figures changed.",
            len(changes),
        ) % {"count": len(changes)}
        messages.success(request, text)
        return self.back_to_report("changes-section")


class DiscardReportView(ReportMixin, View):
    """删除: a report started or imported by mistake; asks first."""

    template_name = TEMPLATES + "discard.html"

    def get_page_title(self):
        return _("Delete this report")

    def get(self, request, pk):
        self.require_writer()
        return TemplateResponse(request, self.template_name, self.get_context_data(report=self.report))

    def post(self, request, pk):
        self.require_writer()
        try:
            drafting.discard_report(self.report, request.user)
        except ReportRefused as refusal:
            messages.error(request, refusal.message)
            return redirect(url("edit", self.report.pk))
        messages.success(request, _("The report has been deleted."))
        return redirect(url("index"))
