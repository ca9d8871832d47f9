"""An editor turns an item into a 解读: the panel of the policies it interprets appears, and goes again."""

import pytest
from django.urls import reverse

from disclosure.models import AgencyRole, Genre
from tests import factories
from tests.browser.sessions import logged_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

INDENT = "\u3000\u3000"


def test_the_interpretation_panel_follows_the_genre_and_category(live_server, browser):
    agency = factories.make_agency(title="青溪县司法局", short_name="县司法局")
    catalogue = factories.make_catalogue(agency)
    editor = factories.make_user("sf-editor", agency, AgencyRole.EDITOR)
    item = factories.make_item(catalogue, title="关于开展普法宣传的通知", genre=Genre.objects.get(name="通知"))

    context = logged_in_context(browser, live_server, editor)
    page = context.new_page()
    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[item.pk]))
    panel = page.locator("[data-interpretation-panel]")
    heading = page.get_by_role("heading", name="本解读对应的政策文件")
    minimap = page.locator("[data-minimap-container]")
    minimap.locator("a").first.wait_for(state="attached")
    assert panel.is_hidden() and heading.count() == 0
    assert "本解读对应的政策文件" not in minimap.inner_html()

    page.select_option("#id_genre", label="解读")
    panel.wait_for(state="visible")
    assert heading.is_visible()
    minimap.get_by_text("本解读对应的政策文件").wait_for(state="attached")
    page.select_option("#id_genre", label="通知")
    panel.wait_for(state="hidden")
    minimap.get_by_text("本解读对应的政策文件").wait_for(state="detached")
    page.select_option("#id_category", label=f"{INDENT}政策解读")
    panel.wait_for(state="visible")

    labels = page.locator("#id_category option").all_inner_texts()
    assert labels.index("其他") + 1 == labels.index(f"{INDENT}政策解读")
    context.close()
