from django.conf import settings
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.security.page_passwords import authenticate_with_password
from disclosure.catalogue_api import urls as catalogue_api_urls
from disclosure.feeds import urls as feed_urls
from disclosure.frame import urls as site_frame_urls
from disclosure.images import views as image_views
from disclosure.sitemap import sitemap_view
from online_interview import urls as interview_urls
from search import api_urls as search_api_urls
from search import urls as search_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    path("sitemap.xml", sitemap_view, name="sitemap"),
    # Browsers ask for /favicon.ico whatever the page links; the icon is a static file.
    path("favicon.ico", lambda request: redirect(static("favicon.svg"), permanent=True)),
    path("", include(site_frame_urls)),
    path("", include(feed_urls)),
    path("search/", include(search_urls)),
    path("api/search/", include(search_api_urls)),
    path("api/catalogue/", include(catalogue_api_urls)),
    path("api/interviews/", include(interview_urls)),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Images are served through the visibility rule in every environment: a web server must not
# serve MEDIA_ROOT (documents have Wagtail's view at /documents/, which checks the same rule).
media = settings.MEDIA_URL.lstrip("/")
urlpatterns += [
    path(f"{media}images/<path:name>", image_views.serve_rendition, name="gongkai_image_rendition"),
    path(f"{media}original_images/<path:name>", image_views.serve_original, name="gongkai_image_original"),
]

urlpatterns += [
    # In front of Wagtail's own view at the same address: page passwords get limited guesses.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="gongkai_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
]
