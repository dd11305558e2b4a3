"""The active filters of the article list as chips, each a link that removes it alone.

A chip's link keeps every other filter and drops the cursor (``after``/``before``):
the reader starts again at the newest match of the wider set.
"""

import datetime
from dataclasses import dataclass

from django.http import QueryDict

from newsletter.models import Region

from .models import Article, Topic

CURSOR_PARAMETERS = ("after", "before", "page")
KINDS = dict(Article.Kind.choices)


@dataclass(frozen=True)
class Chip:
    label: str  # 地区
    text: str  # 绍兴
    url: str  # the list without it


def value_text(name: str, value) -> str:
    if isinstance(value, Region):
        return value.short_name or value.name
    if isinstance(value, Topic):
        return value.name
    if name == "kind":
        return KINDS.get(value, value)
    if name == "q":
        return f"“{value}”"
    if isinstance(value, datetime.date):
        when = f"{value.year}年{value.month}月{value.day}日"
        return f"{when}起" if name == "date_from" else f"{when}止"
    return str(value)


def active_chips(filterset, query: QueryDict, path: str) -> list[Chip]:
    """A chip per filter the reader set, in the form's order (none for an invalid form)."""
    if not filterset.is_bound or not filterset.form.is_valid():
        return []
    chips = []
    for name, value in filterset.form.cleaned_data.items():
        if value in (None, ""):
            continue
        rest = query.copy()
        for parameter in (name, *CURSOR_PARAMETERS):
            rest.pop(parameter, None)
        chips.append(
            Chip(
                label=filterset.form.fields[name].label,
                text=value_text(name, value),
                url=f"{path}?{rest.urlencode()}" if rest else path,
            )
        )
    return chips
