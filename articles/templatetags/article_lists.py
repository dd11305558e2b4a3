"""``{% article_items %}``: a list page's articles, built in Python.

Twenty articles with their places and topics cost the template engine some
750 variable look-ups, most of a list page's time; this builds the same
markup with ``format_html`` (everything escaped) in a fraction of it.
"""

from django import template
from django.template.defaultfilters import truncatechars
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def article_items(articles, *, empty: str, show_excerpt=False, show_credits=False) -> SafeString:
    """Each article: kicker, linked title, subtitle, date · page · kind · places, then the
    reader's excerpt or the person's credits, then topics; ``empty`` when there are none."""
    if not articles:
        return format_html('<p class="empty">{}</p>', empty)
    return mark_safe(
        "".join(_item(a, show_excerpt=show_excerpt, show_credits=show_credits) for a in articles)
    )


def _item(article, *, show_excerpt: bool, show_credits: bool) -> str:
    page, date = article.page, article.issue_date
    parts = [
        format_html('<p class="kicker">{}</p>', article.kicker) if article.kicker else "",
        format_html(
            '<h3 class="item-title"><a href="{}">{}</a></h3>',
            article.get_absolute_url(),
            article.title,
        ),
        format_html('<p class="subtitle">{}</p>', article.subtitle) if article.subtitle else "",
        format_html(
            '<p class="meta"><time datetime="{}">{}</time> · <a href="{}">{}</a>{}{}</p>',
            date.isoformat(),
            f"{date.year}年{date.month}月{date.day}日",
            page.get_absolute_url(),
            f"第{page.number}版 {page.section}".strip(),
            "" if article.kind == "article" else f" · {article.get_kind_display()}",
            _places(article),
        ),
    ]
    if show_credits and getattr(article, "person_credits", None):
        parts.append(
            format_html('<p class="credit-note">文中身份：{}</p>', _credits(article.person_credits))
        )
    if show_excerpt and (paragraphs := article.paragraphs):
        parts.append(format_html('<p class="excerpt">{}</p>', truncatechars(paragraphs[0], 90)))
    if topics := list(article.topics.all()):
        parts.append(
            format_html(
                '<ul class="tags" aria-label="专题">{}</ul>',
                format_html_join(
                    "",
                    '<li><a href="{}">{}</a></li>',
                    ((t.get_absolute_url(), t.name) for t in topics),
                ),
            )
        )
    return format_html('<article class="item">{}</article>', mark_safe("".join(parts)))


def _places(article) -> SafeString:
    links = format_html_join(
        "、",
        '<a href="{}">{}</a>',
        (
            (ar.region.get_absolute_url(), ar.region.short_name)
            for ar in article.article_regions.all()
        ),
    )
    return format_html(" · {}", links) if links else mark_safe("")


def _credits(credits) -> str:
    """How the person appears in the article: their title there, or their byline role."""
    labels = []
    for credit in credits:
        if credit.role == "mentioned":
            labels.append(credit.title or "文中人物")
        else:
            role = credit.get_role_display()
            labels.append(f"{role}({credit.title})" if credit.title else role)
    return ";".join(labels)
