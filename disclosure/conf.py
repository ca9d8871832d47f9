"""The app's settings: one namespaced dict, ``GONGKAI_DISCLOSURE``, with documented defaults.

Keys:
    INDEX_NUMBER_PATTERN: default 索引号 pattern when neither the site nor the agency sets one.
        Placeholders: {org_code}, {year}, {serial} (format spec allowed, e.g. {serial:05d}),
        {category} (the category code).
    CATALOGUE_PAGE_SIZE: rows per page in the public catalogue listing.
    ANNOUNCEMENT_PAGE_SIZE: rows per page in announcement listings.
    PUBLICATION_DEADLINE_WORKING_DAYS: Art 26 — working days from 生成日期 to 发布日期 (20).
    PUBLICATION_AT_RISK_WORKING_DAYS: an unpublished item is "at risk" when its deadline is
        this many working days away or fewer (5).
    REVIEW_WAIT_WORKING_DAYS: a review step waiting longer than this is flagged on the
        dashboard and reminded by e-mail (3).
"""

from .helpers.settings import AppSettings

DEFAULTS = {
    "INDEX_NUMBER_PATTERN": "{org_code}/{year}-{serial:05d}",
    "CATALOGUE_PAGE_SIZE": 20,
    "ANNOUNCEMENT_PAGE_SIZE": 15,
    "HOME_ANNOUNCEMENT_COUNT": 8,
    "PUBLICATION_DEADLINE_WORKING_DAYS": 20,
    "PUBLICATION_AT_RISK_WORKING_DAYS": 5,
    "REVIEW_WAIT_WORKING_DAYS": 3,
}

get = AppSettings("GONGKAI_DISCLOSURE", DEFAULTS).get
