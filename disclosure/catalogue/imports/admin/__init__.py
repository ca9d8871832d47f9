"""导入目录 in the Wagtail admin: upload a file, read its dry run, confirm, follow the import, see the history.

``viewsets.CatalogueImportViewSet`` is the menu item (under 信息公开), registered with the
permission policy of ``..permissions``; the work is done by ``..jobs`` and ``..transitions``.
"""
