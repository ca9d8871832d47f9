"""One finding of the pre-screening, with the context needed to show it highlighted."""

from dataclasses import asdict, dataclass

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

CONTEXT_CHARS = 20

KIND_LABELS = {
    "marking": _("Secrecy marking"),
    "id_number": _("Identity card number"),
    "mobile": _("Mobile phone number"),
    "bank_card": _("Bank card number"),
    "sensitive_word": _("Sensitive word"),
    "unreadable": _("Attachment could not be read"),
}


@dataclass(frozen=True)
class Finding:
    kind: str
    source: str  # where it was found: 标题, 正文, 附件：xxx.pdf
    match: str
    before: str = ""
    after: str = ""
    blocking: bool = False
    note: str = ""

    @classmethod
    def at(cls, kind, source, text, start, end, blocking=False, note=""):
        before = text[max(0, start - CONTEXT_CHARS) : start]
        after = text[end : end + CONTEXT_CHARS]
        return cls(
            kind=kind,
            source=source,
            match=text[start:end],
            before=" ".join(before.split()),
            after=" ".join(after.split()),
            blocking=blocking,
            note=note,
        )

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)

    def highlighted(self):
        """The match marked up in its context, every part escaped."""
        return format_html(
            '<span class="screening-context">…{}<mark class="screening-match">{}</mark>{}…</span>',
            self.before,
            self.match,
            self.after,
        )

    def highlighted_text(self):
        """The same for plain-text channels (form errors, e-mail): the match between 【】."""
        return f"…{self.before}【{self.match}】{self.after}…"

    def as_dict(self):
        return asdict(self)
