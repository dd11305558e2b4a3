"""Hostile input and odd methods on every public URL pattern (newsletter/request_guards.py).

The URL patterns are read from the URLconf, so a route added later is covered
without editing this file. Run on PostgreSQL, which refuses NULs, to prove it.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from articles.filters import ArticleFilter
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

# A sample value for each converter a route may use.
SAMPLES = {"int": "2025", "str": "a", "slug": "a", "path": "a"}
# Every query parameter a public view reads: the list's filters and the paging,
# reading-size and date-picker parameters.
PARAMETERS = sorted({*ArticleFilter.base_filters, "page", "after", "before", "size", "date"})
HOSTILE_BYTES = ["%ff", "%ed%a0%80", "%c0%80", "%e4%b8"]


def _routes(patterns, prefix=""):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if entry.app_name != "admin":
                yield from _routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route


def _fill(route: str, value=None) -> list[str]:
    """The route's segments with converters replaced by a sample (or by value)."""
    filled = re.sub(r"<(?:(\w+):)?\w+>", lambda m: value or SAMPLES[m.group(1) or "str"], route)
    return ["", *filled.split("/")]


PUBLIC_ROUTES = sorted(set(_routes(get_resolver().url_patterns)))


def _with_each_segment_hostile(route: str, junk: str) -> list[str]:
    segments = _fill(route)
    paths = []
    for i, segment in enumerate(segments):
        if i == 0 or (not segment and i == len(segments) - 1):
            continue
        for hostile in (junk, f"a{junk}b", f"{segment}{junk}"):
            paths.append("/".join([*segments[:i], hostile, *segments[i + 1 :]]))
    return paths


def test_the_routes_are_read_from_the_urlconf():
    assert "feeds/topics/<str:slug>/atom/" in PUBLIC_ROUTES
    assert "" in PUBLIC_ROUTES  # the home page
    assert not any(route.startswith("admin/") for route in PUBLIC_ROUTES)


@pytest.fixture
def content():
    # Something to find, so views go as far as their queries.
    ArticleFactory(title="青年夜校开课", body="青年夜校开课。")


@pytest.mark.parametrize("route", PUBLIC_ROUTES)
def test_a_nul_in_any_path_segment_is_a_404(client, content, route):
    for path in _with_each_segment_hostile(route, "%00"):
        response = client.get(path)
        assert response.status_code == 404, path


def test_a_nul_in_a_topic_feed_slug_is_a_404_page(client, content):
    for path in ("/feeds/topics/%00/", "/feeds/topics/a%00b/atom/", "/topics/%00/"):
        response = client.get(path)
        assert response.status_code == 404
        assert "页面不存在" in response.content.decode()


@pytest.mark.parametrize("route", PUBLIC_ROUTES)
@pytest.mark.parametrize("parameter", PARAMETERS)
def test_a_nul_in_any_query_parameter_is_a_400_in_chinese(client, content, route, parameter):
    path = "/".join(_fill(route))
    for query in (f"{parameter}=%00", f"{parameter}=a%00b", f"{parameter}%00=a"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400, f"{path}?{query}"
        assert "请求有误" in response.content.decode()


def test_a_nul_among_repeated_values_or_in_a_cookie_is_a_400(client, content):
    assert client.get("/articles/?topic=a&topic=b%00").status_code == 400
    client.cookies["sessionid"] = "abcdefgh\x00"
    assert client.get("/").status_code == 400


def test_a_nul_in_a_posted_form_is_a_400(admin_client):
    response = admin_client.post(
        "/admin/articles/article/", "q=a%00b", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert admin_client.get("/admin/articles/article/?q=a%00b").status_code == 400


@pytest.mark.parametrize("route", PUBLIC_ROUTES)
@pytest.mark.parametrize("junk", HOSTILE_BYTES)
def test_invalid_utf8_in_path_and_query_never_fails(client, content, route, junk):
    paths = _with_each_segment_hostile(route, junk)
    path = "/".join(_fill(route))
    paths += [f"{path}?{parameter}={junk}" for parameter in PARAMETERS]
    for path in paths:
        assert client.get(path).status_code < 500, path


def test_clean_requests_still_pass(client, content):
    assert client.get("/articles/?q=青年&page=1").status_code == 200
    assert client.get("/topics/abc/").status_code == 404


# ------------------------------------------------------------------ methods

FOREIGN_METHODS = ["OPTIONS", "TRACE", "POST", "PUT", "PATCH", "DELETE", "CONNECT"]


@pytest.mark.parametrize("route", PUBLIC_ROUTES)
@pytest.mark.parametrize("method", FOREIGN_METHODS)
def test_the_reading_site_answers_only_get_and_head(client, content, route, method):
    path = "/".join(_fill(route))
    response = client.generic(method, path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert b"<html" not in response.content


def test_get_and_head_still_work(client, content):
    assert client.get("/").status_code == 200
    assert client.head("/articles/").status_code == 200


def test_the_admin_keeps_its_own_methods(admin_client):
    response = admin_client.post("/admin/logout/")
    assert response.status_code == 200
