"""Who searched, as far as 热搜 needs to know: a keyed hash of the client's address (``cms.client_ip``).

A query counts towards the hot list once per client and day, so the list needs to tell
clients apart — but a search log must not become a record of who searched for what.
"""

from cms import client_ip

PURPOSE = "hot-query"


def hash_client(address):
    return client_ip.hash_address(address, PURPOSE)


def client_key(request):
    return client_ip.client_key(request, PURPOSE)
