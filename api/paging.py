"""Cursor pages for the API: the site's keyset paging (newsletter/paging.py) with the
cursors in ready-made ``next`` and ``previous`` URLs, and a strict reading of them."""

import datetime

from django.db.models import QuerySet
from ninja.errors import HttpError

from newsletter.paging import Cursor, keyset_page
from newsletter.views import ISSUE_DATE

CURSOR_PARAMS = ("after", "before")


def page_url(request, **cursor) -> str:
    """This URL, filters kept, with ``cursor`` (after=, before= or page=) replacing the old."""
    params = request.GET.copy()
    for name in (*CURSOR_PARAMS, *cursor):
        params.pop(name, None)
    params.update(cursor)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def one_cursor(after: str, before: str) -> None:
    if after and before:
        raise HttpError(400, "after 与 before 只能给一个")


def article_page(request, queryset: QuerySet, *, after: str, before: str, size: int):
    """(articles, next URL or None, previous URL or None), newest first."""
    one_cursor(after, before)
    for value in (after, before):
        if value and Cursor.parse(value) is None:
            raise HttpError(400, f"翻页位置无效：{value[:40]}（应形如 2025-04-17.1.3）")
    page = keyset_page(queryset, after=after, before=before, size=size)
    return (
        page.articles,
        page_url(request, after=page.next_cursor) if page.next_cursor else None,
        page_url(request, before=page.previous_cursor) if page.previous_cursor else None,
    )


def parse_date_cursor(value: str) -> datetime.date | None:
    """An issue's date, ``2025-04-17``, or None (also for 2025-02-30 or 2025-W16-4)."""
    if not ISSUE_DATE.fullmatch(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def issue_page(request, issues: QuerySet, *, after: str, before: str, size: int):
    """Issues newest first, keyed on their unique date: (issues, next URL, previous URL)."""
    one_cursor(after, before)
    cursor_value = after or before
    cursor = parse_date_cursor(cursor_value)
    if cursor_value and cursor is None:
        raise HttpError(400, f"翻页位置无效：{cursor_value[:40]}（应为日期，如 2025-04-17）")
    if before:
        rows = list(issues.filter(date__gt=cursor).order_by("date")[: size + 1])
        if len(rows) <= size:  # back at the top
            return issue_page(request, issues, after="", before="", size=size)
        rows = rows[:size][::-1]
        more_older, is_first = True, False
    else:
        newest_first = issues.order_by("-date")
        if cursor is not None:
            newest_first = newest_first.filter(date__lt=cursor)
        rows = list(newest_first[: size + 1])
        more_older, is_first = len(rows) > size, cursor is None
        rows = rows[:size]
    return (
        rows,
        page_url(request, after=rows[-1].date.isoformat()) if rows and more_older else None,
        page_url(request, before=rows[0].date.isoformat()) if rows and not is_first else None,
    )
