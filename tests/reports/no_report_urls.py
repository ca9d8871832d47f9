"""The site's URLs without the report screens' names, whatever the admin registers."""

from django.urls import URLPattern, URLResolver

from cms.urls import urlpatterns as site_urlpatterns


def _without_reports(patterns):
    kept = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "disclosure_reports":
                continue
            kept.append(
                URLResolver(
                    pattern.pattern,
                    _without_reports(pattern.url_patterns),
                    pattern.default_kwargs,
                    pattern.app_name,
                    pattern.namespace,
                )
            )
        elif isinstance(pattern, URLPattern):
            kept.append(pattern)
    return kept


urlpatterns = _without_reports(site_urlpatterns)
