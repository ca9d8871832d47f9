"""Text files from Chinese offices come as UTF-8 (with or without BOM) or GB18030 — as Excel and WPS save them."""

ENCODINGS = ("utf-8-sig", "gb18030")


def decode(raw):
    """The text of ``raw`` in the first encoding that fits; None when none does."""
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None
