"""A notice as it is laid out on paper: the same for the PDF and the Word file.

The layout follows the common 公文 practice (GB/T 9704): A4, title centred, the number on the
right under it, the addressee flush left, body paragraphs indented by two characters, the
issuing agency and the date (2026年11月30日) at the bottom right.
"""

from dataclasses import dataclass

#: Page margins in millimetres (GB/T 9704: 37 top, 35 bottom, 28 left, 26 right).
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TITLE_PT = 22  # 二号
BODY_PT = 16  # 三号
LINE_PT = 28


@dataclass(frozen=True)
class NoticeDocument:
    title: str
    number: str
    paragraphs: tuple
    agency_name: str
    date_text: str

    def is_addressee(self, index):
        """The first paragraph, when it names the addressee (“张三：”), is not indented."""
        return index == 0 and self.paragraphs[0].endswith(("：", ":"))
