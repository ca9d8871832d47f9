"""The visitor's address, for per-client rate limits (django-ratelimit's RATELIMIT_IP_META_KEY).

Behind a reverse proxy every request comes from the proxy; set GONGKAI_CLIENT_IP_HEADER
to the header the proxy fills (e.g. ``HTTP_X_REAL_IP``) — only when the proxy always
overwrites it, or clients could choose their own address.
"""

from django.conf import settings


def client_ip(request):
    header = getattr(settings, "GONGKAI_CLIENT_IP_HEADER", "")
    forwarded = request.META.get(header, "").split(",")[0].strip() if header else ""
    return forwarded or request.META.get("REMOTE_ADDR", "")
