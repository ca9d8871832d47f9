"""What the narrative check reads in the text: which phrasings, which numbers."""

import pytest

from disclosure.reports.narrative import chinese_number, mentions

pytestmark = pytest.mark.django_db(databases=[])


@pytest.mark.parametrize(
    "text, number", [("15", 15), ("十五", 15), ("二十", 20), ("两", 2), ("一百零二", 102), ("十", 10), ("", 0)]
)
def test_numbers_in_digits_or_chinese(text, number):
    assert chinese_number(text) == number


def found(html):
    return [(mention.pattern, mention.number) for mention in mentions(html)]


def test_the_phrasings_of_published_reports():
    html = (
        "<p>2025年，本机关共收到政府信息公开申请15件，其中自然人申请12件；上年结转申请3件。"
        "全年办结政府信息公开申请十六件，按时答复率100%。</p>"
        "<p>因政府信息公开被申请行政复议2件，提起行政诉讼1件。</p>"
    )
    assert found(html) == [
        ("applications_received", 15),
        ("applications_carried_in", 3),
        ("applications_concluded", 16),
        ("reconsiderations", 2),
        ("lawsuits", 1),
    ]


def test_none_received_and_none_appealed_read_as_zero():
    html = "<p>2025年，我院未收到政府信息公开申请。未发生因政府信息公开引起的行政复议、行政诉讼。</p>"
    assert found(html) == [("applications_received", 0), ("reconsiderations", 0), ("lawsuits", 0)]


def test_headings_and_lawsuits_after_reconsideration_are_not_read_as_figures():
    html = "<h2>三、收到和处理政府信息公开申请情况</h2><p>复议后起诉2件，未经复议直接起诉1件。</p>"
    assert found(html) == []
