"""Login lock-out (django-axes): repeated failures lock a username at one address."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
LOCKED = "登录失败次数过多"
WRONG_CREDENTIALS = "请输入一个正确的"


def attempt(client, username, password, **meta):
    """A login through the admin's form; ``meta``: REMOTE_ADDR, HTTP_X_FORWARDED_FOR."""
    data = {"username": username, "password": password, "next": "/admin/"}
    return client.post(LOGIN, data, **meta)


def fail_twelve_times(client, username, **meta):
    return [attempt(client, username, f"wrong-{n}", **meta) for n in range(12)]


def outcome(response):
    """What an attacker sees: the status and the page, without per-request tokens."""
    text = response.content.decode()
    return response.status_code, LOCKED in text, WRONG_CREDENTIALS in text


def test_twelve_failures_lock_the_editor_out_even_with_the_right_password(client, editor):
    responses = fail_twelve_times(client, "editor")
    # Four failures get the login form again; the fifth (AXES_FAILURE_LIMIT) locks.
    assert {outcome(r) for r in responses[:4]} == {(200, False, True)}
    assert {outcome(r) for r in responses[4:]} == {(429, True, False)}

    response = attempt(client, "editor", "editor-password")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # to the login page


def test_an_unknown_username_gets_exactly_the_same_answers(client, editor):
    known = [outcome(r) for r in fail_twelve_times(client, "editor")]
    unknown = [outcome(r) for r in fail_twelve_times(client, "nobody")]
    assert known == unknown
    known_page = attempt(client, "editor", "editor-password").content
    unknown_page = attempt(client, "nobody", "editor-password").content
    assert known_page == unknown_page


def test_the_lock_holds_one_username_at_one_address(client, editor):
    fail_twelve_times(client, "editor")
    elsewhere = attempt(client, "editor", "editor-password", REMOTE_ADDR="203.0.113.9")
    assert elsewhere.status_code == 302  # another address is not locked out


def test_an_administrator_lifts_the_lock_with_a_command(client, editor):
    fail_twelve_times(client, "editor")
    assert attempt(client, "editor", "editor-password").status_code == 429

    call_command("axes_reset_username", "editor", verbosity=0)

    response = attempt(client, "editor", "editor-password")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_axes_reset_lifts_every_lock(client, editor):
    fail_twelve_times(client, "editor")
    call_command("axes_reset", verbosity=0)
    assert attempt(client, "editor", "editor-password").status_code == 302


def test_behind_a_trusted_proxy_the_address_comes_from_x_forwarded_for(client, editor, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    fail_twelve_times(client, "editor", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)

    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["198.51.100.7"]
    # The locked client stays locked, whatever it writes further left in the header.
    spoofed = attempt(
        client, "editor", "editor-password", HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.7", **proxy
    )
    assert spoofed.status_code == 429
    # Another client behind the same proxy is not locked out.
    other = attempt(
        client, "editor", "editor-password", HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy
    )
    assert other.status_code == 302


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(client, editor, settings):
    settings.TRUSTED_PROXIES = []
    fail_twelve_times(client, "editor", HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["127.0.0.1"]
    # A new address in the header every time does not dodge the lock.
    spoofed = attempt(client, "editor", "editor-password", HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert spoofed.status_code == 429


def test_an_administrator_lifts_the_lock_in_the_admin(client, editor, django_user_model):
    fail_twelve_times(client, "editor")
    admin = Client()
    admin.force_login(django_user_model.objects.create_superuser("chief", password="x"))
    listing = admin.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert "editor" in listing.content.decode()

    lock = AccessAttempt.objects.get(username="editor")
    response = admin.post(f"/admin/axes/accessattempt/{lock.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302

    assert attempt(client, "editor", "editor-password").status_code == 302
