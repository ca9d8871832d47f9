"""The boundaries drawn in the README's "How things fit", checked on the source (ast, no imports run).

- The three apps know each other only through a front door (``<app>/api.py``) and registries;
  none of them imports the project (``cms``), so each installs into any Wagtail site.
- ``disclosure``'s sub-packages import in one direction, layer by layer; no module of any app
  takes part in an import cycle.
- Nothing imports a module of ours inside a function to dodge a cycle (``AppConfig.ready`` is
  where Django wants late imports; the few other exceptions are listed with their reason).
- ``search`` names no page type: content apps register theirs with it.
"""

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest
from wagtail.models import get_page_models

ROOT = Path(__file__).resolve().parent.parent
APPS = ("disclosure", "search", "online_interview")
OURS = (*APPS, "cms")
FRONT_DOORS = {app: f"{app}.api" for app in APPS}

#: ``disclosure``'s layers, lowest first: a sub-package may import only from layers below its own.
#: The last layer wires the app together (and is what other apps see); nothing below imports it.
DISCLOSURE_LAYERS = (
    {"helpers", "encodings"},
    {"conf", "calendar", "document_text", "site"},
    {"visibility"},
    {"screening"},
    {"agencies"},
    {"admin"},
    {"catalogue", "announcements", "guide"},
    {"attachments", "images", "review", "frame", "feeds", "catalogue_api"},
    {"requests"},
    {"reports"},
    {
        "api",
        "apps",
        "checks",
        "models",
        "signals",
        "wagtail_hooks",
        "viewsets",
        "tasks",
        "sitemap",
        "search_source",
        "templatetags",
        "management",
    },
)

#: Imports of our own modules inside functions that are not there to dodge a cycle.
LATE_IMPORTS_ALLOWED = {
    # One backend module per database vendor; each imports modelsearch's module for that vendor,
    # which can be imported only on that vendor's database.
    ("search.backends.database", "search.backends.database.postgres"),
    ("search.backends.database", "search.backends.database.sqlite"),
}

#: The backward links that name a model by string at run time (``apps.get_model``), each a
#: deliberate inversion drawn in the README; any other is an import cycle in disguise.
MODELS_NAMED_AT_RUN_TIME = {
    # The catalogue page builds its listing; the listing names the catalogue's models.
    "disclosure.catalogue.listing",
    # The secrecy task records its decision here; the register's model is beside the task.
    "disclosure.review.decisions",
    # Wagtail imports this module while defining its own models.
    "disclosure.review.finish",
}


def _modules(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "migrations" in parts or "tests" in parts:
            continue
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


ALL_MODULES = {name: path for app in OURS for name, path in _modules(app)}


def _package_of(module, path):
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _imports(module, path):
    """(imported module, line, inside a function?) for every import statement of ``module``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    in_function = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            in_function.update(id(inner) for inner in ast.walk(node) if inner is not node)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package_of(module, path).split(".")
                base = base[: len(base) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module
            # ``from package import module`` imports the module; ``from module import name`` the module.
            targets = [
                f"{source}.{alias.name}" if f"{source}.{alias.name}" in ALL_MODULES else source for alias in node.names
            ]
        else:
            continue
        for target in targets:
            yield target, node.lineno, id(node) in in_function


def _own(target):
    return target.split(".")[0] in OURS


def _in_ready(module, path, lineno):
    if not path.name == "apps.py":
        return False
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        isinstance(node, ast.FunctionDef) and node.name == "ready" and node.lineno <= lineno <= node.end_lineno
        for node in ast.walk(tree)
    )


def test_apps_know_each_other_only_through_front_doors():
    wrong = []
    for module, path in ALL_MODULES.items():
        app = module.split(".")[0]
        if app not in APPS:
            continue
        for target, line, _late in _imports(module, path):
            other = target.split(".")[0]
            if other == "cms":
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports the project ({target}): apps must not")
            elif other in APPS and other != app and target != FRONT_DOORS[other]:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {target}; use {FRONT_DOORS[other]}")
    assert not wrong, "\n".join(wrong)


def _layer(subpackage):
    for index, layer in enumerate(DISCLOSURE_LAYERS):
        if subpackage in layer:
            return index
    raise AssertionError(f"disclosure/{subpackage} is in no layer: add it to DISCLOSURE_LAYERS and the README")


def test_disclosure_sub_packages_import_downwards_only():
    wrong = []
    for module, path in ALL_MODULES.items():
        parts = module.split(".")
        if parts[0] != "disclosure" or len(parts) < 2:
            continue
        source = parts[1]
        for target, line, _late in _imports(module, path):
            target_parts = target.split(".")
            if target_parts[0] != "disclosure" or len(target_parts) < 2 or target_parts[1] == source:
                continue
            low, high = _layer(target_parts[1]), _layer(source)
            if low > high or (low == high and high != len(DISCLOSURE_LAYERS) - 1):
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {source} (layer {high}) imports {target} (layer {low})")
    assert not wrong, "\n".join(wrong)


def _cycles(edges):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in list(edges):
        if node not in index:
            visit(node)
    return found


def _with_packages(target, importer):
    """Importing ``a.b.c`` runs ``a/__init__`` and ``a/b/__init__`` too (not the importer's own)."""
    parts = target.split(".")
    chain = {".".join(parts[:end]) for end in range(1, len(parts) + 1)}
    own = {".".join(importer.split(".")[:end]) for end in range(1, importer.count(".") + 2)}
    return {name for name in chain - own if name in ALL_MODULES}


def test_no_module_takes_part_in_an_import_cycle():
    edges = defaultdict(set)
    for module, path in ALL_MODULES.items():
        for target, _line, _late in _imports(module, path):
            edges[module].update(_with_packages(target, module) - {module})
    cycles = _cycles(edges)
    assert not cycles, "import cycles:\n" + "\n".join(" ↔ ".join(cycle) for cycle in cycles)


def test_no_import_inside_a_function_to_dodge_a_cycle():
    wrong = []
    for module, path in ALL_MODULES.items():
        for target, line, late in _imports(module, path):
            if (module, target) in LATE_IMPORTS_ALLOWED:
                continue
            if late and _own(target) and not _in_ready(module, path, line):
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {target} inside a function")
    assert not wrong, "\n".join(wrong)


def test_models_are_named_at_run_time_only_where_a_backward_link_is_drawn():
    wrong = []
    for module, path in ALL_MODULES.items():
        if module.split(".")[0] not in APPS or module in MODELS_NAMED_AT_RUN_TIME:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("get_model", "import_string")):
                continue
            named = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            if any(name.split(".")[0] in (*OURS, "gongkai_search") for name in named):
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} names {named} at run time")
    assert not wrong, "\n".join(wrong)


def _page_type_names():
    return {model.__name__ for model in get_page_models() if model._meta.app_label != "wagtailcore"}


@pytest.mark.django_db(databases=[])
def test_search_names_no_page_type():
    page_types = _page_type_names()
    page_types |= {name.lower() for name in page_types}  # content-type names
    assert "CatalogueItemPage" in page_types  # the check sees the content apps' page types
    wrong = []
    for module, path in ALL_MODULES.items():
        if module.split(".")[0] != "search":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Name):
                names = [node.id]
            elif isinstance(node, ast.Attribute):
                names = [node.attr]
            elif isinstance(node, ast.alias):
                names = [node.name.rpartition(".")[2]]
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                names = re.findall(r"[A-Za-z_]\w*", node.value)
            for name in names:
                if name in page_types:
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} names the page type {name}")
    assert not wrong, "\n".join(wrong)


def test_the_checks_see_what_they_check():
    """Guards the guards: the parser finds relative, late and front-door imports where they are."""
    imports = list(_imports("disclosure.apps", ALL_MODULES["disclosure.apps"]))
    line = next(line for target, line, late in imports if target == "disclosure.signals" and late)
    assert _in_ready("disclosure.apps", ALL_MODULES["disclosure.apps"], line)
    assert _with_packages("disclosure.catalogue.models.items", "disclosure.catalogue.listing") == {
        "disclosure.catalogue.models",
        "disclosure.catalogue.models.items",
    }
    search_imports = {target for target, _line, _late in _imports("search.signals", ALL_MODULES["search.signals"])}
    assert "disclosure.api" in search_imports
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
