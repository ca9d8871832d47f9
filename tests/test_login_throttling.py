"""Guessing passwords stops: admin logins lock after repeated failures, page passwords get limited tries."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def attempt(client, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": "jyj-leader", "password": password, "next": "/admin/"}, REMOTE_ADDR=address)


@pytest.fixture
def leader(agency):
    user = factories.make_user("jyj-leader", agency, "leader")
    user.set_password("correct-horse-battery")
    user.save()
    return user


def test_wrong_passwords_lock_the_login_then_even_the_right_one_is_refused(client, leader):
    for _ in range(4):
        assert attempt(client, "guess").status_code == 200  # the form again, with its error
    assert attempt(client, "guess").status_code == 429  # the fifth failure locks
    locked = attempt(client, "correct-horse-battery")
    assert locked.status_code == 429
    assert "登录已暂时锁定" in locked.content.decode() and "30 分钟" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address is not locked out: an attacker cannot lock the real user out everywhere.
    assert attempt(client, "correct-horse-battery", address="198.51.100.2").status_code == 302


def test_an_administrator_unlocks_a_locked_user_in_the_admin(client, leader, admin_user):
    for _ in range(5):
        attempt(client, "guess")
    lockout = AccessAttempt.objects.get(username="jyj-leader")

    admin = client.__class__()
    admin.force_login(admin_user)
    listing = admin.get(reverse("login_lockouts:index")).content.decode()
    unlock = reverse("login_lockouts:delete", args=[lockout.pk])
    assert "jyj-leader" in listing and "203.0.113.7" in listing
    assert f'href="{unlock}"' in listing and "解锁" in listing  # a button on the row, not a typed URL
    confirm = admin.get(unlock).content.decode()
    assert "jyj-leader（203.0.113.7）" in confirm and "Access" not in confirm and "access attempt" not in confirm
    assert admin.post(unlock).status_code == 302
    assert not AccessAttempt.objects.exists()

    assert attempt(client, "correct-horse-battery").status_code == 302


def test_editors_cannot_see_or_clear_lockouts(client, leader, agency):
    editor = factories.make_user("jyj-editor", agency, "editor")
    client.force_login(editor)
    assert client.get(reverse("login_lockouts:index")).status_code in (302, 403)


def test_page_passwords_get_a_limited_number_of_guesses(client, catalogue):
    item = factories.make_item(catalogue, title="关于内部培训资料的说明")
    restriction = PageViewRestriction.objects.create(
        page=item, restriction_type=PageViewRestriction.PASSWORD, password="qingxi2025"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, item.pk])
    for _ in range(10):
        response = client.post(url, {"password": "guess", "return_url": item.url}, REMOTE_ADDR="203.0.113.9")
        assert response.status_code == 200
    refused = client.post(url, {"password": "qingxi2025", "return_url": item.url}, REMOTE_ADDR="203.0.113.9")
    assert refused.status_code == 429 and "尝试次数过多" in refused.content.decode()
    opened = client.post(url, {"password": "qingxi2025", "return_url": item.url}, REMOTE_ADDR="198.51.100.4")
    assert opened.status_code == 302
