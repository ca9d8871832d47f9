"""Who searched, as far as 热搜 needs to know: a keyed hash of the client's address (``disclosure.api.client_key``).

A query counts towards the hot list once per client and day, so the list needs to tell
clients apart — but a search log must not become a record of who searched for what.
"""

from disclosure.api import client_key as _client_key
from disclosure.api import hash_address

PURPOSE = "hot-query"


def hash_client(address):
    return hash_address(address, PURPOSE)


def client_key(request):
    return _client_key(request, PURPOSE)
