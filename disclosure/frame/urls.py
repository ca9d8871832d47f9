from django.urls import path

from . import views

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap/", views.html_site_map, name="html_site_map"),
    path("share/qr.svg", views.share_qr, name="share_qr"),
]
