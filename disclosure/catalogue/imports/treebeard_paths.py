"""The one place that uses django-treebeard's private path arithmetic.

An import inserts up to 10,000 pages under one catalogue. ``add_child`` would lock and
re-read the parent, update its ``numchild`` and save each page on its own — several
queries per page, and a ``post_save`` per page. The importer instead works out every
new page's materialised path itself and inserts the pages in bulk (``bulk_pages.py``). The
paths must be exactly those ``add_child`` would have given, so they are computed by
treebeard's own ``_get_path`` (first child) and ``_inc_path`` (next sibling), which are
private API. ``tests/disclosure/test_treebeard_contract.py`` checks them against real
``add_child`` results and names the version below when an upgrade changes them.
"""

from wagtail.models import Page

#: The django-treebeard version (requirements.txt) these helpers were checked against.
CHECKED_WITH_TREEBEARD = "5.3.1"


def next_child_path(parent, last_child_path):
    """The path ``parent.add_child`` would give a new last child, after ``last_child_path`` (None: no child yet)."""
    if last_child_path is None:
        return Page._get_path(parent.path, parent.depth + 1, 1)
    return Page(path=last_child_path)._inc_path()


def child_paths(parent, last_child_path, count):
    """Paths for ``count`` new last children of ``parent``, in order."""
    paths = []
    for _ in range(count):
        last_child_path = next_child_path(parent, last_child_path)
        paths.append(last_child_path)
    return paths
