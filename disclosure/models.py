"""Model registry of the app: each concept lives in its own package and is re-exported here."""

from .agencies.models import AgencyDepartment, AgencyGroup, AgencyIndexPage, AgencyLeader, AgencyPage, AgencyRole
from .announcements.models import AnnouncementCategory, AnnouncementIndexPage, AnnouncementPage
from .calendar.models import CalendarDay, CalendarYear
from .catalogue.imports.models import ImportJob, ImportUpload
from .catalogue.models import (
    CatalogueAttachment,
    CatalogueCategory,
    CatalogueIndexPage,
    CatalogueItemPage,
    Genre,
    IndexNumberSequence,
    IssuedIndexNumber,
    PolicyInterpretation,
    Topic,
)
from .guide.models import DisclosureGuidePage
from .reports.models import (
    AnnualReport,
    ReportComputation,
    ReportFigure,
    ReportFigureChange,
    ReportReminder,
    ReportRowSource,
)
from .reports.pages import AnnualReportPage
from .requests.models import (
    AppealCase,
    ClockPause,
    DisclosureRequest,
    IdentityProof,
    Notice,
    NoticeTemplate,
    PersonalDataView,
    ReleasedFile,
    RequestEvent,
    RequestNumberSequence,
)
from .requests.models.pages import RequestFormPage
from .review.models import ReviewRecord, SecrecyReviewTask
from .screening.models import ScreeningReport, SensitiveWord
from .site.models import DisclosureSettings
from .visibility.models import PublicationHold

__all__ = [
    "AppealCase",
    "ClockPause",
    "DisclosureRequest",
    "IdentityProof",
    "Notice",
    "NoticeTemplate",
    "PersonalDataView",
    "ReleasedFile",
    "RequestEvent",
    "RequestFormPage",
    "RequestNumberSequence",
    "AnnualReport",
    "AnnualReportPage",
    "ReportComputation",
    "ReportFigure",
    "ReportFigureChange",
    "ReportReminder",
    "ReportRowSource",
    "AgencyDepartment",
    "AgencyGroup",
    "AgencyIndexPage",
    "AgencyLeader",
    "AgencyPage",
    "AgencyRole",
    "AnnouncementCategory",
    "AnnouncementIndexPage",
    "AnnouncementPage",
    "CalendarDay",
    "CalendarYear",
    "CatalogueAttachment",
    "CatalogueCategory",
    "CatalogueIndexPage",
    "CatalogueItemPage",
    "DisclosureGuidePage",
    "DisclosureSettings",
    "Genre",
    "ImportJob",
    "ImportUpload",
    "IndexNumberSequence",
    "IssuedIndexNumber",
    "PolicyInterpretation",
    "PublicationHold",
    "ReviewRecord",
    "ScreeningReport",
    "SecrecyReviewTask",
    "SensitiveWord",
    "Topic",
]
