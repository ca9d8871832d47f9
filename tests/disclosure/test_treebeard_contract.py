"""What the catalogue import relies on in django-treebeard's private API still holds.

``disclosure/catalogue/imports/treebeard_paths.py`` computes the paths of bulk-inserted
pages with treebeard's ``_get_path`` and ``_inc_path``. These tests compare them with what
``add_child`` really does on the database, and name the version they were checked with
when an upgrade breaks them.
"""

import re
from importlib.metadata import version
from pathlib import Path

import pytest
from wagtail.models import Page

from disclosure.catalogue.imports.treebeard_paths import CHECKED_WITH_TREEBEARD, child_paths, next_child_path

INSTALLED = version("django-treebeard")
BROKEN = (
    f"django-treebeard {INSTALLED} no longer behaves as disclosure/catalogue/imports/treebeard_paths.py "
    f"expects (checked with {CHECKED_WITH_TREEBEARD}, as pinned in requirements.txt)"
)
REQUIREMENTS = Path(__file__).resolve().parents[2] / "requirements.txt"


@pytest.mark.parametrize("name", ["_get_path", "_inc_path"])
def test_the_private_path_methods_are_still_there(name):
    assert callable(getattr(Page, name, None)), f"{BROKEN}: Page.{name} is gone."


def test_the_pinned_version_is_the_one_the_adapter_was_checked_with():
    pinned = re.search(r"^django-treebeard==(\S+)$", REQUIREMENTS.read_text(), re.MULTILINE).group(1)
    assert pinned == CHECKED_WITH_TREEBEARD, (
        f"requirements.txt pins django-treebeard {pinned}; treebeard_paths.py was checked with "
        f"{CHECKED_WITH_TREEBEARD}. Run this file's tests with {pinned}, then update CHECKED_WITH_TREEBEARD."
    )


@pytest.mark.django_db
def test_computed_paths_are_the_paths_add_child_gives(agency):
    parent = agency.add_child(instance=Page(title="路径核对", slug="path-check"))
    # 40 children: past the last path of one base-36 step ("000Z", then "0010").
    predicted = child_paths(parent, None, 40)
    children = [parent.add_child(instance=Page(title=f"第{n}页", slug=f"page-{n}")) for n in range(1, 41)]
    given = [child.path for child in children]
    assert given == predicted, f"{BROKEN}: add_child gave {given}, the adapter computed {predicted}."
    assert {child.depth for child in children} == {parent.depth + 1}
    assert next_child_path(parent, given[-1]) == parent.add_child(instance=Page(title="末页", slug="last")).path, BROKEN
