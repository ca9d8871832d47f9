"""The ``row_id`` URL converter comes from disclosure's front door; importing it registers it."""

from disclosure.api import RowIdConverter

__all__ = ["RowIdConverter"]
