"""Category trees as (id, parent id) pairs: no query per level."""


def subtree_ids(root_id, pairs):
    """``root_id`` and the ids of every category below it, from (id, parent id) pairs."""
    children = {}
    for pk, parent_id in pairs:
        children.setdefault(parent_id, []).append(pk)
    ids, stack = set(), [root_id]
    while stack:
        current = stack.pop()
        ids.add(current)
        stack.extend(children.get(current, []))
    return ids


def tree_order(nodes):
    """(node, depth) pairs as a tree is read: each parent, then its children, siblings in the given order.

    ``nodes`` need ``pk`` and ``parent_id``. A node whose parent is not among them starts a tree of
    its own; nodes no root reaches (a cycle saved before validation forbade it) come last, unindented,
    so that no category ever disappears from a choice.
    """
    nodes = list(nodes)
    known = {node.pk for node in nodes}
    children = {}
    for node in nodes:
        children.setdefault(node.parent_id if node.parent_id in known else None, []).append(node)
    ordered, seen = [], set()
    stack = [(node, 0) for node in reversed(children.get(None, []))]
    while stack:
        node, depth = stack.pop()
        if node.pk in seen:
            continue
        seen.add(node.pk)
        ordered.append((node, depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(node.pk, [])))
    ordered.extend((node, 0) for node in nodes if node.pk not in seen)
    return ordered
