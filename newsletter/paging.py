"""Keyset pagination for article lists: a page 2,000 deep costs what the first does.

Lists run newest issue first, then in print order (``Article.newest_first()``),
and every article has a distinct ``(issue_date, page_number, position)``. A
page is the next rows past a cursor made of those three values, read off one
index; no OFFSET, no count of the whole list:

    ?after=2025-04-17.1.3     the page of articles printed before that one (更早)
    ?before=2025-04-17.1.3    the page of articles printed after it (较新)

A cursor that does not parse shows the first page with a notice, never an error.
How many articles match is counted only up to ``COUNT_LIMIT`` ("1000 多篇").
"""

import dataclasses
import datetime
import re

from django.db.models import Q, QuerySet

from .page_cache import cached_until_changed

CURSOR = re.compile(r"(\d{4}-\d{2}-\d{2})\.(\d{1,5})\.(\d{1,5})")
COUNT_LIMIT = 1000


@dataclasses.dataclass(frozen=True)
class Cursor:
    issue_date: datetime.date
    page_number: int
    position: int

    @classmethod
    def parse(cls, value: str) -> "Cursor | None":
        match = CURSOR.fullmatch(value)
        if not match:
            return None
        try:
            return cls(datetime.date.fromisoformat(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None

    @classmethod
    def of(cls, article) -> "Cursor":
        return cls(article.issue_date, article.page_number, article.position)

    def __str__(self) -> str:
        return f"{self.issue_date.isoformat()}.{self.page_number}.{self.position}"

    # Each leads with a plain range on the date, which the index scan starts from;
    # the OR alone would be a filter applied to every row from the newest on.

    def older(self) -> Q:
        """Articles after this one in newest-first order."""
        d, n, p = self.issue_date, self.page_number, self.position
        return Q(issue_date__lte=d) & (
            Q(issue_date__lt=d)
            | Q(issue_date=d, page_number__gt=n)
            | Q(issue_date=d, page_number=n, position__gt=p)
        )

    def newer(self) -> Q:
        """Articles before this one in newest-first order."""
        d, n, p = self.issue_date, self.page_number, self.position
        return Q(issue_date__gte=d) & (
            Q(issue_date__gt=d)
            | Q(issue_date=d, page_number__lt=n)
            | Q(issue_date=d, page_number=n, position__lt=p)
        )


@dataclasses.dataclass
class KeysetPage:
    articles: list
    next_cursor: str = ""  # older articles follow
    previous_cursor: str = ""  # newer articles precede
    is_first: bool = True

    @property
    def has_other_pages(self) -> bool:
        return bool(self.next_cursor or self.previous_cursor)


def keyset_page(queryset: QuerySet, *, after: str = "", before: str = "", size: int) -> KeysetPage:
    """One page of a newest-first queryset, past the cursor (the first page without one)."""
    ordered = queryset.newest_first()
    if before and (cursor := Cursor.parse(before)):
        rows = list(ordered.filter(cursor.newer()).reverse()[: size + 1])
        more_newer = len(rows) > size
        if not more_newer:  # back at the top: the first page, full
            return keyset_page(queryset, size=size)
        rows = rows[:size][::-1]
        return KeysetPage(
            articles=rows,
            next_cursor=str(Cursor.of(rows[-1])),
            previous_cursor=str(Cursor.of(rows[0])),
            is_first=False,
        )
    cursor = Cursor.parse(after) if after else None
    if cursor is not None:
        ordered = ordered.filter(cursor.older())
    rows = list(ordered[: size + 1])
    more_older = len(rows) > size
    rows = rows[:size]
    return KeysetPage(
        articles=rows,
        next_cursor=str(Cursor.of(rows[-1])) if more_older else "",
        previous_cursor=str(Cursor.of(rows[0])) if cursor is not None and rows else "",
        is_first=cursor is None,
    )


def bounded_count(queryset: QuerySet, limit: int = COUNT_LIMIT) -> int:
    """How many rows match, counting no further than ``limit + 1``."""
    return queryset.order_by()[: limit + 1].count()


def count_context(total: int) -> dict:
    """A bounded count as templates show it: ``total`` and whether it was cut (超过 N 篇)."""
    return {"total": min(total, COUNT_LIMIT), "total_capped": total > COUNT_LIMIT}


class KeysetPaginationMixin:
    """For ListViews over articles: ``page`` (a KeysetPage), ``total``, ``total_capped``.

    A cursor that does not parse shows the first page and says so (``page_notice``).
    """

    paginate_by = 20

    def paginate_queryset(self, queryset, page_size):
        after = self.request.GET.get("after", "")[:40]
        before = self.request.GET.get("before", "")[:40]
        self.page_notice = ""
        if any(value and Cursor.parse(value) is None for value in (after, before)):
            self.page_notice = "翻页位置无效，已显示第一页。"
        page = keyset_page(queryset, after=after, before=before, size=page_size)
        return None, page, page.articles, page.has_other_pages

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Counting a city's or a topic's articles reads all their links: once per change.
        filters = sorted(
            (k, v) for k, v in self.request.GET.lists() if k not in ("after", "before", "page")
        )
        key = f"count:{self.request.path}:{filters}"
        total = cached_until_changed(key, lambda: bounded_count(self.object_list))
        context.update(
            page=context["page_obj"], page_notice=self.page_notice, **count_context(total)
        )
        return context
