"""“已主动公开？”: while the applicant describes what they want, the agency's published items that may be it.

Many applications ask for what is already in the catalogue. Offering it as the applicant types
saves both sides the 20 working days. Only items the public may see are offered (the visibility
rule), only the agency's own, and the match is deliberately plain: a 文号 or 索引号 that *is* the
one typed (in the reference field or inside the description), or a title containing what the
applicant wrote — the whole text when short, or each title they quoted in 《》.
"""

import re

from django.db.models import Q

from ..catalogue.doc_numbers import DOC_NUMBER_PATTERN, normalise_doc_number
from ..catalogue.models import CatalogueItemPage
from ..visibility import public_pages

LIMIT = 5
#: A description longer than this is not a title; only the titles quoted in it are looked for.
TITLE_QUERY_MAX = 60
MIN_QUERY = 2
_QUOTED_TITLE = re.compile(r"《([^《》]{2,100})》")
_INDEX_NUMBER = re.compile(r"[0-9A-Za-z]{6,}(?:[/\-][0-9A-Za-z]+)+")


def _doc_numbers_in(text):
    """Each 文号 written in a sentence, with every possible start: the pattern cannot tell where the
    issuer's abbreviation begins (“即青教发〔2025〕7号” is 青教发〔2025〕7号)."""
    for found in DOC_NUMBER_PATTERN.findall(text):
        bracket = next(i for i, char in enumerate(found) if not "\u4e00" <= char <= "\u9fa5")
        yield from (found[start:] for start in range(bracket))


def _exact_q(text, reference):
    references = [reference.strip()] if reference.strip() else []
    references += [*_doc_numbers_in(text), *_INDEX_NUMBER.findall(text)]
    q = Q()
    for value in references:
        q |= Q(index_number=value.strip())
        key = normalise_doc_number(value)
        if key:
            q |= Q(doc_number_key=key)
    return q


def _title_q(text):
    titles = _QUOTED_TITLE.findall(text)
    if len(text) <= TITLE_QUERY_MAX and len(text) >= MIN_QUERY:
        titles.append(text)
    q = Q()
    for title in titles:
        q |= Q(title__icontains=title.strip())
    return q


def already_public(agency, text="", reference=""):
    """Up to ``LIMIT`` public catalogue items of ``agency`` the applicant may be looking for, exact matches first."""
    text = " ".join((text or "").split())[:1000]
    reference = (reference or "")[:200]
    items = public_pages(CatalogueItemPage.objects.filter(agency=agency)).order_by("-published_at", "-pk")
    found = []
    for q in (_exact_q(text, reference), _title_q(text)):
        if not q:
            continue
        for item in items.filter(q).exclude(pk__in=[item.pk for item in found])[: LIMIT - len(found)]:
            found.append(item)
        if len(found) >= LIMIT:
            break
    return found
