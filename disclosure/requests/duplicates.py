"""Repeated applications, and information many people ask for (Art 44).

A new application is a *possible duplicate* when an earlier application to the same agency
comes from the same applicant (the same ``applicant_fingerprint``: identity document and
number) and asks for much the same thing. "Much the same" is measured on the descriptions'
character bigrams (Chinese has no spaces to split words on): after removing the phrases every
application uses (申请公开, 请提供, 相关政府信息…), the Jaccard similarity of the two bigram
sets must reach ``DUPLICATE_SIMILARITY`` (0.6), and the years the two mention, when both
mention some, must be the same — 2024年低保名单 is not a repeat of 2025年低保名单. The
threshold was chosen on rephrasings of real-world requests: the same request reworded scores
0.8–1.0, a different document of the same project about 0.55, an unrelated request below 0.2.
The flag only informs the handler (不予处理：重复申请 remains their decision).

*Popular topics* group an agency's recent applications whose descriptions reach
``TOPIC_SIMILARITY`` (0.5, lower: different people word the same wish differently) and that
come from at least ``TOPIC_MIN_APPLICANTS`` (3) distinct applicants. Art 44: information
applied for by many should be disclosed proactively — ``propose_proactive_disclosure`` makes
a draft catalogue item of it, which goes through the agency's 三审 review like any other.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from ..catalogue.models import CatalogueIndexPage, CatalogueItemPage
from .choices import EventKind, RequestState
from .models import DisclosureRequest, RequestEvent
from .permissions import require_handler
from .personal_data import personal_values, scrub
from .signals import request_transitioned
from .transitions import TransitionRefused

DUPLICATE_SIMILARITY = 0.6
TOPIC_SIMILARITY = 0.5
TOPIC_MIN_APPLICANTS = 3
#: A bigram in more than this share of the descriptions (年度, 名单) brings no pair to compare.
COMMON_BIGRAM_SHARE = 0.1
#: The events after which a request is compared with the earlier ones.
CHECKED_EVENTS = (EventKind.SUBMITTED, EventKind.REGISTERED, EventKind.TRANSFERRED)
#: Words every application uses (removed before comparing; 政府信息 before the shorter ones it contains).
BOILERPLATE = ("政府信息", "申请", "请求", "要求", "公开", "提供", "相关", "有关", "关于", "的", "请", "及", "和", "与")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: Where a proactive draft goes when the agency's tree has it (the Art 20 preset's last top category).
PROACTIVE_CATEGORY = "其他"
SUMMARY_LENGTH = 100
TITLE_LENGTH = 60


def _normalised(text):
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = "".join(ch for ch in text if ch.isalnum())
    for word in BOILERPLATE:
        text = text.replace(word, "")
    return text


def bigrams(text):
    text = _normalised(text)
    if len(text) < 2:
        return {text} if text else set()
    return {text[i : i + 2] for i in range(len(text) - 1)}


def years(text):
    return set(YEAR.findall(unicodedata.normalize("NFKC", text or "")))


def similarity(first, second):
    """Jaccard similarity of the two descriptions' bigrams; 0 when they name different years."""
    years_first, years_second = years(first), years(second)
    if years_first and years_second and years_first != years_second:
        return 0.0
    a, b = bigrams(first), bigrams(second)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def earlier_duplicate(request):
    """The most recent earlier application of the same applicant to the same agency asking the same, or None."""
    if not request.applicant_fingerprint:
        return None
    earlier = (
        DisclosureRequest.objects.filter(
            agency_id=request.agency_id, applicant_fingerprint=request.applicant_fingerprint, pk__lt=request.pk
        )
        .exclude(state=RequestState.DISCARDED)
        .order_by("-pk")
        .only("pk", "number", "description")
    )
    for candidate in earlier:
        score = similarity(request.description, candidate.description)
        if score >= DUPLICATE_SIMILARITY:
            return candidate, score
    return None


def flag_duplicates(request):
    """Mark ``request`` as a possible duplicate of an earlier one and log it; returns the earlier one."""
    found = earlier_duplicate(request)
    if found is None:
        return None
    original, score = found
    if request.duplicate_of_id == original.pk:
        return original
    request.duplicate_of = original
    request.save(update_fields=["duplicate_of"])
    RequestEvent.objects.create(
        request=request,
        kind=EventKind.DUPLICATE_FLAGGED,
        state_before=request.state,
        state_after=request.state,
        note=_("Possibly the same application as %(number)s.") % {"number": original.number},
        data={"duplicate_of": original.number, "similarity": round(score, 2)},
    )
    return original


@receiver(request_transitioned, dispatch_uid="disclosure.requests.flag_duplicates")
def flag_duplicates_on_intake(sender, request, event, **kwargs):
    if event.kind in CHECKED_EVENTS:
        flag_duplicates(request)


@dataclass
class PopularTopic:
    """Similar applications from several applicants: the earliest one's description stands for them."""

    description: str
    requests: list = field(default_factory=list)
    applicants: set = field(default_factory=set)

    @property
    def applicant_count(self):
        return len(self.applicants)


def _similar_pairs(descriptions, threshold):
    """Index pairs of similar descriptions. Only pairs sharing a bigram that few descriptions
    have are compared: similar ones share many, so they meet on a rare one, and a year's
    applications to an agency are compared without comparing every pair."""
    grams = [bigrams(text) for text in descriptions]
    mentioned = [years(text) for text in descriptions]
    sharing = defaultdict(list)
    for index, own in enumerate(grams):
        for gram in own:
            sharing[gram].append(index)
    common = max(COMMON_BIGRAM_SHARE * len(descriptions), 50)
    compared = set()
    for members in sharing.values():
        if len(members) > common:
            continue
        for position, first in enumerate(members):
            for second in members[position + 1 :]:
                if (first, second) in compared:
                    continue
                compared.add((first, second))
                a, b = grams[first], grams[second]
                if mentioned[first] and mentioned[second] and mentioned[first] != mentioned[second]:
                    continue
                if len(a & b) / len(a | b) >= threshold:
                    yield first, second


def popular_topics(agency, since, min_applicants=TOPIC_MIN_APPLICANTS, threshold=TOPIC_SIMILARITY):
    """Groups of similar applications to ``agency`` submitted on or after ``since`` (a date),
    each from at least ``min_applicants`` distinct applicants, the most asked first.

    Applications are grouped by chains of similarity (A like B, B like C: one topic), so that
    the order in which people asked does not decide the groups.
    """
    requests = list(
        DisclosureRequest.objects.filter(agency=agency, submitted_at__date__gte=since)
        .exclude(state=RequestState.DISCARDED)
        .order_by("submitted_at", "pk")
        .only("pk", "number", "description", "applicant_fingerprint", "submitted_at")
    )
    parent = list(range(len(requests)))

    def root(index):
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for first, second in _similar_pairs([request.description for request in requests], threshold):
        parent[max(root(first), root(second))] = min(root(first), root(second))
    topics = {}
    for index, request in enumerate(requests):
        topic = topics.setdefault(root(index), PopularTopic(description=requests[root(index)].description))
        topic.requests.append(request)
        # Applicants without an identity number count once each: they cannot be told apart.
        topic.applicants.add(request.applicant_fingerprint or f"request:{request.pk}")
    popular = [topic for topic in topics.values() if topic.applicant_count >= min_applicants]
    return sorted(popular, key=lambda topic: (-topic.applicant_count, topic.requests[0].pk))


# Art 44: 纳入主动公开 ------------------------------------------------------------------------


def _category(agency):
    categories = agency.catalogue_categories.all()
    return (
        categories.filter(name=PROACTIVE_CATEGORY, parent=None).first()
        or categories.filter(name=PROACTIVE_CATEGORY).first()
        or categories.filter(parent=None).order_by("-sort_order", "-pk").first()
    )


def _subject(text):
    """What is asked for, without the applicant's "申请公开…" and closing punctuation."""
    text = " ".join(text.split())
    text = re.sub(
        r"^(?:本人|我|我们|本单位|本公司)?(?:特此)?(?:申请|请求|要求|希望)?(?:公开|提供|获取)?[:：，,]?", "", text
    )
    first = re.split(r"[。；;！!？?\n]", text, maxsplit=1)[0]
    return first.strip(" ，,、。") or text


@transaction.atomic
def propose_proactive_disclosure(request, actor, title=None):
    """Art 44: a draft catalogue item for what ``request`` asked, in the agency's catalogue, sent
    into its review workflow. The draft carries none of the applicant's personal data."""
    require_handler(actor, request)
    agency = request.agency
    catalogue = CatalogueIndexPage.objects.child_of(agency).first()
    if catalogue is None:
        raise TransitionRefused(_("This agency has no disclosure catalogue to publish the information in."))
    category = _category(agency)
    if category is None:
        raise TransitionRefused(_("This agency's catalogue has no category to file the information under."))
    values = personal_values(request)
    description = scrub(request.description, values)
    subject = _subject(description)
    title = scrub((title or "").strip(), values) or subject[:TITLE_LENGTH]
    item = CatalogueItemPage(
        title=title,
        summary=subject[:SUMMARY_LENGTH],
        generated_date=timezone.localdate(),
        category=category,
        body="".join(f"<p>{line}</p>" for line in _escaped_lines(description)),
        live=False,
    )
    catalogue.add_child(instance=item)
    item.save_revision(user=actor)
    workflow = item.get_workflow()
    if workflow is not None and workflow.active:
        workflow.start(item, actor)
    RequestEvent.objects.create(
        request=request,
        kind=EventKind.PROACTIVE_DRAFTED,
        state_before=request.state,
        state_after=request.state,
        actor=actor,
        note=item.title,
        data={"page": item.pk, "in_review": bool(workflow is not None and workflow.active)},
    )
    return item


def _escaped_lines(text):
    return [escape(line.strip()) for line in text.splitlines() if line.strip()]
