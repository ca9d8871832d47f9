"""Which wording a notice uses, and the checks an edited wording must pass before it is saved.

Lookup: the agency's own ``NoticeTemplate`` of the kind, else the site's (no agency), else the
default in ``defaults``. The remedy bodies (复议机关, 法院) are set once per agency: the first that
is filled of this template, the agency's other templates, the site's template of this kind.

Bodies are Django template language rendered from a string by an engine of their own: no
autoescaping (the output is plain text for a PDF, not HTML), no tag libraries, no loaders (so
``{% include %}`` and ``{% extends %}`` cannot reach a file) and only the placeholders of
``placeholders`` in the context. ``validate_template_body`` compiles and renders a body with
sample values, so an editor learns of a mistake with its line when saving, not when a notice is due.
"""

import logging
import string
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.template import Context, Engine, TemplateDoesNotExist, TemplateSyntaxError
from django.template.base import FilterExpression, Variable, VariableNode
from django.template.defaulttags import DebugNode, ForNode, IfNode, WithNode
from django.utils.translation import gettext as _

from ...agencies.models import AgencyPage
from ..choices import NoticeKind
from ..models import NoticeTemplate
from .defaults import DEFAULT_COURT, DEFAULTS, REVIEW_BODY_OF_DEPARTMENT, REVIEW_BODY_OF_GOVERNMENT
from .placeholders import PLACEHOLDER_NAMES, placeholders_for, sample_context

logger = logging.getLogger(__name__)

ENGINE = Engine(autoescape=False, loaders=[], libraries={}, debug=True)
NUMBER_FIELDS = {"agency_short", "org_code", "year", "serial"}


@dataclass(frozen=True)
class EffectiveTemplate:
    """The wording a notice of ``kind`` for an agency is issued with, wherever it came from."""

    kind: str
    title: str
    number_pattern: str
    body: str
    review_body: str
    court: str
    source: str  # "agency", "site" or "default"


def _default_review_body(agency):
    """Under the 行政复议法 (2023, Art 24) a people's government's acts (a township's, a subdistrict's) go to
    the government one level up, a department's to the government of its own level: named when the agency
    records that government as its parent, else in general words."""
    if agency.kind in (AgencyPage.Kind.GOVERNMENT, AgencyPage.Kind.TOWNSHIP):
        return REVIEW_BODY_OF_GOVERNMENT
    parent = agency.parent_agency if agency.parent_agency_id else None
    if parent is not None and parent.kind == AgencyPage.Kind.GOVERNMENT:
        return parent.title
    return REVIEW_BODY_OF_DEPARTMENT


def template_for(agency, kind):
    """The wording of a notice of ``kind`` for ``agency`` (its own, the site's, or the default)."""
    kind = NoticeKind(kind)
    own = site = None
    others = []
    for template in NoticeTemplate.objects.filter(Q(agency=agency) | Q(agency__isnull=True)).order_by("-updated_at"):
        if template.kind == kind:
            # The newest wins (the database lets several site-wide templates of a kind exist).
            if template.agency_id is None:
                site = site or template
            else:
                own = own or template
        elif template.agency_id is not None:
            others.append(template)

    def first_filled(field, fallback):
        for template in (own, *others, site):
            if template is not None and getattr(template, field).strip():
                return getattr(template, field).strip()
        return fallback

    review_body = first_filled("review_body", _default_review_body(agency))
    court = first_filled("court", DEFAULT_COURT)
    chosen = own or site
    if chosen is None:
        default = DEFAULTS[kind]
        return EffectiveTemplate(
            kind, default.title, default.number_pattern, default.body, review_body, court, "default"
        )
    source = "agency" if chosen is own else "site"
    return EffectiveTemplate(kind, chosen.title, chosen.number_pattern, chosen.body, review_body, court, source)


def default_template(agency, kind):
    """The code's wording, with the agency's remedy bodies: what an unusable edited template falls back to."""
    kind = NoticeKind(kind)
    default, effective = DEFAULTS[kind], template_for(agency, kind)
    return EffectiveTemplate(
        kind, default.title, default.number_pattern, default.body, effective.review_body, effective.court, "default"
    )


# Checking an edited template ----------------------------------------------------------------------


def _expressions(node):
    """The filter expressions a node evaluates itself (not those of its children)."""
    if isinstance(node, VariableNode):
        yield node.filter_expression
    elif isinstance(node, ForNode):
        yield node.sequence
    elif isinstance(node, IfNode):
        for condition, _nodelist in node.conditions_nodelists:
            yield from _condition_expressions(condition)
    elif isinstance(node, WithNode):
        yield from node.extra_context.values()


def _condition_expressions(condition):
    if condition is None:
        return
    if isinstance(getattr(condition, "value", None), FilterExpression):
        yield condition.value
    for side in ("first", "second"):
        yield from _condition_expressions(getattr(condition, side, None))


def _walk(nodelist):
    for node in nodelist:
        yield node
        for attribute in node.child_nodelists:
            yield from _walk(getattr(node, attribute, None) or [])
        if isinstance(node, IfNode):
            for _condition, inner in node.conditions_nodelists:
                yield from _walk(inner)


def _names_used(template):
    """(placeholder names read, names bound by the template's own loops and ``with``)."""
    used, bound = set(), {"forloop"}
    for node in _walk(template.nodelist):
        if isinstance(node, DebugNode):
            raise ValidationError(_("The {% debug %} tag cannot be used in a notice."), code="debug")
        if isinstance(node, ForNode):
            bound.update(node.loopvars)
        if isinstance(node, WithNode):
            bound.update(node.extra_context)
        for expression in _expressions(node):
            variable = expression.var
            if isinstance(variable, Variable) and variable.lookups:
                used.add(variable.lookups[0])
    return used, bound


def _syntax_error(exc):
    line = (getattr(exc, "template_debug", None) or {}).get("line")
    if line:
        return ValidationError(
            _("The text has a template error on line %(line)s: %(error)s"),
            params={"line": line, "error": exc},
            code="syntax",
        )
    return ValidationError(_("The text has a template error: %(error)s"), params={"error": exc}, code="syntax")


def validate_template_body(body, kind=None):
    """Raise ``ValidationError`` unless ``body`` compiles, uses only the placeholders of ``kind``
    (all placeholders when no kind) and renders with sample values."""
    try:
        template = ENGINE.from_string(body)
    except TemplateSyntaxError as exc:
        raise _syntax_error(exc) from exc
    used, bound = _names_used(template)
    allowed = {placeholder.name for placeholder in placeholders_for(kind)}
    unknown = sorted(used - bound - allowed)
    if unknown:
        not_here = [name for name in unknown if name in PLACEHOLDER_NAMES]
        if not_here and len(not_here) == len(unknown):
            raise ValidationError(
                _("This kind of notice cannot use %(names)s."),
                params={"names": "、".join(f"{{{{ {name} }}}}" for name in not_here)},
                code="placeholder",
            )
        raise ValidationError(
            _("Unknown placeholder(s) %(names)s. Available: %(available)s."),
            params={
                "names": "、".join(f"{{{{ {name} }}}}" for name in unknown),
                "available": ", ".join(sorted(allowed)),
            },
            code="placeholder",
        )
    try:
        template.render(Context(sample_context(kind), autoescape=False))
    except (TemplateSyntaxError, TemplateDoesNotExist) as exc:
        raise _syntax_error(exc) from exc
    except Exception as exc:  # a filter given a wrong argument fails only when it runs
        raise ValidationError(
            _("The text cannot be rendered: %(error)s"), params={"error": exc}, code="render"
        ) from exc


def validate_number_pattern(pattern):
    """A notice number pattern may be empty (not numbered); otherwise it needs {year} and {serial}."""
    if not pattern:
        return
    try:
        fields = {name for _text, name, _spec, _conv in string.Formatter().parse(pattern) if name is not None}
        pattern.format(agency_short="X", org_code="X", year=2026, serial=1)
    except (ValueError, KeyError, IndexError) as exc:
        raise ValidationError(
            _("The number pattern is not valid: %(error)s"), params={"error": exc}, code="pattern"
        ) from exc
    unknown = fields - NUMBER_FIELDS
    if unknown:
        raise ValidationError(
            _("Unknown placeholder(s) %(names)s; use {agency_short}, {org_code}, {year} and {serial}."),
            params={"names": ", ".join(sorted(unknown))},
            code="pattern",
        )
    if not {"serial", "year"} <= fields:
        raise ValidationError(_("The number pattern must contain {year} and {serial}."), code="pattern")


# Rendering ------------------------------------------------------------------------------------------


def paragraphs(text):
    """The rendered text as paragraphs: one per non-empty line, surrounding blanks removed."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def render_body(template, context):
    """The paragraphs of ``template``'s body with ``context``; an edited body that no longer renders
    (saved around the admin's check) gives way to the default wording rather than blocking the desk."""
    try:
        return paragraphs(ENGINE.from_string(template.body).render(Context(context, autoescape=False)))
    except Exception:
        if template.source == "default":
            raise
        logger.exception(
            "Notice template %s (%s) does not render; using the default wording", template.kind, template.source
        )
        default = DEFAULTS[NoticeKind(template.kind)]
        return paragraphs(ENGINE.from_string(default.body).render(Context(context, autoescape=False)))
