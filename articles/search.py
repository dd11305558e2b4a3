"""Full-text search over published articles, behind one small interface.

    results = search_articles("人工智能")
    results.articles              # the newest 100 matches, annotated with ``rank``, best first
    results.decorate(articles)    # sets ``.search_title``, ``.search_snippet`` … (safe HTML)

Backends, chosen by database vendor (or ``settings.ARTICLE_SEARCH_BACKEND``,
a dotted path, e.g. for a deployment with the zhparser extension):

- ``PostgresSearchBackend``: each article's kicker, title, subtitle and body,
  segmented by jieba (``cut_for_search``) into space-joined tokens, are stored in
  ``Article.search_text``, and ``to_tsvector('simple', search_text)`` in the
  stored column ``search_vector`` with its GIN index (migration 0006). A query of one
  character, or one that yields no terms, or whose terms match nothing, falls
  back to substring matching over the newest 10,000 articles.
- ``SubstringSearchBackend``: ``icontains`` over kicker/title/subtitle/body,
  every word of the query must match (SQLite, and the fallback above).

Both rank only the newest ``RANKED_MATCHES`` matches (``ts_rank`` plus a point
per query word in the headline): a common word costs what a rare one does.
``backend.match()`` filters without ranking, for lists in print order.

Keeping the index fresh is explicit, not a side effect of ``save()``: the
tokens depend on the user dictionary, which is read from other tables
(people, regions, topics), so an article must be indexed *after* the people
and places it names are written. Writers call:

- ``article_index(article)`` after saving one article (admin ``save_model``);
- ``reindex_articles(queryset)`` at the end of an import, inside its
  transaction, with the articles it created or changed;
- ``manage.py reindex_search`` re-indexes everything (after editing names in
  bulk, or after upgrading jieba).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, reduce
from operator import and_

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Case, Count, F, Max, Q, QuerySet, Subquery, Sum, Value, When
from django.db.models.functions import Length
from django.utils.module_loading import import_string
from django.utils.safestring import SafeString, mark_safe

from newsletter.models import Region
from newsletter.page_cache import cached_until_changed, content_changed
from people.models import Person

from .models import Article, Topic
from .search_tokens import (
    MAX_QUERY_LENGTH,
    MAX_QUERY_TERMS,
    SearchSegmenter,
    highlight,
    highlight_terms,
    query_words,
    snippet,
)

segmenter = SearchSegmenter()

# ---------------------------------------------------------------------------
# The user dictionary: names of people and places, topic names and keywords.


def _dictionary_fingerprint() -> tuple:
    """Cheap to compute; changes when a name is added, removed or (nearly always) edited."""
    people = Person.objects.aggregate(n=Count("pk"), changed=Max("updated_at"))
    regions = Region.objects.aggregate(
        n=Count("pk"),
        top=Max("pk"),
        chars=Sum(Length("name") + Length("short_name") + Length("aliases")),
    )
    topics = Topic.objects.aggregate(
        n=Count("pk"), top=Max("pk"), chars=Sum(Length("name") + Length("keywords"))
    )
    return (*people.values(), *regions.values(), *topics.values())


def dictionary_words() -> set[str]:
    words: set[str] = set(Person.objects.values_list("name", flat=True))
    for region in Region.objects.only("name", "short_name", "aliases"):
        words.update([region.name, region.short_name, *region.alias_list])
    for topic in Topic.objects.only("name", "keywords"):
        words.update([topic.name, *topic.keyword_list])
    return words


_loaded_fingerprint: list[tuple | None] = [None]


def refresh_user_dictionary(*, force: bool = False, cached: bool = False) -> bool:
    """Load names added or changed since the last call into the segmenter; True if it did.

    ``cached`` (for searches): the fingerprint kept until content changes, one
    cache read instead of three aggregates; writers, whose own new names are not
    committed yet, always look.
    """
    if cached:
        fingerprint = cached_until_changed("search-dictionary", _dictionary_fingerprint)
    else:
        fingerprint = _dictionary_fingerprint()
    if not force and fingerprint == _loaded_fingerprint[0]:
        return False
    segmenter.set_user_words(dictionary_words())
    _loaded_fingerprint[0] = fingerprint
    return True


def add_user_words(words) -> None:
    """Names just written (an import's new people): whole words from now on, without
    reloading the whole dictionary; the next refresh_user_dictionary() still sees the change."""
    segmenter.add_user_words(words)


# ---------------------------------------------------------------------------
# Writing the index.


def article_search_text(article: Article) -> str:
    return segmenter.index_text(article.kicker, article.title, article.subtitle, article.body)


def article_index(article: Article) -> None:
    """Re-segment one saved article into ``search_text`` (writes that column only)."""
    refresh_user_dictionary()
    article.search_text = article_search_text(article)
    Article.objects.filter(pk=article.pk).update(search_text=article.search_text)


def reindex_articles(articles: QuerySet[Article] | None = None, *, batch_size: int = 500) -> int:
    """Re-segment many articles (all when None); returns how many changed."""
    refresh_user_dictionary()
    queryset = Article.objects.all() if articles is None else articles
    queryset = queryset.order_by("pk").only(
        "pk", "kicker", "title", "subtitle", "body", "search_text"
    )
    changed: list[Article] = []
    count = 0
    with transaction.atomic():
        for article in queryset.iterator(chunk_size=batch_size):
            text = article_search_text(article)
            if text != article.search_text:
                article.search_text = text
                changed.append(article)
            if len(changed) >= batch_size:
                Article.objects.bulk_update(changed, ["search_text"])
                count += len(changed)
                changed = []
        if changed:
            Article.objects.bulk_update(changed, ["search_text"])
            count += len(changed)
        if count:
            content_changed()  # search finds other articles now
    return count


# ---------------------------------------------------------------------------
# Searching.


# Relevance is computed for the newest matches only: a word found in most of
# twenty years of articles ranks its newest few hundred, not all 100,000.
RANKED_MATCHES = 100
# The substring fallback on PostgreSQL reads text row by row; it looks through
# the newest articles only, so no query can make it read the whole archive.
SUBSTRING_FALLBACK_SCAN = 10000


@dataclass
class SearchResults:
    query: str
    articles: QuerySet[Article]  # the newest RANKED_MATCHES matches, best first
    matches: QuerySet[Article]  # every match, unordered: to count, or to list by date
    ranked_limit: int = RANKED_MATCHES
    terms: list[str] = field(default_factory=list)  # what to highlight
    backend: str = ""

    def title_html(self, article: Article) -> SafeString:
        return mark_safe(highlight(article.title, self.terms))  # escaped in highlight()

    def snippet_html(self, article: Article) -> SafeString:
        return mark_safe(snippet(article.body, self.terms))  # escaped in snippet()

    def decorate(self, articles) -> list[Article]:
        """Attach ``search_kicker``, ``search_title``, ``search_subtitle`` and
        ``search_snippet`` (safe HTML, hits in <mark>) to the articles shown."""
        shown = list(articles)
        for article in shown:
            article.search_kicker = mark_safe(highlight(article.kicker, self.terms))
            article.search_title = self.title_html(article)
            article.search_subtitle = mark_safe(highlight(article.subtitle, self.terms))
            article.search_snippet = self.snippet_html(article)
        return shown


def _headline_bonus(words: list[str]):
    """One point per query word in the headline (引题, 标题, 副题): those come first."""
    return reduce(
        lambda a, b: a + b,
        (
            Case(
                When(
                    Q(title__icontains=w) | Q(kicker__icontains=w) | Q(subtitle__icontains=w),
                    then=Value(1.0),
                ),
                default=Value(0.0),
            )
            for w in words
        ),
        Value(0.0),
    )


_ORDER = ("-rank", "-issue_date", "page_number", "position")


class SubstringSearchBackend:
    name = "substring"

    def __init__(self, *, scan_limit: int | None = None):
        self.scan_limit = scan_limit

    def match(self, articles: QuerySet[Article], query: str) -> QuerySet[Article]:
        """Articles whose headline or text holds every word of the query."""
        words = query_words(query)[:MAX_QUERY_TERMS]
        if not words:
            return articles.none()
        if self.scan_limit is not None:
            newest = articles.newest_first().values("pk")[: self.scan_limit]
            articles = articles.filter(pk__in=Subquery(newest))
        for word in words:
            articles = articles.filter(
                Q(title__icontains=word)
                | Q(kicker__icontains=word)
                | Q(subtitle__icontains=word)
                | Q(body__icontains=word)
            )
        return articles

    def search(self, articles: QuerySet[Article], query: str) -> tuple[QuerySet, QuerySet]:
        """(every match, the newest of them ranked best first)."""
        matches = self.match(articles, query)
        return matches, _ranked(matches, _headline_bonus(query_words(query)))


def _ranked(matches: QuerySet[Article], rank) -> QuerySet[Article]:
    """The newest RANKED_MATCHES of the matches, best first."""
    newest = matches.newest_first().values("pk")[:RANKED_MATCHES]
    return Article.objects.filter(pk__in=Subquery(newest)).annotate(rank=rank).order_by(*_ORDER)


class PostgresSearchBackend:
    name = "postgresql"

    def __init__(self):
        self.substring = SubstringSearchBackend(scan_limit=SUBSTRING_FALLBACK_SCAN)

    def _full_text(self, articles: QuerySet[Article], query: str):
        """(matches, tsquery) by the GIN index, or (None, None) where only substrings can tell:
        a single character, no terms, or terms that match nothing (a name added after the
        text was indexed, an odd compound)."""
        from django.contrib.postgres.search import SearchQuery

        if len("".join(query.split())) < 2:
            return None, None
        refresh_user_dictionary(cached=True)
        terms = segmenter.query_terms(query)
        if not terms:
            return None, None
        tsquery = reduce(
            and_, (SearchQuery(term, config="simple", search_type="plain") for term in terms)
        )
        matches = articles.filter(search_vector=tsquery)
        return (matches, tsquery) if matches.exists() else (None, None)

    def match(self, articles: QuerySet[Article], query: str) -> QuerySet[Article]:
        matches, _ = self._full_text(articles, query)
        return self.substring.match(articles, query) if matches is None else matches

    def search(self, articles: QuerySet[Article], query: str) -> tuple[QuerySet, QuerySet]:
        """(every match, the newest of them ranked best first)."""
        from django.contrib.postgres.search import SearchRank

        matches, tsquery = self._full_text(articles, query)
        bonus = _headline_bonus(query_words(query))
        if matches is None:
            matches = self.substring.match(articles, query)
            return matches, _ranked(matches, bonus)
        rank = SearchRank(F("search_vector"), tsquery, normalization=1) + bonus
        return matches, _ranked(matches, rank)


@cache
def _configured_backend(path: str):
    return import_string(path)()


def get_backend():
    path = getattr(settings, "ARTICLE_SEARCH_BACKEND", "")
    if path:
        return _configured_backend(path)
    if connection.vendor == "postgresql":
        return PostgresSearchBackend()
    return SubstringSearchBackend()


def search_articles(query: str, *, articles: QuerySet[Article] | None = None) -> SearchResults:
    """Published articles matching query, best first (``rank``), with what to highlight.

    ``articles`` narrows the search to a subset of ``Article.objects.published()``
    (the article list's filters); it must never widen it.
    """
    query = _clean(query)
    base = Article.objects.published() if articles is None else articles
    if not query:
        return SearchResults(query=query, articles=base.none(), matches=base.none())
    backend = get_backend()
    matches, ranked = backend.search(base, query)
    words = query_words(query)
    terms = segmenter.query_terms(query) if backend.name != "substring" else []
    return SearchResults(
        query=query,
        articles=ranked,
        matches=matches,
        ranked_limit=RANKED_MATCHES,
        terms=highlight_terms(words, terms),
        backend=backend.name,
    )


def articles_matching(query: str, articles: QuerySet[Article]) -> QuerySet[Article]:
    """The articles (a subset of the public ones) that match query, unranked: the list's ``q``."""
    query = _clean(query)
    return get_backend().match(articles, query) if query else articles


def _clean(query: str) -> str:
    """The view validates; the service still never lets odd input reach the database."""
    return " ".join(query.replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
