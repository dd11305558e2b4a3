"""Pages are gzipped for anonymous readers only: never with a CSRF token nor a session (BREACH)."""

import gzip

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

GZIP = {"Accept-Encoding": "gzip"}


@pytest.fixture(autouse=True)
def page_cache(cache_backend, settings):
    settings.PAGE_CACHE_SECONDS = 300
    return cache_backend


@pytest.fixture
def article():
    return ArticleFactory(title="压缩测试文章", body="正文。" * 200)


def test_anonymous_pages_are_compressed_and_vary_by_encoding(client, article):
    for _ in range(2):  # rendered, then from the page cache
        response = client.get(article.get_absolute_url(), headers=GZIP)
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert "压缩测试文章" in gzip.decompress(response.content).decode()


def test_the_cache_serves_plain_text_to_readers_who_ask_for_it(client, article):
    client.get(article.get_absolute_url(), headers=GZIP)
    response = client.get(article.get_absolute_url())
    assert not response.has_header("Content-Encoding")
    assert "压缩测试文章" in response.content.decode()


def test_a_compressed_pages_etag_still_gives_a_304(client, article):
    first = client.get(article.get_absolute_url(), headers=GZIP)
    assert first["ETag"].startswith('W/"')
    again = client.get(article.get_absolute_url(), headers={**GZIP, "If-None-Match": first["ETag"]})
    assert again.status_code == 304


def test_staff_pages_are_not_compressed(editor, article):
    client = Client()
    client.force_login(editor)
    assert django_settings.SESSION_COOKIE_NAME in client.cookies
    response = client.get(article.get_absolute_url(), headers=GZIP)
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


def test_a_page_with_a_csrf_token_is_not_compressed(client):
    response = client.get(reverse("admin:login"), headers=GZIP)
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert not response.has_header("Content-Encoding")
