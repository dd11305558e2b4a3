"""Inferring an issue's date from its articles' datelines, when nobody gave one."""

import datetime

from .parsed import ParsedArticle


def infer_issue_date(
    articles: tuple[ParsedArticle, ...], *, year: int | None, today: datetime.date
) -> datetime.date | None:
    """The latest dateline: a paper reports what happened before it went to print.

    Without a known year, the most recent such date not after today.
    """
    best = None
    for article in articles:
        if not article.dateline:
            continue
        month, day = article.dateline
        for candidate_year in (year,) if year else (today.year, today.year - 1):
            try:
                date = datetime.date(candidate_year, month, day)
            except ValueError:
                continue
            if year or date <= today:
                best = max(best, date) if best else date
                break
    return best
