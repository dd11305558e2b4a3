"""Every answer carries the security headers: pages, errors, cache hits, static files.

Production settings (HSTS, the policies) are what tests/settings.py inherits;
HSTS is only sent over HTTPS, so every request here is a secure one.
"""

import importlib
from unittest import mock

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import clear_url_caches, reverse

import newsletter.urls
from tests.factories import ArticleFactory, CreditFactory, TopicFactory, region

pytestmark = pytest.mark.django_db

STRICT_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
EXPECTED = {
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def directives(policy: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


DENIED = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]

URLS = {
    "home": lambda a, t: reverse("home"),
    "archive": lambda a, t: reverse("issues:archive"),
    "issue": lambda a, t: a.issue.get_absolute_url(),
    "page": lambda a, t: a.page.get_absolute_url(),
    "list": lambda a, t: reverse("articles:list") + "?region=huzhou",
    "article": lambda a, t: a.get_absolute_url(),
    "region hub": lambda a, t: region("湖州").get_absolute_url(),
    "topic hub": lambda a, t: t.get_absolute_url(),
    "person hub": lambda a, t: a.credits.get().person.get_absolute_url(),
    "search": lambda a, t: reverse("search:results") + "?q=标题",
    "feed": lambda a, t: reverse("feeds:latest"),
    "topic feed": lambda a, t: reverse("feeds:topic-atom", args=[t.slug]),
    "sitemap": lambda a, t: reverse("machines:sitemap"),
    "robots.txt": lambda a, t: "/robots.txt",
    "healthz": lambda a, t: "/healthz",
    "favicon.ico": lambda a, t: "/favicon.ico",
    "404": lambda a, t: "/articles/999999/",
    "404 with a NUL": lambda a, t: "/topics/a%00b/",
    "400": lambda a, t: "/articles/?q=a%00b",
    "405": lambda a, t: ("OPTIONS", reverse("home")),
}


@pytest.fixture
def paper():
    topic = TopicFactory(name="安全专题", slug="an-quan-zhuan-ti")
    article = ArticleFactory(title="头部测试", topics=[topic], regions=[region("湖州")])
    CreditFactory(article=article)
    return article, topic


def fetch(client, target):
    method, url = target if isinstance(target, tuple) else ("GET", target)
    return client.generic(method, url, secure=True)


def assert_security_headers(response):
    for name, value in EXPECTED.items():
        assert response.get(name) == value, name
    assert directives(response["Content-Security-Policy"]) == STRICT_POLICY
    permissions = response["Permissions-Policy"]
    for feature in DENIED:
        assert f"{feature}=()" in permissions


@pytest.mark.parametrize("name", URLS)
def test_every_public_url_type_carries_the_security_headers(client, paper, name):
    response = fetch(client, URLS[name](*paper))
    expected_status = {"404": 404, "404 with a NUL": 404, "400": 400, "405": 405}
    assert response.status_code == expected_status.get(name, 200)
    assert_security_headers(response)


@pytest.mark.parametrize("name", ["home", "article", "list", "404"])
def test_a_cached_page_carries_the_same_headers(
    settings, cache_backend, paper, name, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 300
    url = URLS[name](*paper)
    first = fetch(Client(), url)
    with django_assert_num_queries(0):  # a hit
        second = fetch(Client(), url)
    assert second.content == first.content
    assert_security_headers(second)
    assert {k: v for k, v in second.items() if k != "Date"} == {
        k: v for k, v in first.items() if k != "Date"
    }


def test_the_500_page_carries_the_security_headers():
    client = Client(raise_request_exception=False)
    with mock.patch("newsletter.views.Issue.objects.published", side_effect=RuntimeError):
        response = client.get("/", secure=True)
    assert response.status_code == 500
    assert "服务器出错" in response.content.decode()
    assert_security_headers(response)


def test_static_files_carry_the_security_headers(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    call_command("collectstatic", "--no-input", verbosity=0)
    reader = Client()  # a new handler: WhiteNoise reads STATIC_ROOT when it starts
    for path in ["css/site.css", "icons/favicon.svg", "site.webmanifest"]:
        response = reader.get(staticfiles_storage.url(path), secure=True)
        assert response.status_code == 200, path
        assert_security_headers(response)


def test_the_admin_alone_allows_inline_styles(admin_client):
    policy = admin_client.get(reverse("admin:index"), secure=True)["Content-Security-Policy"]
    assert directives(policy) == {**STRICT_POLICY, "style-src": "'self' 'unsafe-inline'"}


@pytest.fixture
def admin_elsewhere():
    """The URLconf loaded again with ADMIN_URL set, and restored afterwards."""
    with override_settings(ADMIN_URL="redaktion-7/"):
        importlib.reload(newsletter.urls)
        clear_url_caches()
        yield "/redaktion-7/"
    importlib.reload(newsletter.urls)
    clear_url_caches()


def test_the_admin_answers_at_admin_url_only(admin_elsewhere, admin_user):
    client = Client()
    client.force_login(admin_user)
    assert client.get(admin_elsewhere).status_code == 200
    assert client.get("/admin/").status_code == 404
    response = client.get(admin_elsewhere, secure=True)  # its own policy follows it
    assert "'unsafe-inline'" in response["Content-Security-Policy"]
    assert client.post(admin_elsewhere + "logout/").status_code == 200  # not the reading site's 405
    robots = Client().get("/robots.txt").content.decode()
    assert "redaktion" not in robots and "admin" not in robots
