"""索引号 allocation: the only code that hands out index numbers.

A number is assigned once, at first publication, from a per-agency per-year serial; every
number ever issued (allocated or imported) is recorded in ``IssuedIndexNumber`` and never
handed out again, even after its item is deleted. The serial row is locked for update, so
parallel publications of one agency serialise on it and get distinct numbers.
"""

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ... import conf
from ...site.index_pattern import validate_pattern
from ...site.models import DisclosureSettings


class IndexNumberSequence(models.Model):
    agency = models.ForeignKey("disclosure.AgencyPage", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="unique_index_sequence")]
        verbose_name = _("索引号 sequence")

    def __str__(self):
        return f"{self.agency_id}/{self.year}: {self.last_serial}"


class IssuedIndexNumber(models.Model):
    """Every 索引号 ever issued; rows outlive their items so a number is never reused."""

    value = models.CharField(_("索引号"), max_length=100, unique=True)
    agency = models.ForeignKey("disclosure.AgencyPage", null=True, on_delete=models.SET_NULL, related_name="+")
    item_id = models.BigIntegerField(null=True)
    issued_at = models.DateTimeField(auto_now_add=True)
    imported = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("issued 索引号")

    def __str__(self):
        return self.value


def pattern_for(agency, site=None):
    if agency.index_number_pattern:
        return agency.index_number_pattern
    if site is None:
        site = agency.get_site()
    if site is not None:
        configured = DisclosureSettings.for_site(site).index_number_pattern
        if configured:
            return configured
    return conf.get("INDEX_NUMBER_PATTERN")


class IndexNumberAllocator:
    """Allocates the next free 索引号 for an item of one agency."""

    def __init__(self, agency, pattern=None):
        self.agency = agency
        self.pattern = pattern or pattern_for(agency)
        validate_pattern(self.pattern)

    def format(self, year, serial, category_code=""):
        return self.pattern.format(org_code=self.agency.org_code, year=year, serial=serial, category=category_code)

    @transaction.atomic
    def allocate(self, category=None, when=None):
        """Reserve and record the next number; the caller stores it on the item in the same transaction."""
        return self.allocate_many([(category.code if category is not None else "", when)])[0]

    @transaction.atomic
    def allocate_many(self, requests):
        """Numbers for several items at once: ``requests`` is a list of (category_code, when).

        One locked sequence row per year and one look-up of already-issued values per batch,
        so bulk imports do not pay a lock and three queries per row.
        """
        moments = [timezone.localtime(when or timezone.now()) for _, when in requests]
        by_year = {}
        for position, moment in enumerate(moments):
            by_year.setdefault(moment.year if "year" in self.pattern else 0, []).append(position)
        values = [None] * len(requests)
        for year, positions in by_year.items():
            sequence, _ = IndexNumberSequence.objects.select_for_update().get_or_create(agency=self.agency, year=year)
            serial = sequence.last_serial
            pending = list(positions)
            while pending:
                candidates = {}
                for position in pending:
                    serial += 1
                    candidates[self.format(moments[position].year, serial, requests[position][0])] = position
                taken = set(IssuedIndexNumber.objects.filter(value__in=candidates).values_list("value", flat=True))
                pending = [position for value, position in candidates.items() if value in taken]
                for value, position in candidates.items():
                    if value not in taken:
                        values[position] = value
            sequence.last_serial = serial
            sequence.save(update_fields=["last_serial"])
        IssuedIndexNumber.objects.bulk_create(IssuedIndexNumber(value=value, agency=self.agency) for value in values)
        return values


def register_imported(value, agency, item_id):
    """Record a number that came from another system, so the allocator never issues it again."""
    IssuedIndexNumber.objects.update_or_create(
        value=value, defaults={"agency": agency, "item_id": item_id, "imported": True}
    )
