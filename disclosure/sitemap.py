from django.contrib.sitemaps.views import sitemap
from wagtail.contrib.sitemaps import Sitemap

from .visibility import public_pages


class PublicSitemap(Sitemap):
    """Wagtail's sitemap, narrowed by the disclosure visibility rule."""

    def items(self):
        return public_pages(super().items())


def sitemap_view(request):
    return sitemap(request, sitemaps={"pages": PublicSitemap(request)}, template_name="wagtailsitemaps/sitemap.xml", content_type="application/xml")
