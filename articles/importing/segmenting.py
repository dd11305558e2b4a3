"""Word segmentation and part-of-speech tags (jieba), loaded once on first use."""

import logging
from functools import cache

import jieba
import jieba.posseg


@cache
def _tokenizer() -> jieba.posseg.POSTokenizer:
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.posseg.dt


def tag(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech flag) pairs; person names are flagged "nr"."""
    return [(pair.word, pair.flag) for pair in _tokenizer().cut(text)]
