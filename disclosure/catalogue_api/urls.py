"""The catalogue API's URLs, mounted by the project: ``path("api/catalogue/", include(catalogue_api_urls))``.

django-ninja's own patterns, each refusing other methods than GET and HEAD in Chinese, an index
at the root, and a JSON 404 for any other address below the mount point.
"""

from django.urls import path, re_path

from .http import not_found, safe_methods_only
from .views import api, index

app_name = "catalogue_api"

#: django-ninja's root only raises a 404 (it is there for reversing the mount point): ours says where to start.
ROOT_NAME = "api-root"

_patterns, _ninja_app, _namespace = api.urls
urlpatterns = [
    *(
        path(
            str(pattern.pattern),
            safe_methods_only(index if pattern.name == ROOT_NAME else pattern.callback),
            name=pattern.name,
        )
        for pattern in _patterns
    ),
    # Addresses without a final slash are left to APPEND_SLASH's redirect.
    re_path(r"^(?:.*/)?$", not_found),
]
