import pytest

from disclosure.catalogue.doc_numbers import looks_like_doc_number, normalise_doc_number


@pytest.mark.parametrize(
    "variant",
    [
        "常政发〔2016〕44号",
        "常政发[2016]44号",
        "常政发﹝2016﹞44号",
        "常政发(2016)44号",
        "常政发（2016）44号",
        "常政发【2016】44号",
        "常政发 〔２０１６〕 ４４号",
    ],
)
def test_bracket_variants_share_one_key(variant):
    assert normalise_doc_number(variant) == normalise_doc_number("常政发〔2016〕44号")


def test_different_numbers_stay_different():
    assert normalise_doc_number("常政发〔2016〕44号") != normalise_doc_number("常政发〔2016〕45号")
    assert normalise_doc_number("常政发〔2016〕44号") != normalise_doc_number("常政办发〔2016〕44号")


def test_recognises_doc_numbers():
    assert looks_like_doc_number("青政办发[2025]3号")
    assert not looks_like_doc_number("关于做好防汛工作的通知")
