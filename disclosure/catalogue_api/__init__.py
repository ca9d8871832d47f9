"""The read-only JSON API of the disclosure catalogue, mounted at /api/catalogue/ by the project.

Items with their public metadata, filtered exactly as the catalogue page filters them (the
page's own form and queries: ``catalogue.listing``), the agencies with their category trees
and counts, an OpenAPI schema, ETag/Last-Modified with 304s, and a per-client rate limit.
Everything goes through the one visibility rule.

Why a small django-ninja API and not Wagtail's API v2 (or Wagtail 8's v3): both serve every
page type from one generic endpoint whose base queryset is Wagtail's "live and not
view-restricted" — held (涉密/不予公开) items, ``not_disclosed`` items, children of a held
page and pages past their expiry pass it — and whose parameters (``type``, ``child_of``,
``descendant_of``, ``ancestor_of``, ``fields=*``, ``find``, ``search``) each open another
way round the rule. Confining v2 would mean overriding its queryset, serializers, every filter
and the ``find`` view, declaring ``api_fields`` on the models, re-implementing the category
subtree and year filters as filter backends (duplicating the listing), translating its English
errors, and it still has no OpenAPI schema, no next/previous links and no conditional GET.
django-ninja, which Wagtail 8 itself requires (its v3 API is built on it), gives the schema
from the same pydantic models that shape the answers, so no field the schema does not name
can be sent.
"""
