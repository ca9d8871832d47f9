"""The editor's forms as an editor meets them: the category select, the 政策解读 panel, the secrecy reasons."""

import html
import re

import pytest
from django.urls import reverse
from wagtail.models import Page

from disclosure.catalogue.trees import tree_order
from disclosure.models import AgencyRole, CatalogueCategory, CatalogueItemPage, Genre, PolicyInterpretation
from tests import factories
from tests.admin_forms import edit_form_data, formset

pytestmark = pytest.mark.django_db

INDENT = "\u3000\u3000"


@pytest.fixture
def editor(client, agency):
    client.force_login(factories.make_user("editor", agency, AgencyRole.EDITOR))
    return client


def category_options(page_html):
    """The category select's options as (value, label), in the order the editor sees them."""
    select = re.search(r'<select name="category"[^>]*>(.*?)</select>', page_html, re.S).group(1)
    return [
        (value, html.unescape(label))
        for value, label in re.findall(r'<option value="([^"]*)"[^>]*>(.*?)</option>', select)
    ]


def interpretation_panel(page_html):
    """The opening tag of the 政策解读 panel's section, or None."""
    match = re.search(r"<section[^>]*data-interpretation-panel[^>]*>", page_html)
    return match.group() if match else None


def is_hidden(tag):
    return re.search(r"\shidden(\s|>|=)", tag) is not None


def edit_page(client, item):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[item.pk]))
    assert response.status_code == 200
    return response.content.decode()


def genre(name):
    return Genre.objects.get(name=name)


# --- 目录分类: the agency's own tree, in tree order, indented --------------------------------------


def make_tree_out_of_order(agency):
    """A three-level tree whose rows are created in an order unlike the tree's."""

    def add(name, sort_order, parent=None, code=""):
        return CatalogueCategory.objects.create(
            agency=agency, parent=parent, name=name, sort_order=sort_order, code=code
        )

    later_root = add("乙类事项", 1001)
    first_root = add("甲类事项", 1000)
    add("乙二", 2, later_root)
    b1 = add("乙一", 1, later_root)
    add("乙一之二", 0, b1, code="B12")
    add("乙一之一", 0, b1, code="B11")
    add("甲一", 5, first_root)


def test_the_category_select_reads_as_the_agencys_tree(editor, agency, catalogue, other_agency):
    make_tree_out_of_order(agency)
    CatalogueCategory.objects.create(agency=other_agency, name="他局专有分类", sort_order=1)
    item = factories.make_item(catalogue)

    options = category_options(edit_page(editor, item))
    labels = [label for _value, label in options]
    ours = [
        label
        for label in labels
        if label.strip("\u3000") in {"甲类事项", "甲一", "乙类事项", "乙一", "乙一之一", "乙一之二", "乙二"}
    ]
    assert ours == [
        "甲类事项",
        f"{INDENT}甲一",
        "乙类事项",
        f"{INDENT}乙一",
        f"{INDENT * 2}乙一之一",
        f"{INDENT * 2}乙一之二",
        f"{INDENT}乙二",
    ]
    # The preset's tree comes first (lower sort order), each parent before its children.
    assert labels[1:4] == ["法规文件", f"{INDENT}规章", f"{INDENT}行政规范性文件"]
    assert not any("他局专有分类" in label for label in labels)
    assert options[0][0] == "" and len(options) == agency.catalogue_categories.count() + 1


def test_the_new_item_form_offers_the_same_tree(editor, agency, catalogue):
    make_tree_out_of_order(agency)
    url = reverse("wagtailadmin_pages:add", args=["disclosure", "catalogueitempage", catalogue.pk])
    labels = [label for _value, label in category_options(editor.get(url).content.decode())]
    assert labels.index("乙类事项") < labels.index(f"{INDENT}乙一") < labels.index(f"{INDENT * 2}乙一之一")


def test_a_category_of_another_agency_is_refused(editor, catalogue, other_agency):
    foreign = CatalogueCategory.objects.create(agency=other_agency, name="他局专有分类")
    item = factories.make_item(catalogue, live=False)
    response = editor.post(
        reverse("wagtailadmin_pages:edit", args=[item.pk]), edit_form_data(item, category=foreign.pk)
    )
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()
    assert CatalogueItemPage.objects.get(pk=item.pk).get_latest_revision_as_object().category_id != foreign.pk


def test_tree_order_keeps_every_node_even_in_a_cycle():
    class Node:
        def __init__(self, pk, parent_id):
            self.pk, self.parent_id = pk, parent_id

    root, orphan, looped_a, looped_b = Node(1, None), Node(2, 99), Node(3, 4), Node(4, 3)
    child = Node(5, 1)
    order = [(node.pk, depth) for node, depth in tree_order([looped_a, root, orphan, looped_b, child])]
    assert order == [(1, 0), (5, 1), (2, 0), (3, 0), (4, 0)]


# --- 本解读对应的政策文件: only on 解读 items ------------------------------------------------------


def test_the_interpretation_panel_shows_only_on_interpretations(editor, catalogue):
    notice = factories.make_item(catalogue, title="关于开展培训的通知", genre=genre("通知"))
    by_genre = factories.make_item(catalogue, title="《办法》政策解读", genre=genre("解读"))
    by_category = factories.make_item(catalogue, title="图解：新政要点", category_code="1501")

    notice_page = edit_page(editor, notice)
    assert is_hidden(interpretation_panel(notice_page))
    assert "disclosure/interpretation_panel.js" in notice_page
    assert not is_hidden(interpretation_panel(edit_page(editor, by_genre)))
    assert not is_hidden(interpretation_panel(edit_page(editor, by_category)))

    new_item = editor.get(reverse("wagtailadmin_pages:add", args=["disclosure", "catalogueitempage", catalogue.pk]))
    assert is_hidden(interpretation_panel(new_item.content.decode()))


def test_the_panel_tells_the_script_which_choices_make_a_interpretation(editor, agency, catalogue):
    item = factories.make_item(catalogue)
    tag = html.unescape(interpretation_panel(edit_page(editor, item)))
    assert f'"{genre("解读").pk}"' in tag.split("data-interpretation-genres=")[1].split(" data-")[0]
    categories = tag.split("data-interpretation-categories=")[1]
    assert f'"{factories.category(agency, "1501").pk}"' in categories
    assert f'"{factories.category(agency, "0102").pk}"' not in categories


def test_a_rejected_submission_keeps_the_panel_as_chosen(editor, catalogue):
    """The form comes back with an error: the panel follows what was submitted, not what was saved."""
    item = factories.make_item(catalogue, live=False, genre=genre("通知"))
    data = edit_form_data(item, genre=genre("解读").pk, generated_date="2025-13-45")
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[item.pk]), data)
    assert response.status_code == 200
    assert not is_hidden(interpretation_panel(response.content.decode()))


def save_draft(client, item, **changes):
    response = client.post(reverse("wagtailadmin_pages:edit", args=[item.pk]), edit_form_data(item, **changes))
    assert response.status_code == 302, response.content.decode()[:2000]
    return Page.objects.get(pk=item.pk).specific.get_latest_revision_as_object()


def test_an_interpretation_keeps_its_links(editor, catalogue):
    policy = factories.make_item(catalogue, title="某某管理办法")
    item = factories.make_item(catalogue, title="《某某管理办法》解读", live=False)
    draft = save_draft(
        editor,
        item,
        genre=genre("解读").pk,
        **formset("interpreted_policies", [{"policy": policy.pk, "ORDER": 0}]),
    )
    assert [link.policy_id for link in draft.interpreted_policies.all()] == [policy.pk]


def test_an_item_that_is_not_an_interpretation_keeps_no_links(client, editor, catalogue):
    """An editor who turns a 解读 into a 通知 sees the panel go; the hidden links go with it."""
    policy = factories.make_item(catalogue, title="某某管理办法")
    item = factories.make_item(catalogue, title="关于某某管理办法的说明", live=False, genre=genre("解读"))
    item.interpreted_policies = [PolicyInterpretation(policy=policy)]
    factories.publish(item)
    assert "关于某某管理办法的说明" in client.get(policy.url).content.decode()

    draft = save_draft(
        editor,
        item,
        genre=genre("通知").pk,
        **formset("interpreted_policies", [{"policy": policy.pk, "ORDER": 0}]),
    )
    assert list(draft.interpreted_policies.all()) == []
    draft.save_revision().publish()
    assert not PolicyInterpretation.objects.filter(interpretation=item).exists()
    assert "关于某某管理办法的说明" not in client.get(policy.url).content.decode()


def test_links_saved_on_an_unmarked_item_stay_in_view_with_a_warning(editor, catalogue):
    policy = factories.make_item(catalogue, title="某某管理办法")
    item = factories.make_item(catalogue, title="旧的说明", live=False, genre=genre("通知"))
    item.interpreted_policies = [PolicyInterpretation(policy=policy)]
    item.save_revision()
    page = edit_page(editor, item)
    assert not is_hidden(interpretation_panel(page))
    assert "保存时将移除这些关联" in page


def test_an_error_in_the_links_is_never_hidden(editor, catalogue):
    item = factories.make_item(catalogue, live=False, genre=genre("通知"))
    data = edit_form_data(item, **formset("interpreted_policies", [{"policy": "999999", "ORDER": 0}]))
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[item.pk]), data)
    assert response.status_code == 200
    assert not is_hidden(interpretation_panel(response.content.decode()))
