"""The app's settings: one namespaced dict, ``GONGKAI_DISCLOSURE``, with documented defaults.

Keys:
    INDEX_NUMBER_PATTERN: default 索引号 pattern when neither the site nor the agency sets one.
        Placeholders: {org_code}, {year}, {serial} (format spec allowed, e.g. {serial:05d}),
        {category} (the category code).
    CATALOGUE_PAGE_SIZE: rows per page in the public catalogue listing.
    CATALOGUE_API_RATE: requests per client address to the catalogue's JSON API (django-ratelimit
        syntax, e.g. "60/m"; conditional requests answered 304 count too).
    ANNOUNCEMENT_PAGE_SIZE: rows per page in announcement listings.
    PUBLICATION_DEADLINE_WORKING_DAYS: Art 26 — working days from 生成日期 to 发布日期 (20).
    PUBLICATION_AT_RISK_WORKING_DAYS: an unpublished item is "at risk" when its deadline is
        this many working days away or fewer (5).
    REVIEW_WAIT_WORKING_DAYS: a review step waiting longer than this is flagged on the
        dashboard and reminded by e-mail (3).

Disclosure on request (依申请公开; statutory defaults, local rules may differ):
    REQUEST_NUMBER_PATTERN: application numbers when the site sets none; placeholders
        {agency_short}, {org_code}, {year}, {serial} (format spec allowed).
    REQUEST_REPLY_WORKING_DAYS: Art 33 — working days to reply (20).
    REQUEST_MAX_EXTENSION_WORKING_DAYS: Art 33 — the one extension, at most (20).
    REQUEST_SUPPLEMENT_NOTICE_WORKING_DAYS: Art 30 — the 补正 notice is due within (7).
    REQUEST_SUPPLEMENT_REPLY_WORKING_DAYS: the applicant's time to supplement, by default (15).
    REQUEST_CONSULTATION_WORKING_DAYS: Art 32/34 — a consulted party answers within (15).
    REQUEST_AT_RISK_WORKING_DAYS: the queue marks a request "at risk" this close to its due date (5).
    REQUEST_COUNT_RECEIPT_DAY: count the day of receipt as the first day (False: 期间开始之日不计算在内).
    REQUEST_RECEIPT_CUTOFF_HOUR: receipts confirmed at or after this hour count for the next day
        (None: the calendar day, as Art 31 says; Froide uses 22).
    REQUEST_FEES_ENABLED: offer the Art 42 fee notice and calculator (off: disclosure is free).
    REQUEST_FEE_PAUSES_CLOCK: the time waiting for a fee is not counted (no source says; off).
    REQUEST_SUBMIT_RATE / REQUEST_LOOKUP_RATE: per-client limits of the public form and look-up.
    REQUEST_ID_PROOF_MAX_BYTES: largest identity scan accepted.
    REQUEST_RETENTION_YEARS: personal data of archived requests is deleted this long after archiving (5).
    REQUEST_REMINDER_WORKING_DAYS: handlers are reminded this many working days before a stage deadline (3).

Annual reports (年度报告, Art 49–50), on the year before; dates as "MM-DD" of the following year:
    REPORT_AGENCY_DEADLINE: every agency publishes its own report by ("01-31").
    REPORT_GOVERNMENT_DEADLINE: a people's government publishes the whole government's report by ("03-31").
    REPORT_DUE_SOON_DAYS: a report not yet published is "due soon" this many calendar days before its
        deadline or fewer; its editors are reminded daily from then until they submit it (14).

Catalogue imports (导入目录):
    IMPORT_STALLED_MINUTES: a queued or running import with no progress for this long lost its
        worker and is marked failed (30).
"""

from .helpers.settings import AppSettings

DEFAULTS = {
    "INDEX_NUMBER_PATTERN": "{org_code}/{year}-{serial:05d}",
    "CATALOGUE_PAGE_SIZE": 20,
    "CATALOGUE_API_RATE": "60/m",
    "ANNOUNCEMENT_PAGE_SIZE": 15,
    "HOME_ANNOUNCEMENT_COUNT": 8,
    "PUBLICATION_DEADLINE_WORKING_DAYS": 20,
    "PUBLICATION_AT_RISK_WORKING_DAYS": 5,
    "REVIEW_WAIT_WORKING_DAYS": 3,
    "REQUEST_NUMBER_PATTERN": "{agency_short}依申〔{year}〕{serial}号",
    "REQUEST_REPLY_WORKING_DAYS": 20,
    "REQUEST_MAX_EXTENSION_WORKING_DAYS": 20,
    "REQUEST_SUPPLEMENT_NOTICE_WORKING_DAYS": 7,
    "REQUEST_SUPPLEMENT_REPLY_WORKING_DAYS": 15,
    "REQUEST_CONSULTATION_WORKING_DAYS": 15,
    "REQUEST_AT_RISK_WORKING_DAYS": 5,
    "REQUEST_COUNT_RECEIPT_DAY": False,
    "REQUEST_RECEIPT_CUTOFF_HOUR": None,
    "REQUEST_FEES_ENABLED": False,
    "REQUEST_FEE_PAUSES_CLOCK": False,
    "REQUEST_SUBMIT_RATE": "5/h",
    "REQUEST_LOOKUP_RATE": "20/h",
    "REQUEST_ID_PROOF_MAX_BYTES": 5 * 1024 * 1024,
    "REQUEST_RETENTION_YEARS": 5,
    "REQUEST_REMINDER_WORKING_DAYS": 3,
    "REPORT_AGENCY_DEADLINE": "01-31",
    "REPORT_GOVERNMENT_DEADLINE": "03-31",
    "REPORT_DUE_SOON_DAYS": 14,
    "IMPORT_STALLED_MINUTES": 30,
}

get = AppSettings("GONGKAI_DISCLOSURE", DEFAULTS).get
