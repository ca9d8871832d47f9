"""Page passwords (Wagtail's view restrictions) get a limited number of guesses per client.

Wagtail's form accepts any number of attempts; this view sits on the same URL in front of
it and counts POSTs per client address and restriction in the shared cache.
"""

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited
from wagtail import views as wagtail_views

from disclosure.api import client_ip

DEFAULT_RATE = "10/h"


def _key(group, request):
    return f"{client_ip(request)}:{request.resolver_match.kwargs.get('page_view_restriction_id')}"


def authenticate_with_password(request, page_view_restriction_id, page_id):
    if request.method == "POST" and is_ratelimited(
        request,
        group="gongkai.page_password",
        key=_key,
        rate=getattr(settings, "GONGKAI_PAGE_PASSWORD_RATE", DEFAULT_RATE),
        method="POST",
        increment=True,
    ):
        return render(request, "page_password_locked.html", status=429)
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
