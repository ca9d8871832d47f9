"""A worker process's own copy of the live feed's answers, each kept for one short moment.

A crowd polls in step, so when a moment ends every thread of a worker would ask for the
same answer at once. Only one of them computes it: the others keep serving the previous
answer meanwhile (it is at most one computation old), or, when there is none yet, wait
for that one computation instead of repeating it.
"""

import threading
import time

from .. import conf


class MomentCache:
    LIMIT = 10_000  # keys; a session's bodies are keyed by cursor, so old ones pile up

    def __init__(self):
        self.entries = {}  # key -> (expires, value)
        self.computing = {}  # key -> lock held by the thread refreshing that key
        self.lock = threading.Lock()

    def get(self, key):
        entry = self.entries.get(key)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]

    def set(self, key, value):
        with self.lock:
            if len(self.entries) > self.LIMIT:
                self.entries.clear()
            self.entries[key] = (time.monotonic() + conf.get("LIVE_CACHE_SECONDS"), value)

    def get_or_compute(self, key, compute):
        """The key's value for this moment, computed by one thread at a time."""
        entry = self.entries.get(key)
        if entry is not None and entry[0] >= time.monotonic():
            return entry[1]
        with self.lock:
            refresh = self.computing.get(key)
            owner = refresh is None
            if owner:
                refresh = self.computing[key] = threading.Lock()
                refresh.acquire()
        if not owner:
            if entry is not None:
                return entry[1]  # someone is refreshing it: the previous moment's answer will do
            with refresh:  # the first answer is being computed: wait for it
                pass
            value = self.get(key)
            return value if value is not None else compute()
        try:
            value = compute()
            self.set(key, value)
            return value
        finally:
            with self.lock:
                del self.computing[key]
            refresh.release()

    def clear(self):
        with self.lock:
            self.entries.clear()

    def forget(self, prefix):
        with self.lock:
            for key in [key for key in self.entries if key.startswith(prefix)]:
                del self.entries[key]


process_cache = MomentCache()  # this worker's; the shared cache is Django's
