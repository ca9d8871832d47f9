"""Importing annual reports published before Gongkai: last year's figures for this year's checks.

The front door is ``import_past_report``; ``read_report`` reads a file without saving anything.

- ``uploads``: what was uploaded, checked (size, a real XLSX or a decodable HTML page).
- ``pages`` / ``workbooks``: published HTML tables and XLSX sheets, spans expanded (``published``).
- ``labels``: the format's labels, as the layout grid draws them, and their published variants.
- ``matching``: which published cell is which figure; ``values``: its text as a number.
- ``sections``: the narrative sections of a page; ``reading``: all of it, with the problems.
- ``service``: the imported report, its figures and its failing checks.
"""

from .reading import Problem, Reading, read_report
from .service import import_past_report
from .uploads import MAX_BYTES

__all__ = ["MAX_BYTES", "Problem", "Reading", "import_past_report", "read_report"]
