"""A form sent without a valid CSRF token gets the site's Chinese page, 403."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_login_without_a_token_gets_the_chinese_403_page(django_user_model):
    django_user_model.objects.create_user(username="editor", password="pw-123456", is_staff=True)
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "editor", "password": "pw-123456"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "表单已失效" in html
    assert '<html lang="zh-CN">' in html
    assert "CSRF" not in html  # Django's English page says "CSRF verification failed"
    assert "_auth_user_id" not in client.session


def test_a_login_with_its_token_still_works(django_user_model):
    django_user_model.objects.create_user(username="editor", password="pw-123456", is_staff=True)
    client = Client(enforce_csrf_checks=True)
    client.get("/admin/login/")
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": "pw-123456", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
