"""Writes the demo archive: the cast first, then a year of issues per transaction, in bulk.

The rows are those the page importer would store for the same text, and the
search index is cut by the same segmenter with every generated name in its
dictionary (a block of Han characters is cut alike wherever it stands, so
blocks are segmented once and their tokens reused).
"""

import datetime
import functools
import itertools
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

import jieba
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from articles.models import Article, ArticleRegion, TaggedArticle, Topic
from articles.page_import import build_gazetteer, build_vocabulary
from articles.search import refresh_user_dictionary, segmenter
from newsletter.models import Issue, Page, Region
from newsletter.page_cache import content_changed
from newsletter.slugs import pinyin_slug, unique_slug
from people.models import Credit, Person

from .people import PersonSpec, Place, cast
from .phrases import page_files, phrase_pool
from .writing import IssueSpec, Writer, issue_plans, primary_deck, region_weights

BATCH_SIZE = 1000
_GROWN = (Issue, Page, Article, ArticleRegion, TaggedArticle, Person, Credit)


class CorpusError(Exception):
    """Why the corpus cannot be generated, in Chinese."""


@dataclass
class CorpusReport:
    issues: int = 0
    pages: int = 0
    articles: int = 0
    teasers: int = 0
    people: int = 0
    credits: int = 0
    first: datetime.date | None = None
    last: datetime.date | None = None
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"已生成 {self.issues:,} 期、{self.pages:,} 个版面、{self.articles:,} 篇文章"
            f"（其中导读 {self.teasers:,} 篇）、{self.people:,} 位人物、"
            f"{self.credits:,} 条署名与人物，"
            f"出版日期 {self.first} 至 {self.last}，用时 {self.seconds:.0f} 秒。"
        )


class SearchText:
    """``articles.search.article_search_text`` for many texts: each Han block cut once."""

    def __init__(self, cache_size: int = 1 << 18):
        self._tokens = functools.lru_cache(maxsize=cache_size)(segmenter.tokens)

    def __call__(self, *parts: str) -> str:
        return " ".join(
            token
            for part in parts
            if part
            for block in jieba.re_han_default.split(part)
            if block
            for token in self._tokens(block)
        )


def generate_corpus(
    *,
    articles: int,
    seed: int = 1,
    until: datetime.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> CorpusReport:
    """About ``articles`` published articles in issues going back from ``until`` (today)."""
    started = time.monotonic()
    until = until or timezone.localdate()
    places = _places()
    gazetteer, vocabulary = build_gazetteer(), build_vocabulary()
    pool = phrase_pool(page_files(), gazetteer=gazetteer, vocabulary=vocabulary)
    if not pool.clauses:
        raise CorpusError(
            "找不到可用的版面文本（seeds/ 或 tests/pages/ 下的 .txt），无法生成示例文章。"
        )
    plan_rng = random.Random(f"{seed}:plan")
    first_number = (Issue.objects.aggregate(n=Max("number"))["n"] or 0) + 1
    plans = issue_plans(plan_rng, articles=articles, until=until, first_number=first_number)
    taken = Issue.objects.filter(date__range=(plans[0].date, until))
    if taken.exists():
        before = _earliest(taken) - datetime.timedelta(days=1)
        raise CorpusError(
            f"存档中 {plans[0].date} 至 {until} 之间已有 {taken.count()} 期，"
            f"示例数据只写入空的日期范围；请用 --until 指定更早的结束日期（如 {before}）。"
        )
    weights = region_weights(places)
    deck = primary_deck(plan_rng, places, weights, sum(p.stories for p in plans))
    people = cast(
        random.Random(f"{seed}:people"),
        size=min(4000, max(150, articles // 30)),
        places=places,
        weights=weights,
        first_day=plans[0].date,
        last_day=until,
        clean=lambda text: not gazetteer.find(text),
    )
    _save_people(people, until)
    refresh_user_dictionary()
    writer = Writer(
        seed=seed,
        pool=pool,
        vocabulary=vocabulary,
        keywords=_keywords(gazetteer),
        places=places,
        people=people,
    )
    report = CorpusReport(people=len(people), first=plans[0].date, last=until)
    search_text = SearchText()
    offset = 0
    for year, group in itertools.groupby(plans, key=lambda p: p.date.year):
        group = list(group)
        issues = []
        for plan in group:
            issues.append(writer.issue(plan, deck[offset : offset + plan.stories]))
            offset += plan.stories
        with transaction.atomic():
            _save_issues(issues, search_text, report)
        if progress:
            progress(f"{year} 年：{len(group)} 期，累计 {report.articles:,} 篇文章。")
    _analyze()
    content_changed()  # bulk inserts send no signals: cached pages must go
    report.seconds = time.monotonic() - started
    return report


def _places() -> list[Place]:
    regions = Region.objects.select_related("parent").order_by("code")
    return [
        Place(
            code=r.code,
            level=r.level,
            name=r.name,
            short_name=r.short_name,
            match_short=r.match_short,
            city_code=r.code
            if r.level == "city"
            else (r.parent.code if r.level == "county" else None),
            pk=r.pk,
        )
        for r in regions
    ]


def _keywords(gazetteer) -> dict[str, list[str]]:
    """Each topic's keywords that can stand in a sentence without naming a place."""
    keywords = {}
    for topic in Topic.objects.all():
        usable = [k for k in topic.keyword_list if len(k) >= 2 and not gazetteer.find(k)]
        if usable:
            keywords[topic.name] = usable
    return keywords


def _earliest(issues) -> datetime.date:
    return issues.order_by("date").values_list("date", flat=True).first()


def _published_at(day: datetime.date) -> datetime.datetime:
    morning = timezone.make_aware(datetime.datetime.combine(day, datetime.time(6)))
    return min(morning, timezone.now())


def _save_people(people: list[PersonSpec], until: datetime.date) -> None:
    slugs = set(Person.objects.values_list("slug", flat=True))
    rows = []
    for spec in people:
        spec.slug = unique_slug(pinyin_slug(spec.name), slugs.__contains__)
        slugs.add(spec.slug)
        rows.append(
            Person(
                name=spec.name,
                slug=spec.slug,
                kind=spec.kind,
                title=spec.title_on(until)[:200],
                organisation=spec.organisation,
                region_id=spec.place.pk if spec.place else None,
            )
        )
    Person.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    for spec, row in zip(people, rows, strict=True):
        spec.pk = row.pk


def _save_issues(issues: list[IssueSpec], search_text: SearchText, report: CorpusReport) -> None:
    issue_rows = [
        Issue(
            date=spec.date,
            number=spec.number,
            status=Issue.Status.PUBLISHED,
            published_at=_published_at(spec.date),
        )
        for spec in issues
    ]
    Issue.objects.bulk_create(issue_rows, batch_size=BATCH_SIZE)
    pages = [
        (Page(issue=row, number=page.number, section=page.section), page)
        for row, spec in zip(issue_rows, issues, strict=True)
        for page in spec.pages
    ]
    Page.objects.bulk_create([row for row, _ in pages], batch_size=BATCH_SIZE)
    placed = []
    for row, page in pages:
        for position, article in enumerate(page.articles, start=1):
            placed.append((_article(row, position, article, search_text), article))
    # Teasers last: they point at articles that need their ids first.
    stories = [(row, a) for row, a in placed if a.target is None]
    teasers = [(row, a) for row, a in placed if a.target is not None]
    Article.objects.bulk_create([row for row, _ in stories], batch_size=BATCH_SIZE)
    for row, article in stories:
        article.pk = row.pk
    for row, article in teasers:
        row.teaser_target_id = article.target.pk
    Article.objects.bulk_create([row for row, _ in teasers], batch_size=BATCH_SIZE)
    regions, topics, credits = [], [], []
    topic_ids = dict(Topic.objects.values_list("name", "pk"))
    for row, article in placed:
        regions += [
            ArticleRegion(article=row, region_id=place.pk, is_primary=i == 0)
            for i, place in enumerate(article.places)
        ]
        topics += [
            TaggedArticle(content_object=row, tag_id=topic_ids[t], source=TaggedArticle.Source.AUTO)
            for t in article.topics
        ]
        credits += [
            Credit(article=row, person_id=person.pk, role=role, title=title[:200], order=order)
            for order, (person, role, title) in enumerate(article.credits)
        ]
    ArticleRegion.objects.bulk_create(regions, batch_size=BATCH_SIZE)
    TaggedArticle.objects.bulk_create(topics, batch_size=BATCH_SIZE)
    Credit.objects.bulk_create(credits, batch_size=BATCH_SIZE)
    report.issues += len(issue_rows)
    report.pages += len(pages)
    report.articles += len(placed)
    report.teasers += len(teasers)
    report.credits += len(credits)


def _article(page: Page, position: int, spec, search_text: SearchText) -> Article:
    article = Article(
        position=position,
        kind=spec.kind,
        kicker=spec.kicker,
        title=spec.title,
        subtitle=spec.subtitle,
        source=spec.source,
        is_reprint=spec.is_reprint,
        dateline=spec.dateline,
        body=spec.body,
        status=Article.Status.PUBLISHED,
        published_at=page.issue.published_at,
    )
    article.set_page(page)
    article.search_text = search_text(article.kicker, article.title, article.subtitle, article.body)
    return article


def _analyze() -> None:
    """Fresh planner statistics for the tables just grown (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in _GROWN)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")
