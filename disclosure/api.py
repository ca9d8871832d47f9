"""The front door of ``disclosure``: everything other apps (search, online interviews, a site's
own code) may use. Anything not named here is internal and may change without notice.

The architecture test (``tests/test_architecture.py``) fails when another app imports any other
module of this package.
"""

from .agencies.models import AgencyRole, agency_of, allow_under_agencies
from .agencies.roles import groups_of
from .calendar.working_days import CalendarNotCovered, add_working_days, working_days_between
from .catalogue.choices import Validity
from .catalogue.doc_numbers import DOC_NUMBER_PATTERN, normalise_doc_number
from .catalogue.queries import category_subtree_ids, public_catalogue_items
from .helpers.clients import client_ip, client_key, hash_address
from .helpers.converters import RowIdConverter
from .helpers.settings import AppSettings
from .helpers.text import BIDI_CONTROLS, remove_invisible
from .screening.page_form import ScreenedPageForm
from .screening.words import find_sensitive_words
from .visibility import (
    PublicPageMixin,
    is_publicly_visible,
    public_pages,
    public_pages_by_parent,
    visibility_changed,
)

__all__ = [
    "BIDI_CONTROLS",
    "DOC_NUMBER_PATTERN",
    "AgencyRole",
    "AppSettings",
    "CalendarNotCovered",
    "PublicPageMixin",
    "RowIdConverter",
    "ScreenedPageForm",
    "Validity",
    "add_working_days",
    "agency_of",
    "allow_under_agencies",
    "category_subtree_ids",
    "client_ip",
    "client_key",
    "find_sensitive_words",
    "groups_of",
    "hash_address",
    "is_publicly_visible",
    "normalise_doc_number",
    "public_catalogue_items",
    "public_pages",
    "public_pages_by_parent",
    "remove_invisible",
    "visibility_changed",
    "working_days_between",
]
