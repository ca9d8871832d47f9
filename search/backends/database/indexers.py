"""What both segmenting index classes share before writing rows their own way."""


def indexers_for(index, model, objs):
    """The segmenting indexers of ``objs``, or an empty list when there is nothing to index."""
    if not model.get_search_fields():
        return []
    return [index.indexer_class(obj, index.backend) for obj in objs]
