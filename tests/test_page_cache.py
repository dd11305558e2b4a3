"""The page cache: anonymous readers get cached pages, never stale ones; staff never do.

Every test runs on local memory and on Redis (a database of its own, flushed
before and after). A test's writes are never committed, so each write runs
its on-commit callbacks by hand (``commit(execute=True)``), as a real commit
would.
"""

import datetime
import os
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from articles.models import Article
from articles.services import PageSource, pages_import
from articles.workflow import articles_transition
from newsletter.page_cache import _bump_generation, is_cacheable, publication_schedule
from tests.conftest import REDIS
from tests.factories import (
    ArticleFactory,
    CreditFactory,
    PersonFactory,
    TopicFactory,
    region,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(cache_backend, settings):
    settings.PAGE_CACHE_SECONDS = 300
    return cache_backend


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


@pytest.fixture
def paper():
    """One public article with a topic, a region and a person: what every hub needs."""
    topic = TopicFactory(name="缓存专题", slug="huan-cun-zhuan-ti")
    article = ArticleFactory(title="原来的标题", topics=[topic], regions=[region("湖州")])
    credit = CreditFactory(article=article, person=PersonFactory(slug="huan-cun-ren"))
    return article, topic, credit


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def chief_client(chief):
    client = Client()
    client.force_login(chief)
    return client


def get(client, url, **headers):
    """The response and how many queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


def text(response) -> str:
    return response.content.decode()


PAGES = {
    "home": lambda a, t, c: reverse("home"),
    "archive": lambda a, t, c: reverse("issues:archive"),
    "issue": lambda a, t, c: a.issue.get_absolute_url(),
    "page": lambda a, t, c: a.page.get_absolute_url(),
    "list": lambda a, t, c: reverse("articles:list") + "?region=huzhou&page=1",
    "article": lambda a, t, c: a.get_absolute_url(),
    "regions": lambda a, t, c: reverse("regions:list"),
    "region": lambda a, t, c: region("湖州").get_absolute_url(),
    "topics": lambda a, t, c: reverse("topics:list"),
    "topic": lambda a, t, c: t.get_absolute_url(),
    "people": lambda a, t, c: reverse("people:list"),
    "person": lambda a, t, c: c.person.get_absolute_url(),
    "search": lambda a, t, c: reverse("search:results") + "?q=标题",
    "feed": lambda a, t, c: reverse("feeds:latest"),
    "topic feed": lambda a, t, c: reverse("feeds:topic-atom", args=[t.slug]),
    "sitemap": lambda a, t, c: reverse("machines:sitemap"),
    "sitemap section": lambda a, t, c: reverse(
        "machines:sitemap-section", args=[f"articles-{a.issue_date:%Y-%m}"]
    ),
}


@pytest.mark.parametrize("name", PAGES)
def test_a_cached_page_costs_no_query(client, paper, name):
    url = PAGES[name](*paper)
    first, queries = get(client, url)
    assert first.status_code == 200 and queries > 0
    second, queries = get(client, url)
    assert second.status_code == 200
    assert queries == 0
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert "Last-Modified" in second


def test_public_pages_must_be_revalidated(client, paper):
    response = client.get(paper[0].get_absolute_url())
    control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert control == {"public", "max-age=0", "must-revalidate"}
    # The cached copy varies by the reading size; its compression, by what the reader accepts.
    assert response["Vary"] == "Cookie, Accept-Encoding"
    assert response["X-Frame-Options"] == "DENY"  # stored with the page
    assert "Content-Security-Policy" in client.get(paper[0].get_absolute_url())


def test_security_headers_are_added_to_cached_pages(client, paper):
    client.get("/")
    _, queries = get(client, "/")
    assert queries == 0
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_query_string_is_part_of_the_key(client, paper):
    ArticleFactory(title="另一篇文章")
    url = reverse("search:results")
    assert "另一篇" not in text(client.get(url + "?q=原来"))
    assert "另一篇" in text(client.get(url + "?q=另一篇"))
    response, queries = get(client, url + "?q=原来")
    assert queries == 0 and "另一篇" not in text(response)


def test_head_fills_the_cache_for_get(client, paper):
    url = paper[0].get_absolute_url()
    assert client.head(url).status_code == 200
    response, queries = get(client, url)
    assert queries == 0
    assert "原来的标题" in text(response)


# ---------------------------------------------------------------- invalidation


def admin_change_data(editor_client, article, **changes) -> dict:
    url = reverse("admin:articles_article_change", args=[article.pk])
    form = editor_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    local = timezone.localtime(article.published_at)
    data.update(
        page=article.page_id,
        published_at_0=local.strftime("%Y-%m-%d"),
        published_at_1=local.strftime("%H:%M:%S"),
        **changes,
    )
    for prefix in ("credits", "article_regions", "tagged_items"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    data.pop("published_at", None)
    data.pop("dateline", None)
    return data


def test_an_edit_in_the_admin_is_seen_at_once(client, editor_client, paper, commit):
    article = paper[0]
    urls = [article.get_absolute_url(), "/", reverse("articles:list")]
    for url in urls:
        client.get(url)
        assert "原来的标题" in text(client.get(url))
    data = admin_change_data(editor_client, article, title="改正后的标题")
    with commit(execute=True):
        response = editor_client.post(
            reverse("admin:articles_article_change", args=[article.pk]), data
        )
    assert response.status_code == 302
    for url in urls:
        page = text(client.get(url))
        assert "改正后的标题" in page, url
        assert "原来的标题" not in page, url


def test_publishing_in_the_admin_is_seen_at_once(client, chief_client, commit):
    ready = ArticleFactory(title="待发布的文章", status=Article.Status.REVIEW, published_at=None)
    url = ready.get_absolute_url()
    assert client.get(url).status_code == 404
    response, queries = get(client, url)
    assert response.status_code == 404 and queries == 0  # a 404 is cached too
    with commit(execute=True):
        chief_client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "publish", "_selected_action": [ready.pk]},
        )
    response = client.get(url)
    assert response.status_code == 200
    assert "待发布的文章" in text(response)


def test_publishing_through_the_service_is_seen_at_once(client, chief, commit):
    ready = ArticleFactory(title="待发布的文章", status=Article.Status.REVIEW, published_at=None)
    url = reverse("articles:list")
    assert "待发布的文章" not in text(client.get(url))
    with commit(execute=True):
        articles_transition(
            user=chief, articles=Article.objects.filter(pk=ready.pk), name="publish"
        )
    assert "待发布的文章" in text(client.get(url))


def test_unpublishing_is_seen_at_once(client, chief_client, paper, commit):
    article = paper[0]
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url).status_code == 200
    assert "原来的标题" in text(client.get(reverse("articles:list")))
    with commit(execute=True):
        chief_client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "unpublish", "_selected_action": [article.pk]},
        )
    assert client.get(url).status_code == 404
    assert "原来的标题" not in text(client.get(reverse("articles:list")))


def test_withdrawing_an_issue_is_seen_at_once(client, chief_client, paper, commit):
    article = paper[0]
    assert "原来的标题" in text(client.get("/"))
    with commit(execute=True):
        chief_client.post(
            reverse("admin:newsletter_issue_changelist"),
            {"action": "unpublish", "_selected_action": [article.issue_id]},
        )
    assert "原来的标题" not in text(client.get("/"))
    assert client.get(article.get_absolute_url()).status_code == 404


def seed_source() -> PageSource:
    path = next(p for p in sorted(os.listdir("seeds")) if p.endswith(".txt"))
    with open(os.path.join("seeds", path), "rb") as seed:
        return PageSource(name=path, raw=seed.read(), page=1, date=datetime.date(2025, 4, 18))


def test_an_import_is_seen_at_once(client, commit):
    url = reverse("articles:list")
    client.get(url)
    with commit(execute=True):
        pages_import(sources=[seed_source()], publish=True)
    titles = list(Article.objects.published().values_list("title", flat=True))
    assert titles
    assert [t for t in titles if t in text(client.get(url))]


def test_a_re_import_that_only_republishes_is_seen_at_once(client, chief, commit):
    with commit(execute=True):
        pages_import(sources=[seed_source()], publish=True)
        withdrawn = Article.objects.published().exclude(kind=Article.Kind.TEASER).first()
        articles_transition(
            user=chief, articles=Article.objects.filter(pk=withdrawn.pk), name="unpublish"
        )
    url = reverse("articles:list")
    client.get(url)
    before, queries = get(client, url)
    assert queries == 0 and withdrawn.title not in text(before)
    with commit(execute=True):
        # The loader writes nothing but one update() here: no signal is sent.
        pages_import(sources=[seed_source()], publish=True)
    assert withdrawn.title in text(client.get(url))


def test_an_import_bumps_the_generation_once_and_a_dry_run_never(commit):
    with commit() as callbacks:
        pages_import(sources=[seed_source()], publish=True, dry_run=True)
    assert callbacks == []
    with commit() as callbacks:
        pages_import(sources=[seed_source()], publish=True)
    bumps = [c for c in callbacks if c is _bump_generation]
    assert len(bumps) == 1  # not one per row the loader saves


def person_renamed(article, topic, credit):
    def write():
        credit.person.name = "改名后的人"
        credit.person.save()

    return credit.person.get_absolute_url(), write, "改名后的人"


def credit_retitled(article, topic, credit):
    def write():
        credit.title = "新的职务"
        credit.save()

    return credit.person.get_absolute_url(), write, "新的职务"


def topic_renamed(article, topic, credit):
    def write():
        topic.name = "改名后的专题"
        topic.save()

    return topic.get_absolute_url(), write, "改名后的专题"


def topic_added(article, topic, credit):
    other = TopicFactory(name="新加的专题", slug="xin-jia-de-zhuan-ti")
    return other.get_absolute_url(), lambda: article.topics.add(other), "原来的标题"


def region_added(article, topic, credit):
    shaoxing = region("绍兴")
    return shaoxing.get_absolute_url(), lambda: article.regions.add(shaoxing), "原来的标题"


def region_renamed(article, topic, credit):
    huzhou = region("湖州")

    def write():
        huzhou.name = "改名后的地区"
        huzhou.save()

    return huzhou.get_absolute_url(), write, "改名后的地区"


def section_renamed(article, topic, credit):
    def write():
        article.page.section = "改名后的版"
        article.page.save()

    return article.page.get_absolute_url(), write, "改名后的版"


@pytest.mark.parametrize(
    "case",
    [
        person_renamed,
        credit_retitled,
        topic_renamed,
        topic_added,
        region_added,
        region_renamed,
        section_renamed,
    ],
    ids=lambda case: case.__name__,
)
def test_every_write_to_what_pages_show_is_seen_at_once(client, paper, commit, case):
    url, write, expected = case(*paper)
    client.get(url)
    cached, queries = get(client, url)
    assert queries == 0
    assert expected not in text(cached)
    with commit(execute=True):
        write()
    assert expected in text(client.get(url))


def test_a_deleted_article_is_gone_at_once(client, paper, commit):
    article = paper[0]
    url = article.get_absolute_url()
    client.get(url)
    with commit(execute=True):
        article.delete()
    assert client.get(url).status_code == 404


def test_a_scheduled_article_appears_when_due(client, paper):
    due = timezone.now() + datetime.timedelta(seconds=60)
    ArticleFactory(title="定时发布的文章", published_at=due)
    url = reverse("articles:list")
    assert "定时发布的文章" not in text(client.get(url))
    response, queries = get(client, url)
    assert queries == 0 and "定时发布的文章" not in text(response)
    with mock.patch("django.utils.timezone.now", return_value=due - datetime.timedelta(seconds=2)):
        response, queries = get(client, url)
        assert queries == 0 and "定时发布的文章" not in text(response)
    with mock.patch("django.utils.timezone.now", return_value=due + datetime.timedelta(seconds=1)):
        response = client.get(url)
        assert "定时发布的文章" in text(response)
        assert response["Last-Modified"] == http_date(due.timestamp())


def test_a_slow_request_does_not_use_a_later_requests_schedule(paper):
    due = timezone.now() + datetime.timedelta(seconds=30)
    ArticleFactory(published_at=due)
    assert publication_schedule("g", due.timestamp() + 1) == (due.timestamp(), None)
    # A request that started before ``due`` shows a page without the article.
    assert publication_schedule("g", due.timestamp() - 1)[1] == due.timestamp()


# ---------------------------------------------------------------- who gets what


def test_staff_get_fresh_pages_and_fill_no_cache(client, editor_client, paper):
    draft = ArticleFactory(title="尚未发布的文章", status=Article.Status.DRAFT, published_at=None)
    url = draft.get_absolute_url()
    for _ in range(2):
        response, queries = get(editor_client, url)
        assert response.status_code == 200 and queries > 0
        assert "预览" in text(response)
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert "ETag" not in response
    assert client.get(url).status_code == 404
    public = paper[0].get_absolute_url()
    client.get(public)
    response, queries = get(editor_client, public)
    assert response.status_code == 200 and queries > 0


def test_responses_that_set_a_cookie_are_not_cached(client, paper):
    url = paper[0].get_absolute_url() + "?size=l"
    first = client.get(url)
    assert first.cookies["size"].value == "l"
    client.cookies.clear()
    second, queries = get(client, url)
    assert queries > 0
    assert second.cookies["size"].value == "l"


def test_each_reading_size_is_cached_apart(client, paper):
    url = paper[0].get_absolute_url()
    for size in ("l", "s", "", "m"):
        client.cookies.clear()
        if size:
            client.cookies["size"] = size
        client.get(url)
        response, queries = get(client, url)
        assert queries == 0
        assert f'class="size-{size or "m"}' in text(response)


def test_other_cookies_do_not_split_the_cache(client, paper):
    url = paper[0].get_absolute_url()
    client.get(url)
    client.cookies["csrftoken"] = "x" * 32
    client.cookies["_ga"] = "GA1.1.123"
    _, queries = get(client, url)
    assert queries == 0


@pytest.mark.parametrize(
    "url",
    [
        "/articles/?page=abc&region=%00",
        "/articles/?date_from=2025-13-45&topic=%E4%B8",
        "/articles/?" + "q=" + "字" * 5000,
        "/search/?q=%00",
        "/search/?q=" + "字" * 500,
        "/issues/2025-02-30/",
        "/topics/%E4%B8/",
    ],
)
def test_bad_query_strings_never_fail(client, paper, url):
    for _ in range(2):
        assert client.get(url).status_code < 500


def test_the_health_check_and_the_admin_are_never_cached(client):
    for _ in range(2):
        response, queries = get(client, reverse("machines:healthz"))
        assert response.status_code == 200 and queries == 1
    response = client.get(reverse("admin:login"))
    assert "no-store" in response["Cache-Control"] and "ETag" not in response


# ---------------------------------------------------------------- conditional requests


def test_unchanged_pages_answer_304_without_rendering(client, paper):
    url = paper[0].get_absolute_url()
    first = client.get(url)
    response, queries = get(client, url, if_none_match=first["ETag"])
    assert response.status_code == 304 and queries == 0
    assert response.content == b""
    response, queries = get(client, url, if_modified_since=first["Last-Modified"])
    assert response.status_code == 304 and queries == 0


def test_changed_pages_answer_200_to_conditional_requests(client, paper, commit):
    article = paper[0]
    url = article.get_absolute_url()
    first = client.get(url)
    later = timezone.now() + datetime.timedelta(seconds=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        with commit(execute=True):
            article.title = "改正后的标题"
            article.save()
        response = client.get(url, headers={"if-none-match": first["ETag"]})
        assert response.status_code == 200 and "改正后的标题" in text(response)
        assert response["ETag"] != first["ETag"]
        response = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
        assert response.status_code == 200
        assert response["Last-Modified"] == http_date(later.timestamp())


def test_a_304_is_answered_after_the_cache_expired(client, paper):
    url = paper[0].get_absolute_url()
    first = client.get(url)
    cache.clear()
    response = client.get(url, headers={"if-none-match": first["ETag"]})
    assert response.status_code == 304


# ---------------------------------------------------------------- switches and failures


def test_page_cache_seconds_zero_turns_it_off(client, paper, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = paper[0].get_absolute_url()
    client.get(url)
    response, queries = get(client, url)
    assert queries > 0 and "ETag" not in response


def test_an_unreachable_cache_still_serves_pages(client, paper, commit, caplog):
    unreachable = {"BACKEND": REDIS["BACKEND"], "LOCATION": "redis://127.0.0.1:1/0"}
    with override_settings(CACHES={"default": unreachable}):
        response = client.get(paper[0].get_absolute_url())
        assert response.status_code == 200 and "原来的标题" in text(response)
        with commit(execute=True):
            paper[0].save()  # the bump fails after the commit: logged, not raised
    assert "_bump_generation" in caplog.text


def test_responses_for_one_reader_are_not_cacheable(rf):
    request = rf.get("/")
    assert is_cacheable(request, HttpResponse("页面"))
    assert is_cacheable(request, HttpResponse("没有", status=404))
    assert not is_cacheable(request, HttpResponse("出错", status=500))
    assert not is_cacheable(request, HttpResponse("错误的输入", status=400))
    varies = HttpResponse("页面")
    patch_vary_headers(varies, ["Accept-Language"])
    assert not is_cacheable(request, varies)
    private = HttpResponse("页面")
    patch_cache_control(private, private=True)
    assert not is_cacheable(request, private)
    get_token(request)  # a form carrying this reader's CSRF token
    assert not is_cacheable(request, HttpResponse("页面"))
