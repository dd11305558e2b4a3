"""Values computed from the whole archive (counts, choice lists) are cached until it changes."""

import datetime
from unittest import mock

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from redis.exceptions import ConnectionError as RedisConnectionError

from articles.models import Article
from articles.workflow import articles_transition
from newsletter.page_cache import cached_until_changed
from tests.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def query_cache(cache_backend, settings):
    settings.QUERY_CACHE_SECONDS = 300


def counter():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return compute, calls


def test_a_value_is_computed_once_until_the_content_changes(django_capture_on_commit_callbacks):
    compute, calls = counter()
    assert cached_until_changed("k", compute) == 1
    assert cached_until_changed("k", compute) == 1
    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory()
    assert cached_until_changed("k", compute) == 2
    assert len(calls) == 2


def test_a_value_is_recomputed_when_a_scheduled_article_comes_due():
    due = timezone.now() + datetime.timedelta(hours=1)
    ArticleFactory(published_at=due)
    compute, _ = counter()
    assert cached_until_changed("k", compute) == 1
    assert cached_until_changed("k", compute) == 1
    with mock.patch("django.utils.timezone.now", return_value=due + datetime.timedelta(seconds=1)):
        assert cached_until_changed("k", compute) == 2


def test_zero_seconds_turns_it_off(settings):
    settings.QUERY_CACHE_SECONDS = 0
    compute, calls = counter()
    cached_until_changed("k", compute)
    cached_until_changed("k", compute)
    assert len(calls) == 2


def test_an_unreachable_cache_computes_instead_of_failing():
    compute, _ = counter()
    with mock.patch.object(cache, "get_or_set", side_effect=RedisConnectionError("down")):
        assert cached_until_changed("k", compute) == 1
        assert cached_until_changed("k", compute) == 2


def test_list_count_and_sources_follow_a_publication(
    client, chief, django_capture_on_commit_callbacks
):
    ArticleFactory(source="浙江日报")
    ready = ArticleFactory(source="人民政协报", status=Article.Status.REVIEW, published_at=None)
    first = client.get(reverse("articles:list"))
    assert first.context["total"] == 1
    assert '<option value="人民政协报"' not in first.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        articles_transition(
            user=chief, articles=Article.objects.filter(pk=ready.pk), name="publish"
        )

    second = client.get(reverse("articles:list"))
    assert second.context["total"] == 2
    assert '<option value="人民政协报">人民政协报</option>' in second.content.decode()


def test_topic_counts_follow_a_publication(client, chief, django_capture_on_commit_callbacks):
    topic = TopicFactory(name="计数专题")
    ArticleFactory(topics=[topic])
    ready = ArticleFactory(topics=[topic], status=Article.Status.REVIEW, published_at=None)

    def counted():
        response = client.get(reverse("topics:list"))
        return {t.name: t.article_count for t in response.context["topics"]}["计数专题"]

    assert counted() == 1
    with django_capture_on_commit_callbacks(execute=True):
        articles_transition(
            user=chief, articles=Article.objects.filter(pk=ready.pk), name="publish"
        )
    assert counted() == 2


def test_cached_menus_still_mark_and_check_the_choice(client, django_assert_max_num_queries):
    ArticleFactory()
    first = client.get(reverse("articles:list"), {"region": "huzhou"})
    with django_assert_max_num_queries(6):  # the region by slug, the page and what it shows
        second = client.get(reverse("articles:list"), {"region": "huzhou"})
    for response in (first, second):
        assert '<option value="huzhou" selected>\u3000湖州市</option>' in response.content.decode()
    assert (
        "region"
        in client.get(reverse("articles:list"), {"region": "atlantis"})
        .context["filter"]
        .form.errors
    )
