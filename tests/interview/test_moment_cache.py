"""A crowd polling in step makes one worker compute the feed's answer once, not once per thread."""

import threading

import pytest
from django.test import override_settings

from online_interview.live.moment_cache import MomentCache


def crowd(cache, key, compute, threads=8):
    answers = []
    workers = [
        threading.Thread(target=lambda: answers.append(cache.get_or_compute(key, compute))) for _ in range(threads)
    ]
    for worker in workers:
        worker.start()
    return workers, answers


@override_settings(GONGKAI_INTERVIEW={"LIVE_CACHE_SECONDS": 0})
def test_when_the_moment_ends_one_thread_refreshes_and_the_rest_serve_the_last_answer():
    cache = MomentCache()
    cache.set("state", "previous")  # expired at once: LIVE_CACHE_SECONDS is 0
    computing, release, calls = threading.Event(), threading.Event(), []

    def compute():
        calls.append(1)
        computing.set()
        release.wait(10)
        return "fresh"

    owner = threading.Thread(target=cache.get_or_compute, args=("state", compute))
    owner.start()
    assert computing.wait(10)
    workers, answers = crowd(cache, "state", compute)
    for worker in workers:
        worker.join(10)
    assert answers == ["previous"] * 8  # nobody waited for the refresh, nobody repeated it
    release.set()
    owner.join(10)
    assert calls == [1]


@override_settings(GONGKAI_INTERVIEW={"LIVE_CACHE_SECONDS": 60})
def test_the_first_answer_is_computed_once_and_shared():
    cache = MomentCache()
    release, calls = threading.Event(), []

    def compute():
        calls.append(1)
        release.wait(10)
        return {"cursor": 7}

    workers, answers = crowd(cache, "body", compute)
    release.set()
    for worker in workers:
        worker.join(10)
    assert answers == [{"cursor": 7}] * 8
    assert calls == [1]


@override_settings(GONGKAI_INTERVIEW={"LIVE_CACHE_SECONDS": 60})
def test_a_failed_computation_lets_the_next_caller_try_again():
    cache = MomentCache()

    def broken():
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        cache.get_or_compute("state", broken)
    assert cache.get_or_compute("state", lambda: "back") == "back"


@override_settings(GONGKAI_INTERVIEW={"LIVE_CACHE_SECONDS": 60})
def test_forgetting_a_session_drops_only_its_answers():
    cache = MomentCache()
    cache.set("gongkai:interview:1:live-state", "a")
    cache.set("gongkai:interview:1:live-state:0:5:live", "b")
    cache.set("gongkai:interview:12:live-state", "c")
    cache.forget("gongkai:interview:1:live-state")
    assert cache.get("gongkai:interview:1:live-state") is None
    assert cache.get("gongkai:interview:1:live-state:0:5:live") is None
    assert cache.get("gongkai:interview:12:live-state") == "c"
