"""Fuzzing with hypothesis: hostile query strings never give a 500, hostile files
never give anything but a clear Chinese message or a correct import.

Bounded (max_examples) so the suite stays fast; run on PostgreSQL, which refuses
NULs and some text SQLite accepts, for the proof that matters.
"""

import datetime
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from articles.filters import ArticleFilter
from articles.importing.datafiles import read_gazetteer, read_vocabulary
from articles.importing.parsed import ParsedPage, ParseError
from articles.importing.pipeline import parse_page
from articles.models import Article, ArticleRegion, TaggedArticle, Topic
from articles.services import ImportFailure, PageSource, pages_import
from newsletter.models import Issue, Page, Region
from people.models import Credit, Person
from tests.factories import ArticleFactory, CreditFactory, TopicFactory, region

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_05b83c2a48b8b92d.txt"
SEED_BYTES = SEED.read_bytes()
SEED_TEXT = SEED_BYTES.decode()
CHINESE = re.compile(r"[\u4e00-\u9fff]")
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Every query parameter a public view reads: the list's filters, paging, the
# reading size and the date picker's date.
PARAMETERS = sorted({*ArticleFilter.base_filters, "page", "after", "before", "size", "date"})

# Values a careless or hostile client sends: any text, huge numbers and strings,
# dates that are not, raw percent-escapes (NUL, invalid UTF-8, surrogates).
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "9" * 400,
            "1e309",
            "NaN",
            "2025-02-30",
            "0000-01-01",
            "9999-12-31",
            "2025-04-17T25:61",
            "%00",
            "a%00b",
            "%ff",
            "%ed%a0%80",
            "%c0%80",
            "%e4%b8",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "{{ settings.SECRET_KEY }}",
            "浙" * 5000,
        ]
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.dates().map(datetime.date.isoformat),
)


def _pair(key, value):
    # Sampled escapes are sent raw; generated text is percent-encoded as a browser would.
    raw = value if value.startswith("%") or "%00" in value else quote(value, safe="")
    return f"{quote(key, safe='')}={raw}"


QUERY_STRINGS = st.lists(
    st.tuples(st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=8)), VALUES),
    max_size=12,
).map(lambda pairs: "&".join(_pair(k, v) for k, v in pairs))
# Repeated keys: the same parameter many times with different values.
REPEATED = st.tuples(st.sampled_from(PARAMETERS), st.lists(VALUES, min_size=2, max_size=6)).map(
    lambda kv: "&".join(_pair(kv[0], v) for v in kv[1])
)


@pytest.fixture
def public_paths(db):
    """Every public page that reads query parameters, with content to find."""
    topic = TopicFactory(name="乡村振兴")
    article = ArticleFactory(
        title="青年夜校开课", body="青年夜校开课。", topics=[topic], regions=[region("杭州")]
    )
    credit = CreditFactory(article=article)
    date = article.issue_date.isoformat()
    return [
        "/",
        "/articles/",
        f"/articles/{article.pk}/",
        "/search/",
        "/issues/",
        "/issues/jump/",
        f"/issues/{date}/",
        f"/issues/{date}/1/",
        f"/regions/{region('杭州').slug}/",
        f"/topics/{topic.slug}/",
        f"/people/{credit.person.slug}/",
        "/feeds/latest/rss/",
        "/api/issues",
        "/api/articles",
        f"/api/articles/{article.pk}",
        f"/api/issues/{date}/pages/1",
        "/api/people",
    ]


@pytest.mark.django_db
@FUZZ
@given(query=st.one_of(QUERY_STRINGS, REPEATED), which=st.integers(min_value=0))
def test_hostile_query_strings_never_give_a_500(client, public_paths, query, which):
    path = public_paths[which % len(public_paths)]
    response = client.get(f"{path}?{query}")
    assert response.status_code < 500, f"{path}?{query}"
    if "%00" in query:  # the request guard's answer
        assert response.status_code == 400


@pytest.mark.django_db
@settings(FUZZ, max_examples=25)
@given(query=QUERY_STRINGS)
def test_hostile_query_strings_on_search_and_list(client, public_paths, query):
    for path in ("/search/", "/articles/", "/api/articles"):
        response = client.get(f"{path}?{query}")
        assert response.status_code < 500, f"{path}?{query}"


# --- the import pipeline -----------------------------------------------------

ENCODINGS = ["utf-8", "gb18030", "utf-16", "utf-16-le", "big5", "latin-1"]


def _encoded(text, encoding):
    return text.encode(encoding, errors="replace")


TEXT_CHUNKS = st.one_of(
    st.text(max_size=200),
    st.sampled_from(SEED_TEXT.split("\n\n")),
)
# A page whose parts are in different encodings, as a careless copy-paste makes.
MIXED = st.lists(
    st.tuples(TEXT_CHUNKS, st.sampled_from(ENCODINGS)).map(lambda p: _encoded(*p)),
    min_size=1,
    max_size=6,
).map(b"\n".join)
# The real page cut at a random point (possibly inside a character).
TRUNCATED = st.integers(min_value=0, max_value=len(SEED_BYTES)).map(lambda n: SEED_BYTES[:n])
# Cut between characters: mostly a shorter page that imports.
CUT = st.integers(min_value=len(SEED_TEXT) // 8, max_value=len(SEED_TEXT)).map(
    lambda n: SEED_TEXT[:n].encode()
)
HOSTILE_FILES = st.one_of(st.binary(max_size=2000), TRUNCATED, CUT, CUT, MIXED)


def _check_clear(error: Exception):
    assert CHINESE.search(str(error)), repr(error)


@pytest.fixture(scope="module")
def enrichment():
    return {"gazetteer": read_gazetteer(), "vocabulary": read_vocabulary()}


@FUZZ
@given(raw=HOSTILE_FILES, encoding=st.sampled_from([None, "utf-8", "gb18030"]))
def test_the_parser_answers_hostile_bytes_with_a_page_or_a_clear_error(enrichment, raw, encoding):
    try:
        page = parse_page(raw, encoding=encoding, **enrichment)
    except ParseError as error:
        event("refused")
        _check_clear(error)
        return
    event("parsed")
    assert isinstance(page, ParsedPage)
    for article in page.articles:
        assert article.title.strip()


CONTENT_TABLES = (Issue, Page, Article, Person, Credit, ArticleRegion, TaggedArticle, Topic, Region)


def _digest():
    return {m.__name__: sorted(m.objects.values_list("pk", flat=True)) for m in CONTENT_TABLES} | {
        "articles": list(Article.objects.order_by("pk").values_list("title", "body", "status"))
    }


@pytest.fixture
def existing(db):
    """A published article the failed imports must leave as it was."""
    return ArticleFactory(title="既有文章", body="既有正文。")


@pytest.mark.django_db
@FUZZ
@given(
    raw=HOSTILE_FILES,
    date=st.sampled_from([datetime.date(2025, 4, 17), datetime.date(2025, 4, 17), None]),
    publish=st.booleans(),
)
def test_the_import_service_imports_correctly_or_changes_nothing(existing, raw, date, publish):
    before = _digest()
    source = PageSource(name="fuzz.txt", raw=raw, page=1, date=date)
    with transaction.atomic():  # each example starts from the same database
        try:
            reports = pages_import(sources=[source], publish=publish)
        except ImportFailure as error:
            event("refused")
            _check_clear(error)
            assert str(error).startswith("fuzz.txt")
            assert _digest() == before
        else:
            event("imported")
            (report,) = reports
            imported = Article.objects.filter(page__number=1, issue__date=report.issue_date)
            assert imported.count() == len(report.created)
            assert sorted(imported.values_list("title", flat=True)) == sorted(report.created)
            assert Article.objects.get(pk=existing.pk).body == "既有正文。"
        transaction.set_rollback(True)
