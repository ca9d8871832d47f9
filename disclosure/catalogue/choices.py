"""Statutory enumerations of catalogue metadata (REFERENCE §2–3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DisclosureMode(models.TextChoices):
    PROACTIVE = "proactive", _("Proactive disclosure (主动公开)")
    ON_REQUEST = "on_request", _("Disclosure on request (依申请公开)")
    NOT_DISCLOSED = "not_disclosed", _("Not disclosed (不予公开)")


class NonDisclosureReason(models.TextChoices):
    """Reasons of report table 三(三) (不予公开) — the only lawful grounds for withholding."""

    STATE_SECRET = "state_secret", _("State secret")
    PROHIBITED_BY_LAW = "prohibited_by_law", _("Prohibited by other laws or administrative regulations")
    SECURITY_STABILITY = "security_stability", _("Endangers the 'three securities and one stability'")
    THIRD_PARTY = "third_party", _("Protects third parties' lawful rights and interests")
    INTERNAL_AFFAIRS = "internal_affairs", _("Internal affairs information")
    PROCESS_INFORMATION = "process_information", _("Process information")
    ENFORCEMENT_FILE = "enforcement_file", _("Administrative enforcement case file")
    QUERY_MATTER = "query_matter", _("Administrative query matter")


class Validity(models.TextChoices):
    VALID = "valid", _("In force (有效)")
    LAPSED = "lapsed", _("Lapsed (失效)")
    REPEALED = "repealed", _("Repealed (废止)")
    AMENDED = "amended", _("Amended (已修改)")


class Art20Item(models.IntegerChoices):
    """The 15 categories of Art 20 of the Regulations that must be disclosed proactively."""

    REGULATIONS = 1, _("一 Regulations, rules and normative documents")
    ORGANISATION = 2, _("二 Functions, organisation, address, hours, contacts, leaders")
    PLANS = 3, _("三 Plans and related policies")
    STATISTICS = 4, _("四 Statistics")
    LICENSING = 5, _("五 Administrative licensing and other external services")
    PENALTIES = 6, _("六 Administrative penalties and enforcement")
    BUDGETS = 7, _("七 Budgets and final accounts")
    FEES = 8, _("八 Administrative fees")
    PROCUREMENT = 9, _("九 Government centralised procurement")
    MAJOR_PROJECTS = 10, _("十 Major construction projects")
    SOCIAL_PROGRAMMES = 11, _("十一 Poverty relief, education, health, social security, employment")
    EMERGENCIES = 12, _("十二 Emergency plans, warnings and responses")
    INSPECTIONS = 13, _("十三 Environment, public health, safety, food, drugs, product quality inspections")
    CIVIL_SERVICE = 14, _("十四 Civil service recruitment")
    OTHER = 15, _("十五 Other")


class UnavailableReason(models.TextChoices):
    """Reasons of report table 三(四) (无法提供)."""

    NOT_HELD = "not_held", _("Not held by this agency")
    WOULD_NEED_CREATING = "would_need_creating", _("Would have to be newly created")
    STILL_UNCLEAR = "still_unclear", _("Still unclear after supplementation")
