"""The information-processing fee (信息处理费) of Art 42, by 国办函〔2020〕109号
《政府信息公开信息处理费管理办法》: only for applications whose number or volume clearly exceeds a
reasonable range, and only where the site enables it (``REQUEST_FEES_ENABLED``, off by default).

The agency charges each application by one method, never both, and both are progressive (超额累进):

* **按件计收** (per application): the applicant's applications to the agency in one calendar month,
  counted in the order they were received. The 1st to 10th are free; the 11th to 30th cost 100 元
  each; from the 31st on, every further band of 10 costs 100 元 more each (31st–40th 200 元,
  41st–50th 300 元, …). An application is charged the rate of its own place in the count.
* **按量计收** (per page): the pages provided for one application. Pages 1–30 are free; pages
  31–100 cost 10 元 each, 101–200 20 元 each, from 201 on 40 元 each — each rate for its band's
  part only.

Every calculation comes with the sentence that explains it (bands and arithmetic), shown to the
handler and printed in the fee notice, so the applicant can check the amount.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from .choices import RequestState
from .models import DisclosureRequest


class FeeMethod(models.TextChoices):
    PER_APPLICATION = "per_application", gettext_lazy("Per application (按件计收)")
    PER_PAGE = "per_page", gettext_lazy("Per page (按量计收)")


#: 按件: applications free each month, the last application of the first charged band and its rate.
FREE_APPLICATIONS = 10
FIRST_BAND_LAST = 30
FIRST_BAND_RATE = 100
#: 按件, from the 31st: the size of each further band and how much more each of its applications costs.
FURTHER_BAND_SIZE = 10
FURTHER_BAND_INCREASE = 100
#: 按量: (last page of the band, or None for the open last band; 元 per page).
PAGE_BANDS = ((30, 0), (100, 10), (200, 20), (None, 40))


@dataclass(frozen=True)
class Fee:
    """An amount in 元 and the sentence explaining how it was computed (in the active language)."""

    amount: Decimal
    explanation: str


def _yuan(value):
    return f"{value:.2f}"


def sentences(*parts):
    """Sentences joined as the language writes them: a space after "." but none after "。"."""
    return re.sub(r"(?<=[。！？；：）])\s+", "", " ".join(part for part in parts if part))


def _separator():
    return pgettext("list separator", "; ")


def application_rate(position):
    """元 charged for the ``position``-th application of the month (1-based)."""
    if position <= FREE_APPLICATIONS:
        return 0
    if position <= FIRST_BAND_LAST:
        return FIRST_BAND_RATE
    band = (position - FIRST_BAND_LAST - 1) // FURTHER_BAND_SIZE + 1
    return FIRST_BAND_RATE + band * FURTHER_BAND_INCREASE


def _application_bands(position):
    """The bands in words, up to the one ``position`` falls in (at least up to 31st–40th)."""
    bands = [
        _("applications 1–%(last)d of the month are free") % {"last": FREE_APPLICATIONS},
        _("applications %(first)d–%(last)d cost %(rate)d yuan each")
        % {"first": FREE_APPLICATIONS + 1, "last": FIRST_BAND_LAST, "rate": FIRST_BAND_RATE},
    ]
    first = FIRST_BAND_LAST + 1
    while True:
        last = first + FURTHER_BAND_SIZE - 1
        bands.append(
            _("applications %(first)d–%(last)d cost %(rate)d yuan each")
            % {"first": first, "last": last, "rate": application_rate(first)}
        )
        if last >= position:
            break
        first = last + 1
    bands.append(
        _("each further band of %(size)d costs %(increase)d yuan more per application")
        % {"size": FURTHER_BAND_SIZE, "increase": FURTHER_BAND_INCREASE}
    )
    return bands


def fee_per_application(position, month=None):
    """按件计收 for the ``position``-th application of the applicant in ``month`` (a date in it, optional)."""
    if position < 1:
        raise ValueError("position must be 1 or more")
    amount = Decimal(application_rate(position))
    if month is not None:
        where = _("This is the applicant's application number %(position)d to this agency in %(month)s.") % {
            "position": position,
            "month": _("%(year)d-%(month)02d") % {"year": month.year, "month": month.month},
        }
    else:
        where = _("This is the applicant's application number %(position)d to this agency this month.") % {
            "position": position
        }
    rule = _("Charged per application (按件计收): %(bands)s.") % {
        "bands": _separator().join(_application_bands(position))
    }
    total = _("By these rules the fee is %(amount)s yuan.") % {"amount": _yuan(amount)}
    return Fee(amount, sentences(where, rule, total))


def _page_parts(pages):
    """(first page, last page, rate, 元) of each band the ``pages`` reach."""
    parts, first = [], 1
    for last, rate in PAGE_BANDS:
        if first > pages:
            break
        end = pages if last is None else min(last, pages)
        parts.append((first, end, rate, (end - first + 1) * rate))
        first = end + 1
    return parts


def _page_bands():
    bands, first = [], 1
    for last, rate in PAGE_BANDS:
        if rate == 0:
            bands.append(_("pages %(first)d–%(last)d are free") % {"first": first, "last": last})
        elif last is None:
            bands.append(_("from page %(first)d on, %(rate)d yuan a page") % {"first": first, "rate": rate})
        else:
            bands.append(
                _("pages %(first)d–%(last)d cost %(rate)d yuan a page") % {"first": first, "last": last, "rate": rate}
            )
        first = (last or 0) + 1
    return bands


def fee_per_page(pages):
    """按量计收 for one application of ``pages`` pages: each band's rate for its part only."""
    if pages < 0:
        raise ValueError("pages must be 0 or more")
    parts = [part for part in _page_parts(pages) if part[2]]
    amount = Decimal(sum(part[3] for part in parts))
    rule = _("Charged per page (按量计收): %(bands)s.") % {"bands": _separator().join(_page_bands())}
    lines = [_("This application has %(pages)d pages.") % {"pages": pages}, rule]
    if parts:
        sums = [
            _("pages %(first)d–%(last)d: %(count)d × %(rate)d = %(amount)d yuan")
            % {"first": first, "last": last, "count": last - first + 1, "rate": rate, "amount": part_amount}
            for first, last, rate, part_amount in parts
        ]
        lines.append(_("Computed: %(parts)s.") % {"parts": _separator().join(sums)})
    lines.append(_("By these rules the fee is %(amount)s yuan.") % {"amount": _yuan(amount)})
    return Fee(amount, sentences(*lines))


def month_of(day):
    start = day.replace(day=1)
    end = (start + datetime.timedelta(days=32)).replace(day=1)
    return start, end


def position_in_month(request):
    """The place of ``request`` among its applicant's applications to the same agency received in the
    same calendar month (discarded submissions are not applications). An applicant without an identity
    number cannot be recognised in other applications: theirs is counted alone."""
    received = request.received_on
    if received is None:
        return 1
    if not request.applicant_fingerprint:
        return 1
    start, end = month_of(received)
    return (
        DisclosureRequest.objects.filter(
            agency_id=request.agency_id,
            applicant_fingerprint=request.applicant_fingerprint,
            received_on__gte=start,
            received_on__lt=end,
        )
        .exclude(state=RequestState.DISCARDED)
        .filter(Q(received_on__lt=received) | Q(received_on=received, pk__lte=request.pk))
        .count()
    )


def fee_for(request, method, pages=None):
    """The fee of ``request`` by ``method`` (a ``FeeMethod``); ``pages`` is needed per page."""
    if method == FeeMethod.PER_PAGE:
        if pages is None:
            raise ValueError("pages are needed to charge per page")
        return fee_per_page(pages)
    if method == FeeMethod.PER_APPLICATION:
        fee = fee_per_application(position_in_month(request), request.received_on)
        if request.applicant_fingerprint:
            return fee
        unknown = _("The applicant gave no identity number, so only this application is counted.")
        return Fee(fee.amount, sentences(fee.explanation, unknown))
    raise ValueError(f"unknown fee method {method!r}")
