"""年度报告: the annual report in the national format, computed from the catalogue, the request desk
and the register of reconsiderations and lawsuits, checked (勾稽) before it can be submitted.

- ``formats``: the national formats as data (one JSON file per version).
- ``models``: the report, its figures, their history and computations, per-agency 表二 sources.
- ``tables``: 表二 / 表三 / 表四 from Gongkai's data; ``aggregate``: the whole government's report.
- ``figures``: recompute, override with a reason, enter by hand. ``checks``: the 勾稽 rules.
- ``drafting``: starting a year's report; ``submission``: submitting it for review.
- ``layout``: the national tables as grids of merged cells; ``exports``: the report as XLSX, PDF, DOCX.
"""
