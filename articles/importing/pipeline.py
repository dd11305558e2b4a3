"""A page file's bytes → ParsedPage: decode, clean, split, classify, then enrich."""

import hashlib

from .blocks import Block, fix_block_punctuation, split_blocks
from .classifying import classify
from .decoding import decode
from .enriching import borrow_page_regions, enrich_article
from .gazetteer import Gazetteer
from .parsed import ParsedArticle, ParsedPage, Repair
from .vocabulary import Vocabulary


def parse_page(
    raw: bytes,
    *,
    encoding: str | None = None,
    keep_punctuation: bool = False,
    gazetteer: Gazetteer | None = None,
    vocabulary: Vocabulary | None = None,
) -> ParsedPage:
    """The page's structure; with a gazetteer, also its people, regions and topics."""
    text, detected = decode(raw, encoding=encoding)
    blocks, repairs = _blocks(text, keep_punctuation)
    page = classify(blocks)
    articles = tuple(page.articles)
    if gazetteer is not None:
        articles = borrow_page_regions(
            tuple(
                enrich_article(article, gazetteer=gazetteer, vocabulary=vocabulary)
                for article in articles
            ),
            gazetteer,
        )
    close_calls = [*page.close_calls, *(c for a in articles for c in a.close_calls)]
    return ParsedPage(
        masthead=page.masthead,
        articles=articles,
        repairs=_in_line_order(repairs + page.repairs),
        encoding=detected,
        sha256=hashlib.sha256(raw).hexdigest(),
        close_calls=tuple(sorted(close_calls, key=lambda c: c.line)),
    )


def parse_text(
    text: str, *, keep_punctuation: bool = False
) -> tuple[str, tuple[ParsedArticle, ...], tuple[Repair, ...]]:
    """(masthead, articles, repairs in line order) of a decoded page, without enrichment."""
    blocks, repairs = _blocks(text, keep_punctuation)
    page = classify(blocks)
    return page.masthead, tuple(page.articles), _in_line_order(repairs + page.repairs)


def _blocks(text: str, keep_punctuation: bool) -> tuple[list[Block], list[Repair]]:
    blocks = split_blocks(text)
    return (blocks, []) if keep_punctuation else fix_block_punctuation(blocks)


def _in_line_order(repairs: list[Repair]) -> tuple[Repair, ...]:
    return tuple(sorted(repairs, key=lambda r: r.line))
