"""The lifecycle's phase takes the values of the one status enumeration (InterviewStatus).

A session announced and collecting questions was "open"; it is now "upcoming", as the page
calls it. The values are written out here, not imported: a migration keeps the values of
its time, whatever the enumeration becomes later.
"""

from django.db import migrations, models

# (old phase, status) for the one value that changed name.
RENAMED = [('open', 'upcoming')]


def to_status(apps, schema_editor):
    SessionProgress = apps.get_model('online_interview', 'SessionProgress')
    for old, new in RENAMED:
        SessionProgress.objects.filter(phase=old).update(phase=new)


def to_phase(apps, schema_editor):
    SessionProgress = apps.get_model('online_interview', 'SessionProgress')
    for old, new in RENAMED:
        SessionProgress.objects.filter(phase=new).update(phase=old)


class Migration(migrations.Migration):

    dependencies = [
        ('online_interview', '0002_votes_per_client'),
    ]

    operations = [
        migrations.AlterField(
            model_name='sessionprogress',
            name='phase',
            field=models.CharField(choices=[('draft', 'Draft (未发布)'), ('upcoming', 'Upcoming (预告)'), ('live', 'Live (直播中)'), ('ended', 'Ended (已结束)'), ('cancelled', 'Cancelled (已取消)')], default='draft', max_length=10),
        ),
        migrations.RunPython(to_status, to_phase),
    ]
