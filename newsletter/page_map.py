"""版面示意: a small map of a printed page, one block per item in print order.

Built from what we have (no page images): each block's height follows the
length of the item's text, the lead story (头条) spans the page's width, as
on the printed page. Sizes are classes (the CSP allows no inline style).
"""

from dataclasses import dataclass

from articles.models import Article

# Body lengths (characters) at which a block grows a step; a brief is 1, a long
# feature 6: the map stays readable whatever the page holds.
SIZE_STEPS = (300, 700, 1200, 1800, 2600)


@dataclass(frozen=True)
class MapBlock:
    title: str
    url: str
    length: int
    size: int
    lead: bool
    current: bool
    kind_label: str


def block_size(length: int) -> int:
    return 1 + sum(1 for step in SIZE_STEPS if length >= step)


def kind_label(article: Article, *, lead: bool) -> str:
    """头条 for the lead, the kind of a photo or a brief, nothing for other articles."""
    if lead:
        return "头条"
    return "" if article.kind == Article.Kind.ARTICLE else article.get_kind_display()


def page_map(articles, *, current_pk: int | None = None) -> list[MapBlock]:
    """Blocks for a page's items (teasers left out: they point elsewhere).

    ``articles`` are in print order and carry ``length`` (``Length("body")``).
    """
    blocks = []
    lead_found = False
    for article in articles:
        if article.kind == Article.Kind.TEASER:
            continue
        lead = not lead_found and article.kind == Article.Kind.ARTICLE
        lead_found = lead_found or lead
        length = article.length or 0
        blocks.append(
            MapBlock(
                title=article.title,
                url=article.get_absolute_url(),
                length=length,
                size=block_size(length),
                lead=lead,
                current=article.pk == current_pk,
                kind_label=kind_label(article, lead=lead),
            )
        )
    return blocks
