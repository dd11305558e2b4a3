"""A page file's bytes → ParsedPage: decode, clean, split, classify, then enrich."""

import hashlib

from .blocks import fix_block_punctuation, split_blocks
from .classifying import classify
from .decoding import decode
from .enriching import enrich_article
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
    masthead, articles, repairs = parse_text(text, keep_punctuation=keep_punctuation)
    if gazetteer is not None:
        articles = tuple(
            enrich_article(article, gazetteer=gazetteer, vocabulary=vocabulary)
            for article in articles
        )
    return ParsedPage(
        masthead=masthead,
        articles=articles,
        repairs=repairs,
        encoding=detected,
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def parse_text(
    text: str, *, keep_punctuation: bool = False
) -> tuple[str, tuple[ParsedArticle, ...], tuple[Repair, ...]]:
    """(masthead, articles, repairs in line order) of a decoded page, without enrichment."""
    blocks = split_blocks(text)
    repairs: list[Repair] = []
    if not keep_punctuation:
        blocks, repairs = fix_block_punctuation(blocks)
    masthead, articles, joins = classify(blocks)
    return masthead, tuple(articles), tuple(sorted(repairs + joins, key=lambda r: r.line))
