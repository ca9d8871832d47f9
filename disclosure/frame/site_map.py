"""The HTML 网站地图: every public section of the site, down to the columns and catalogues.

A page with many children (a catalogue, an announcement column) is listed without them: the
map is for finding the way, the listings are for finding documents. How many children a page
has is read from the tree, so nothing here counts what the public cannot see.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from wagtail.models import Page

from ..visibility import public_pages

#: Levels below the home page the map goes down to (home › 机构概况 › agency › 公开目录).
MAX_LEVELS = 3
#: A page with more children than this is listed without them.
MAX_CHILDREN = 30


@dataclass
class MapNode:
    title: str
    url: str
    children: list = field(default_factory=list)


def site_map(root, request):
    """The map under ``root`` (the site's home page) as nested nodes, in the editors' order."""
    within = Page.objects.descendant_of(root, inclusive=True).filter(depth__lte=root.depth + MAX_LEVELS)
    crowded = list(within.filter(numchild__gt=MAX_CHILDREN).values_list("path", "depth"))
    for path, depth in crowded:
        within = within.exclude(Q(path__startswith=path) & Q(depth__gt=depth))
    pages = public_pages(within).order_by("path").only("id", "path", "depth", "title", "url_path")
    nodes = {}
    top = None
    for page in pages:
        node = MapNode(page.title, page.get_url(request))
        nodes[page.path] = node
        parent = nodes.get(page.path[: -Page.steplen])
        if page.pk == root.pk:
            top = node
        elif parent is not None:
            parent.children.append(node)
    return top
