"""The site's URLs plus the two names of the report screens (``disclosure_reports:index`` / ``:edit``),
so the links of the panel and the e-mails are tested whether or not those screens are installed."""

from django.http import HttpResponse
from django.urls import include, path

from cms.urls import urlpatterns as site_urlpatterns


def _screen(request, pk=None):
    return HttpResponse()


screens = ([path("", _screen, name="index"), path("<int:pk>/", _screen, name="edit")], "disclosure_reports")
urlpatterns = [path("admin/reports/", include(screens)), *site_urlpatterns]
