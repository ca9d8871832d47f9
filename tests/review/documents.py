"""Real PDF, DOCX and XLSX files made on the fly, for screening and download tests.

The files come from the demo's generator (``cms/demo/attachments.py``): one way to write
documents whose text the platform can read back.
"""

from cms.demo.attachments import docx_bytes, pdf_bytes, stored_document, xlsx_bytes

__all__ = ["docx_bytes", "make_document", "pdf_bytes", "xlsx_bytes"]


def make_document(title, filename, data, collection=None):
    return stored_document(title, filename, data, collection)
