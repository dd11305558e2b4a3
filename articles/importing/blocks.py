"""A page's text as blocks: its non-blank lines, cleaned, with their line numbers.

A page holds one paragraph (or heading, or byline) a line, with blank lines
between paragraphs; a printed column break shows as a blank line inside a
paragraph, which the classifier mends, so blank lines carry no meaning here.
"""

import re
from dataclasses import dataclass

from .cleaning import fix_punctuation, normalise_line
from .parsed import Repair

# A line of rules and stars only: ——————, ------, * * *, ＝＝＝, ～～～.
_DIVIDER = re.compile(r"[—–─━\-－_＿=＝*＊~～·• ]{3,}")


@dataclass(frozen=True)
class Block:
    line: int  # 1-based
    text: str


def split_blocks(text: str) -> list[Block]:
    """The page's lines that carry text; divider rules (——————, * * *) carry none."""
    blocks = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = normalise_line(raw)
        if line and not _DIVIDER.fullmatch(line):
            blocks.append(Block(number, line))
    return blocks


def fix_block_punctuation(blocks: list[Block]) -> tuple[list[Block], list[Repair]]:
    """Blocks with Chinese punctuation made full-width, and one repair per changed line."""
    fixed, repairs = [], []
    for block in blocks:
        text = fix_punctuation(block.text)
        if text != block.text:
            repairs.append(Repair(block.line, "punctuation", block.text, text))
        fixed.append(Block(block.line, text))
    return fixed, repairs
