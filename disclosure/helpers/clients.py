"""The visitor's address, for per-client limits and counts (django-ratelimit's RATELIMIT_IP_META_KEY).

Behind a reverse proxy every request comes from the proxy; set GONGKAI_CLIENT_IP_HEADER
to the header the proxy fills (e.g. ``HTTP_X_REAL_IP``) — only when the proxy always
overwrites it, or clients could choose their own address.

Where a client must be told apart but not recorded (热搜 counts, interview votes), the
address is never stored: ``client_key`` is an HMAC keyed by ``SECRET_KEY`` (a plain hash
of an IPv4 address is reversed by trying all four billion), with a purpose so keys of one
use cannot be matched with another's, and an IPv6 address is cut to its /64 network first,
as one household or host holds a whole /64 and could otherwise count as any number of clients.
"""

import ipaddress

from django.conf import settings
from django.utils.crypto import salted_hmac

KEY_LENGTH = 32  # hex digits kept of the HMAC-SHA256: 128 bits


def client_ip(request):
    header = getattr(settings, "GONGKAI_CLIENT_IP_HEADER", "")
    forwarded = request.META.get(header, "").split(",")[0].strip() if header else ""
    return forwarded or request.META.get("REMOTE_ADDR", "")


def _network(address):
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
    return str(parsed)


def hash_address(address, purpose):
    """A stable (the same client on another day is the same key), non-reversible key of an address."""
    return salted_hmac(f"gongkai.client.{purpose}", _network(address.strip()), algorithm="sha256").hexdigest()[
        :KEY_LENGTH
    ]


def client_key(request, purpose):
    return hash_address(client_ip(request), purpose)
