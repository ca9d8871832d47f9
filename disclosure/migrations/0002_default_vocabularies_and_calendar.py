from django.db import migrations


def seed(apps, schema_editor):
    from disclosure.calendar.seeding import seed_from_chinese_calendar
    from disclosure.catalogue.vocabularies import GENRES, TOPICS

    Topic = apps.get_model("disclosure", "Topic")
    Genre = apps.get_model("disclosure", "Genre")
    for position, name in enumerate(TOPICS):
        Topic.objects.get_or_create(name=name, defaults={"code": f"{position + 1:02d}", "sort_order": position})
    for position, name in enumerate(GENRES):
        Genre.objects.get_or_create(name=name, defaults={"sort_order": position})
    seed_from_chinese_calendar(apps.get_model("disclosure", "CalendarDay"), apps.get_model("disclosure", "CalendarYear"))


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
