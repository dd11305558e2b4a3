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


def tag(text: str, *, guess_unknown: bool = True) -> list[tuple[str, str]]:
    """(word, part-of-speech flag) pairs; person names are flagged "nr".

    ``guess_unknown`` runs jieba's HMM, which finds words its dictionary lacks
    (most personal names) and costs most of the time; dictionary words alone
    are enough to tell where a known place name starts.
    """
    return [(pair.word, pair.flag) for pair in _tokenizer().cut(text, HMM=guess_unknown)]


def dictionary_frequency(word: str) -> int:
    """How common jieba's dictionary says the word is: 宁波 538, 兰兰 8; 0 if absent."""
    return _tokenizer().tokenizer.FREQ.get(word) or 0
