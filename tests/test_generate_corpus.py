"""generate_corpus: a demo archive of issues, pages and articles as the importer stores them."""

import datetime
import hashlib
import itertools
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, ArticleRegion, TaggedArticle
from articles.search import article_search_text, refresh_user_dictionary
from newsletter.models import Issue, Region
from people.models import Credit, Person

pytestmark = pytest.mark.django_db

UNTIL = datetime.date(2026, 11, 30)


def generate(*, articles=400, seed=7, until=UNTIL):
    call_command(
        "generate_corpus",
        "--articles",
        str(articles),
        "--seed",
        str(seed),
        "--until",
        until.isoformat(),
        verbosity=0,
    )


@pytest.fixture
def corpus():
    generate()


def digest() -> str:
    rows = Article.objects.order_by("issue_date", "page_number", "position").values_list(
        "issue_date",
        "issue__number",
        "page_number",
        "position",
        "kind",
        "title",
        "body",
        "source",
        "dateline",
    )
    credits = Credit.objects.order_by(
        "article__issue_date", "article__page_number", "article__position", "order"
    ).values_list("person__name", "person__slug", "role", "title")
    return hashlib.sha256(repr((list(rows), list(credits))).encode()).hexdigest()


def test_issues_go_back_two_a_week_with_four_to_eight_pages(corpus):
    issues = list(Issue.objects.order_by("-date").prefetch_related("pages__articles"))
    assert issues[0].date == UNTIL
    gaps = {(a.date - b.date).days for a, b in itertools.pairwise(issues)}
    assert gaps <= {3, 4}  # about 100 issues a year
    assert 380 <= sum(i.articles.count() for i in issues) <= 460
    numbers = sorted(i.number for i in issues)
    assert numbers == list(range(numbers[0], numbers[0] + len(issues)))
    for issue in issues:
        assert issue.status == Issue.Status.PUBLISHED and issue.published_at
        pages = list(issue.pages.all())
        assert 4 <= len(pages) <= 8
        assert [p.number for p in pages] == list(range(1, len(pages) + 1))
        assert pages[0].section == "要闻"
        for page in pages:
            positions = [a.position for a in page.articles.all()]
            assert 5 <= len(positions) <= 10
            assert sorted(positions) == list(range(1, len(positions) + 1))


def test_every_place_has_articles_and_the_capital_the_most(corpus):
    primaries = Counter(
        ArticleRegion.objects.filter(is_primary=True).values_list("region__code", flat=True)
    )
    assert set(primaries) == set(Region.objects.values_list("code", flat=True))
    by_city = {
        city.short_name: Article.objects.in_region(city).count() for city in Region.objects.cities()
    }
    assert max(by_city, key=by_city.get) == "杭州"
    assert by_city["杭州"] > 1.5 * sorted(by_city.values())[-2]
    for article in Article.objects.exclude(kind="teaser").prefetch_related(
        "article_regions__region"
    ):
        regions = list(article.article_regions.all())
        assert sum(r.is_primary for r in regions) == 1 and len(regions) <= 3
        text = article.title + article.body
        for r in regions:  # the text names each of its places
            assert (
                r.region.name in text or r.region.short_name in text or r.region.level == "province"
            )


def test_articles_look_like_imported_ones(corpus):
    articles = list(Article.objects.exclude(kind="teaser").prefetch_related("topics"))
    kinds = Counter(a.kind for a in articles)
    assert kinds["article"] > 0.6 * len(articles) and kinds["brief"] and kinds["photo"]
    for article in articles:
        assert article.status == Article.Status.PUBLISHED and article.is_public
        if article.kind != "photo":
            assert 300 <= len(article.body) <= 3000
        if article.kind == "article":
            assert len(article.paragraphs) >= 2
        assert article.is_reprint == (article.source not in ("本报", ""))
        if article.dateline:
            month_day = f"{article.dateline.month}月{article.dateline.day}日"
            assert article.body.startswith(month_day)
            assert 1 <= (article.issue_date - article.dateline).days <= 5
        topics = list(article.topics.all())
        assert 1 <= len(topics) <= 3
        text = article.kicker + article.title + article.subtitle + article.body
        for topic in topics:  # tagged because the text uses its words
            assert any(k in text for k in [topic.name, *topic.keyword_list]), (article, topic)
    reprints = sum(a.is_reprint for a in articles) / len(articles)
    assert 0.04 <= reprints <= 0.2


def test_search_text_is_what_the_importer_writes(corpus):
    refresh_user_dictionary()
    for article in Article.objects.all():
        assert article.search_text == article_search_text(article)


def test_teasers_point_at_articles_on_other_pages_of_their_issue(corpus):
    teasers = list(Article.objects.filter(kind="teaser").select_related("teaser_target"))
    assert teasers
    for teaser in teasers:
        target = teaser.teaser_target
        assert teaser.page_number == 1 and teaser.body == "" and not teaser.credits.exists()
        assert target.kind == "article" and target.issue_id == teaser.issue_id
        assert target.page_number != 1 and target.title == teaser.title
    assert not Article.objects.exclude(kind="teaser").filter(teaser_target__isnull=False).exists()


def test_people_recur_under_titles_that_change(corpus):
    assert 2.0 <= Credit.objects.count() / Article.objects.count() <= 3.0
    assert set(Person.objects.values_list("kind", flat=True)) == {
        "member",
        "reporter",
        "correspondent",
        "other",
    }
    titles = {}
    for person, title in Credit.objects.filter(role="mentioned").values_list("person", "title"):
        titles.setdefault(person, set()).add(title)
    assert any(len(t) >= 2 for t in titles.values())
    promoted = [t for t in titles.values() if {"市政协委员", "市政协常委"} <= t]
    assert promoted or any(len(t) >= 3 for t in titles.values())
    recurring = Counter(Credit.objects.values_list("person", flat=True))
    assert recurring.most_common(1)[0][1] >= 5
    byline_titles = set(Credit.objects.filter(role="reporter").values_list("title", flat=True))
    assert "本报记者" in byline_titles
    assert all(t.endswith("记者") for t in byline_titles)
    assert set(Credit.objects.filter(role="correspondent").values_list("title", flat=True)) == {
        "通讯员"
    }


def test_same_seed_same_rows():
    generate(articles=150)
    first = digest()
    Issue.objects.all().delete()
    Person.objects.all().delete()
    generate(articles=150)
    assert digest() == first
    Issue.objects.all().delete()
    Person.objects.all().delete()
    generate(articles=150, seed=8)
    assert digest() != first


def test_refuses_dates_the_archive_already_has(corpus):
    before = Article.objects.count()
    with pytest.raises(CommandError, match="已有"):
        generate(articles=100, until=UNTIL - datetime.timedelta(days=10))
    assert Article.objects.count() == before
    earliest = Issue.objects.order_by("date").first().date
    generate(articles=100, until=earliest - datetime.timedelta(days=1))
    assert Article.objects.count() > before
    assert TaggedArticle.objects.filter(content_object__issue_date__lt=earliest).exists()


def test_public_pages_render(corpus, client):
    article = Article.objects.published().filter(kind="article").first()
    person = Person.objects.filter(credits__isnull=False).first()
    for url in (
        "/",
        "/articles/",
        "/articles/?region=hangzhou",
        article.get_absolute_url(),
        article.page.get_absolute_url(),
        person.get_absolute_url(),
    ):
        assert client.get(url).status_code == 200, url
