"""/api/ over HTTP: a valid OpenAPI schema, the docs page, the page cache, CORS, the rate
limit and the public site's guards."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openapi_spec_validator import validate

from articles.models import Article
from articles.workflow import articles_transition
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/issues",
    "/api/issues/{date}",
    "/api/issues/{date}/pages/{number}",
    "/api/articles",
    "/api/articles/{article_id}",
    "/api/people",
    "/api/people/{slug}",
    "/api/regions",
    "/api/topics",
]
ARTICLE_FILTERS = {"q", "region", "topic", "person", "source", "kind", "date_from", "date_to"}


def test_the_openapi_schema_is_valid_and_lists_every_endpoint_and_filter(client):
    schema = client.get("/api/openapi.json").json()
    validate(schema)
    assert sorted(schema["paths"]) == sorted(ENDPOINTS)
    assert all(set(methods) == {"get"} for methods in schema["paths"].values())
    parameters = {p["name"] for p in schema["paths"]["/api/articles"]["get"]["parameters"]}
    assert parameters == ARTICLE_FILTERS | {"after", "before", "size"}


def test_the_docs_page_loads_only_our_own_files(client):
    response = client.get("/api/docs")
    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "https://" not in html
    policy = response["Content-Security-Policy"]
    assert "unsafe" not in policy and "default-src 'self';" in policy


# ---------------------------------------------------------------- the page cache


@pytest.fixture
def page_cache(cache_backend, settings):
    settings.PAGE_CACHE_SECONDS = 300
    return cache_backend


def queries(client, url, **headers):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, headers=headers)
    return response, len(ctx.captured_queries)


def test_answers_are_cached_revalidated_and_invalidated_like_pages(
    client, page_cache, django_capture_on_commit_callbacks, chief
):
    article = ArticleFactory(title="原来的标题")
    url = f"/api/articles/{article.pk}"
    first, _ = queries(client, url)
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    again, count = queries(client, url)
    assert count == 0 and again.json() == first.json()
    unchanged, count = queries(client, url, if_none_match=first["ETag"])
    assert unchanged.status_code == 304 and count == 0

    waiting = ArticleFactory(title="新发布的", status=Article.Status.REVIEW, published_at=None)
    list_before = client.get("/api/articles").json()
    with django_capture_on_commit_callbacks(execute=True):
        articles_transition(
            user=chief, articles=Article.objects.filter(pk=waiting.pk), name="publish"
        )
        Article.objects.filter(pk=article.pk).update(title="改正后的标题")
    changed = client.get(url, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200 and changed.json()["title"] == "改正后的标题"
    assert len(client.get("/api/articles").json()["results"]) == len(list_before["results"]) + 1


def test_errors_are_not_cached(client, page_cache):
    assert client.get("/api/articles?region=atlantis").status_code == 400
    _, count = queries(client, "/api/articles?region=atlantis")
    assert count > 0


# ---------------------------------------------------------------- CORS


def test_any_origin_may_read_without_credentials(client, page_cache):
    ArticleFactory()
    for _ in range(2):  # rendered, then from the cache
        response = client.get("/api/articles", headers={"origin": "https://example.com"})
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response
        assert set(response["Access-Control-Expose-Headers"].split(", ")) == {"ETag", "Retry-After"}


def test_a_preflight_is_answered_for_reading_only(client):
    response = client.options(
        "/api/articles",
        headers={
            "origin": "https://example.com",
            "access-control-request-method": "GET",
            "access-control-request-headers": "if-none-match",
        },
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD"
    assert response["Access-Control-Allow-Headers"] == "if-none-match, if-modified-since"


def test_the_reading_site_is_not_opened_to_other_origins(client):
    response = client.get("/articles/", headers={"origin": "https://example.com"})
    assert "Access-Control-Allow-Origin" not in response


# ---------------------------------------------------------------- rate limit and guards


@pytest.fixture
def limited(settings):
    settings.API_THROTTLE_RATE = "3/min"
    cache.clear()
    yield
    cache.clear()


def test_anonymous_clients_are_limited_with_retry_after(client, limited):
    for _ in range(3):
        assert client.get("/api/regions").status_code == 200
    response = client.get("/api/regions")
    assert response.status_code == 429
    assert response.json() == {"detail": "请求过于频繁，请稍后再试"}
    assert 0 < int(response["Retry-After"]) <= 60
    # A forged X-Forwarded-For from an untrusted address changes nothing ...
    forged = client.get("/api/topics", headers={"x-forwarded-for": "10.9.8.7"})
    assert forged.status_code == 429
    # ... while another client has its own allowance.
    assert client.get("/api/regions", REMOTE_ADDR="192.0.2.7").status_code == 200


def test_clients_behind_a_trusted_proxy_are_counted_apart(client, limited, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(3):
        client.get("/api/regions", headers={"x-forwarded-for": "198.51.100.1"}, **proxy)
    assert (
        client.get("/api/regions", headers={"x-forwarded-for": "198.51.100.1"}, **proxy).status_code
        == 429
    )
    assert (
        client.get("/api/regions", headers={"x-forwarded-for": "198.51.100.2"}, **proxy).status_code
        == 200
    )


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_the_api_only_reads(client, method):
    assert getattr(client, method)("/api/articles").status_code == 405


@pytest.mark.parametrize("url", ["/api/articles", "/api/regions", "/api/issues/2025-04-17"])
def test_head_answers_as_get_does(client, url):
    assert client.head(url).status_code == client.get(url).status_code
    assert client.head(url)["Content-Type"] == "application/json; charset=utf-8"


def test_nul_bytes_are_refused(client):
    assert client.get("/api/articles", {"q": "a\x00b"}).status_code == 400
    assert client.get("/api/people/a%00b").status_code == 404
