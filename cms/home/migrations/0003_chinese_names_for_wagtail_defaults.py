from django.db import migrations

# What Wagtail's own migrations create in English, and its name in the Chinese admin: the root
# of the page tree and of the collections, the Editors and Moderators groups, and the Moderators
# approval workflow and its task. A row an administrator has renamed keeps its name.
NAMES = [
    ("wagtailcore", "Page", "title", "Root", "根目录"),
    ("wagtailcore", "Collection", "name", "Root", "根集合"),
    ("auth", "Group", "name", "Editors", "编辑"),
    ("auth", "Group", "name", "Moderators", "审核员"),
    ("wagtailcore", "Workflow", "name", "Moderators approval", "审核员审批"),
    ("wagtailcore", "Task", "name", "Moderators approval", "审核员审批"),
]


def rename(apps, to_chinese):
    for app_label, model_name, field, english, chinese in NAMES:
        old, new = (english, chinese) if to_chinese else (chinese, english)
        rows = apps.get_model(app_label, model_name).objects.filter(**{field: old})
        if model_name in ("Page", "Collection"):
            rows = rows.filter(depth=1)
        rows.update(**({"title": new, "draft_title": new} if model_name == "Page" else {field: new}))


def forwards(apps, schema_editor):
    rename(apps, to_chinese=True)


def backwards(apps, schema_editor):
    rename(apps, to_chinese=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("wagtailcore", "0048_add_default_workflows"),
        # disclosure 0005 looks the Moderators group up by its English name.
        ("disclosure", "0005_review_workflows"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
