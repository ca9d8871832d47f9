"""What both segmenting index classes share around writing rows their own way."""

from django.db.models import Avg, F
from django.db.models.functions import Length

from .modelsearch_compat import index_entries


def indexers_for(index, model, objs):
    """The segmenting indexers of ``objs``, or an empty list when there is nothing to index."""
    if not model.get_search_fields():
        return []
    return [index.indexer_class(obj, index.backend) for obj in objs]


def refresh_title_norms(content_type_pk, object_ids):
    """modelsearch's title normalisation (average title length / this title's length), for the
    rows just written only. modelsearch updates every row still at 1.0, so two publications
    at the same moment update the same rows and PostgreSQL reports a deadlock."""
    with_length = index_entries().annotate(title_length=Length("title")).filter(title_length__gt=0)
    average = with_length.aggregate(Avg("title_length"))["title_length__avg"]
    if average:
        with_length.filter(content_type_id=content_type_pk, object_id__in=list(object_ids)).update(
            title_norm=average / F("title_length")
        )
