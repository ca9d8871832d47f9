"""Old search-log rows become unreviewed hot-query entries with no clients counted.

The old log has no client key, so nothing in it can show that different people searched a
query; counting each row as a client would let one client's repeated searches make a query
hot, which is what moderation is for. So 热搜 starts empty and fills from new searches,
while the log itself is kept (it is the admin's 搜索记录) and its queries are listed for
editors to approve or hide in advance.
"""

from django.db import migrations


def entries_from_log(apps, schema_editor):
    SearchQueryLog = apps.get_model("gongkai_search", "SearchQueryLog")
    HotQuery = apps.get_model("gongkai_search", "HotQuery")
    queries = (
        SearchQueryLog.objects.filter(hits__gt=0)
        .values_list("query", flat=True)
        .order_by("query")
        .distinct()
        .iterator()
    )
    HotQuery.objects.bulk_create(
        (HotQuery(query=query[:100]) for query in queries), batch_size=500, ignore_conflicts=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("gongkai_search", "0003_moderated_hot_queries"),
    ]

    operations = [
        migrations.RunPython(entries_from_log, migrations.RunPython.noop),
    ]
