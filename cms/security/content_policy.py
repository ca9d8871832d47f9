"""The Content-Security-Policy of every response (django-csp), with the admin's allowances.

Public pages — listings, items, search with its suggestions, the live interview page — load
scripts and styles from the site only, nothing inline (settings: CONTENT_SECURITY_POLICY).
Wagtail's own admin screens still write a few inline scripts (date pickers, inline panels,
filters) and inline style attributes, so admin pages allow inline scripts and styles —
except views that declare ``strict_content_policy = True`` (like Django's ``csrf_exempt``,
an attribute on the view): the live interview console is one, and keeps scripts strict.
"""

from csp.constants import SELF
from csp.middleware import CSPMiddleware

ADMIN_PREFIX = "/admin/"
INLINE = "'unsafe-inline'"


def _strict(request):
    match = getattr(request, "resolver_match", None)
    return match is not None and getattr(match.func, "strict_content_policy", False)


class ContentPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(ADMIN_PREFIX):
            allowances = {"style-src": [SELF, INLINE]}
            if not _strict(request):
                allowances["script-src"] = [SELF, INLINE]
            parts.replace = {**allowances, **(parts.replace or {})}
        return parts
