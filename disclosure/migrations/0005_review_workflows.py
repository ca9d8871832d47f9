"""Put existing content under review: the 三审 workflow on every agency that has none, and a
site-wide workflow (保密审查 → Wagtail's moderators) on the root for pages outside agencies."""

from django.db import migrations

SITE_SECRECY_GROUP = "保密审查人（全站）"


def _task(apps, model_name, app_label, name, groups):
    ContentType = apps.get_model("contenttypes.ContentType")
    Model = apps.get_model(app_label, model_name)
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name.lower())
    task = Model.objects.create(name=name, content_type=content_type, active=True)
    task.groups.set(groups)
    return task


def _workflow(apps, name, tasks):
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    workflow = Workflow.objects.create(name=name, active=True)
    for position, task in enumerate(tasks):
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=position)
    return workflow


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    AgencyPage = apps.get_model("disclosure.AgencyPage")

    for agency in AgencyPage.objects.all():
        if WorkflowPage.objects.filter(page_id=agency.pk).exists():
            continue
        name = agency.short_name or agency.title

        def groups(role, agency=agency):
            return Group.objects.filter(agency_role__agency=agency, agency_role__role=role)

        tasks = [
            _task(apps, "GroupApprovalTask", "wagtailcore", f"{name}科室初审", groups("department_reviewer")),
            _task(apps, "SecrecyReviewTask", "disclosure", f"{name}保密审查", groups("secrecy_reviewer")),
            _task(apps, "GroupApprovalTask", "wagtailcore", f"{name}分管领导终审", groups("leader")),
        ]
        WorkflowPage.objects.create(page_id=agency.pk, workflow=_workflow(apps, f"{name}发布审查（三审）", tasks))

    roots = Page.objects.filter(depth=1)
    if not roots.exists():
        return
    secrecy_group, _ = Group.objects.get_or_create(name=SITE_SECRECY_GROUP)
    access_admin = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
    if access_admin:
        secrecy_group.permissions.add(access_admin)
    tasks = [_task(apps, "SecrecyReviewTask", "disclosure", "全站保密审查", [secrecy_group])]
    moderators = Group.objects.filter(name="Moderators")
    if moderators.exists():
        tasks.append(_task(apps, "GroupApprovalTask", "wagtailcore", "全站终审", moderators))
    workflow = _workflow(apps, "全站发布审查", tasks)
    for root in roots:
        WorkflowPage.objects.update_or_create(page_id=root.pk, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure", "0004_publication_review"),
        ("wagtailcore", "0001_squashed_0016_change_page_url_path_to_text_field"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
