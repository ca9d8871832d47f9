"""Model registry of the app: each concept lives in its own package and is re-exported here."""

from .agencies.models import AgencyDepartment, AgencyGroup, AgencyIndexPage, AgencyLeader, AgencyPage, AgencyRole
from .announcements.models import AnnouncementCategory, AnnouncementIndexPage, AnnouncementPage
from .calendar.models import CalendarDay, CalendarYear
from .catalogue.index_numbers import IndexNumberSequence, IssuedIndexNumber
from .catalogue.models import CatalogueAttachment, CatalogueIndexPage, CatalogueItemPage, PolicyInterpretation
from .catalogue.taxonomy import CatalogueCategory, Genre, Topic
from .guide.models import DisclosureGuidePage
from .review.holds import PublicationHold
from .review.records import ReviewRecord
from .review.screening.models import ScreeningReport, SensitiveWord
from .review.secrecy_task import SecrecyReviewTask
from .site.models import DisclosureSettings

__all__ = [
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
