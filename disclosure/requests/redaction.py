"""Placeholder for 区分处理 (redaction): the real module is written on another branch and replaces
this one when the branches are merged. The desk imports these two functions by name."""


def marks_for_text(pdf_bytes, text, reason):
    """The areas of ``pdf_bytes`` where ``text`` occurs, as redaction marks carrying ``reason``."""
    raise NotImplementedError("Redaction is not available in this build.")


def redact(released_file, actor):
    """Produce ``released_file.redacted`` from its original and its marks."""
    raise NotImplementedError("Redaction is not available in this build.")
