from django.db import migrations


def create_homepage(apps, schema_editor):
    """Replace Wagtail's welcome page with the Gongkai home page, as Wagtail's project template does."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    if HomePage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    root = Page.objects.get(depth=1)
    locale = Locale.objects.order_by("pk").first() or Locale.objects.create(language_code="zh-hans")
    homepage = HomePage.objects.create(
        title="首页",
        draft_title="首页",
        slug="home",
        content_type=content_type,
        path=f"{root.path}{root.numchild + 1:04d}",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
        locale=locale,
    )
    root.numchild += 1
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": homepage, "site_name": "政府信息公开"})


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
