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
