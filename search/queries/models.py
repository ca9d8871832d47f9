import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

_TERM_SEPARATORS = re.compile(r"[\s,，、;；/|]+")


def split_terms(text):
    """Terms typed one per line or separated by commas or 、; duplicates dropped, order kept."""
    terms = []
    for term in _TERM_SEPARATORS.split(text or ""):
        term = term.strip()
        if term and term not in terms:
            terms.append(term)
    return terms


def shipped_form(terms, targets):
    """A group's words as the lexicon sync compares them (an edit by an editor changes it)."""
    return "\n".join(terms) + "\n=>\n" + "\n".join(targets)


class SynonymGroup(models.Model):
    """Words citizens and agencies use for one thing (低保, 最低生活保障); a query for one finds all.

    Applied when a query is made, on every backend, so an edit works at once without reindexing.
    A one-way group (``targets``) lets an everyday word find the official one (看病 → 就医)
    without the broad official word pulling in everything said in everyday words. Groups
    shipped with Gongkai (``search/lexicon``) carry their ``lexicon_key``; an editor may change
    or switch them off, and later versions of the lexicon leave changed groups alone.
    """

    terms = models.TextField(
        _("terms"), help_text=_("Two or more words that mean the same, separated by commas or one per line.")
    )
    targets = models.TextField(
        _("also finds (one way)"),
        blank=True,
        help_text=_(
            "Optional. Words the terms above also find, but that do not find them: "
            "an everyday word (看病) finds the official one (就医), not the other way round."
        ),
    )
    enabled = models.BooleanField(_("in use"), default=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    lexicon_key = models.CharField(_("shipped as"), max_length=30, blank=True, editable=False)
    shipped_terms = models.TextField(blank=True, editable=False)  # terms and targets as last shipped
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["lexicon_key"], condition=~models.Q(lexicon_key=""), name="gongkai_synonym_lexicon_key_once"
            )
        ]

    def __str__(self):
        if self.target_list:
            return f"{'、'.join(self.term_list)} → {'、'.join(self.target_list)}"
        return " ↔ ".join(self.term_list)

    @property
    def term_list(self):
        return split_terms(self.terms)

    @property
    def target_list(self):
        return [term for term in split_terms(self.targets) if term not in self.term_list]

    @property
    def shipped(self):
        return bool(self.lexicon_key)

    @property
    def changed_since_shipped(self):
        return self.shipped and self.shipped_terms != self.as_shipped()

    def as_shipped(self):
        return shipped_form(self.term_list, self.target_list)

    def clean(self):
        terms, targets = self.term_list, self.target_list
        if len(terms) + len(targets) < 2 or (not targets and len(terms) < 2):
            raise ValidationError({"terms": _("A synonym group needs at least two different words.")})
        too_long = [term for term in terms + targets if len(term) > 30]
        if too_long:
            raise ValidationError(
                {"terms": _("Words may be at most 30 characters: %(words)s") % {"words": "、".join(too_long)}}
            )
        too_short = [term for term in terms + targets if len(term) < 2]
        if too_short:
            raise ValidationError(
                {"terms": _("A single character would match far too much: %(words)s") % {"words": "、".join(too_short)}}
            )
        self.terms = "\n".join(terms)
        self.targets = "\n".join(targets)


class BlockedQuery(models.Model):
    """A word or phrase that must never appear among the hot queries (热搜) or suggestions."""

    phrase = models.CharField(_("phrase"), max_length=100, unique=True)
    match_anywhere = models.BooleanField(
        _("block queries containing it"),
        default=True,
        help_text=_("Block every query that contains the phrase, not only the exact query."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("blocked hot query")
        verbose_name_plural = _("blocked hot queries")
        ordering = ["phrase"]

    def __str__(self):
        return self.phrase


class SearchQueryLog(models.Model):
    """One public search, for editors looking for missing content and synonyms; no visitor data is stored.

    The hot-query list is not counted from this log but from :class:`HotQueryClientDay`.
    """

    query = models.CharField(_("query"), max_length=100, db_index=True)
    hits = models.PositiveIntegerField(_("results"))
    searched_at = models.DateTimeField(_("searched at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search log")
        ordering = ["-searched_at"]

    def __str__(self):
        return self.query


class HotQueryStatus(models.TextChoices):
    NEW = "new", _("Not reviewed")
    APPROVED = "approved", _("Approved")
    HIDDEN = "hidden", _("Hidden")


class HotQuery(models.Model):
    """A query that found something, as a candidate for the hot-query list (热搜), with the editors' decision.

    Whether it shows is decided in ``search.queries.hot``: enough different clients, not
    hidden, not blocked, approved when the site wants approval.
    """

    query = models.CharField(_("query"), max_length=100, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=HotQueryStatus.choices, default=HotQueryStatus.NEW, db_index=True
    )
    created_at = models.DateTimeField(_("first searched"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("hot query")
        verbose_name_plural = _("hot queries")
        ordering = ["query"]

    def __str__(self):
        return self.query

    def moderate(self, status, user):
        """Record an editor's decision (approve, hide, or back to not reviewed)."""
        self.status = status
        self.reviewed_at = timezone.now()
        self.reviewed_by = user
        self.save(update_fields=["status", "reviewed_at", "reviewed_by"])


class HotQueryClientDay(models.Model):
    """One client searched an entry's query on one day: it counts once, however often they searched.

    ``client`` is a keyed hash of the address (``search.queries.clients``), never the address;
    rows older than the hot-query window are deleted.
    """

    entry = models.ForeignKey(HotQuery, on_delete=models.CASCADE, related_name="client_days")
    client = models.CharField(max_length=32)
    day = models.DateField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "client", "day"], name="gongkai_search_hot_query_once_a_day")
        ]

    def __str__(self):
        return f"{self.entry} · {self.day}"
