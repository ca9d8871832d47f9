"""The three apps read their settings one way (``disclosure.api.AppSettings``)."""

import pytest

from disclosure import conf as disclosure_conf
from online_interview import conf as interview_conf
from search import conf as search_conf


@pytest.mark.parametrize(
    ("conf", "setting", "key"),
    [
        (disclosure_conf, "GONGKAI_DISCLOSURE", "CATALOGUE_PAGE_SIZE"),
        (search_conf, "GONGKAI_SEARCH", "PAGE_SIZE"),
        (interview_conf, "GONGKAI_INTERVIEW", "POLL_SECONDS"),
    ],
)
def test_an_override_wins_over_the_default_and_the_rest_keep_theirs(settings, conf, setting, key):
    assert conf.get(key) == conf.DEFAULTS[key]
    setattr(settings, setting, {key: 7})
    assert conf.get(key) == 7
    other = next(name for name in conf.DEFAULTS if name != key)
    assert conf.get(other) == conf.DEFAULTS[other]
    setattr(settings, setting, None)  # an empty setting is no override
    assert conf.get(key) == conf.DEFAULTS[key]


def test_a_key_nobody_documented_is_an_error_that_names_the_documented_ones():
    with pytest.raises(KeyError, match="PAGE_SIZE"):
        search_conf.get("PAGE_SISE")
