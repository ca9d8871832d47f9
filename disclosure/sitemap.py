from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap

from .visibility import public_pages


class PublicSitemap(Sitemap):
    """Wagtail's sitemap, narrowed by the disclosure visibility rule."""

    def items(self):
        return public_pages(super().items())


def sitemap_view(request):
    return sitemap(request, sitemaps={"pages": PublicSitemap})
