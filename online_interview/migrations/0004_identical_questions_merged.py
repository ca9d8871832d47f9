"""Identical questions: each question gets the key of its text, and a state for those merged
into an identical one. The key is computed by a copy of the rule of its time
(``questions/identical.py``): a migration must not change with the app.
"""

import hashlib
import unicodedata

import django.db.models.deletion
from django.db import migrations, models


def same_text_key(text):
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    kept = "".join(char for char in folded if not unicodedata.category(char).startswith(("P", "Z", "C")))
    return hashlib.sha256(kept.encode()).hexdigest()


def fill_keys(apps, schema_editor):
    """A thousand questions at a time: a busy site's archive does not fit in memory at once."""
    Question = apps.get_model("online_interview", "Question")
    batch = []
    for question in Question.objects.only("pk", "text").order_by("pk").iterator(chunk_size=1000):
        question.same_text_key = same_text_key(question.text)
        batch.append(question)
        if len(batch) == 1000:
            Question.objects.bulk_update(batch, ["same_text_key"])
            batch = []
    if batch:
        Question.objects.bulk_update(batch, ["same_text_key"])


def unmerge(apps, schema_editor):
    """Before this migration there was no merged state: merged questions wait for moderation again."""
    Question = apps.get_model("online_interview", "Question")
    Question.objects.filter(state="merged").update(state="pending")


class Migration(migrations.Migration):
    dependencies = [
        ("online_interview", "0003_one_interview_status"),
    ]

    operations = [
        migrations.AddField(
            model_name="question",
            name="merged_into",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="merged_twins",
                to="online_interview.question",
                verbose_name="merged into",
            ),
        ),
        migrations.AddField(
            model_name="question",
            name="same_text_key",
            field=models.CharField(default="", editable=False, max_length=64),
        ),
        migrations.AlterField(
            model_name="question",
            name="state",
            field=models.CharField(
                choices=[
                    ("pending", "Pending"),
                    ("approved", "Approved"),
                    ("rejected", "Rejected"),
                    ("answered", "Answered"),
                    ("merged", "Merged with an identical question"),
                ],
                default="pending",
                max_length=10,
                verbose_name="state",
            ),
        ),
        migrations.RunPython(fill_keys, unmerge),
    ]
