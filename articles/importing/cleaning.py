"""Line clean-up: whitespace, full-width forms, and half-width punctuation in Chinese text."""

import re

# Any run of spaces, tabs, ideographic spaces (U+3000) and no-break spaces.
_WHITESPACE = re.compile(r"[\s\u3000\u00a0]+")

# Full-width ASCII forms (！ … ～) map one to one onto ASCII, so offsets survive folding.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}

# Characters that make a neighbouring mark part of Chinese text: Han, CJK
# punctuation (、。《》【】), curly quotes, ellipsis, dashes and full-width forms.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\u3001-\u303f\u2018\u2019\u201c\u201d\u2026\u2014\uff01-\uff5e"
_IS_CJK = re.compile(f"[{_CJK}]")

_MARKS = str.maketrans(",;:?!()", "，；：？！（）")
# A run of marks with its surrounding spaces, which full-width marks make redundant.
_MARK_RUN = re.compile(r" *([,;:?!]+) *")
_PAREN_PAIR = re.compile(r"\(([^()\n]*)\)")
_LONE_PAREN = re.compile(r"[()]")
# A full stop after Chinese, not inside a number or an ASCII word: 参加. / 手中.”
_CHINESE_FULL_STOP = re.compile(r"(?<=[\u4e00-\u9fff\u201d\u2019\uff09）]) ?\.(?![A-Za-z0-9_.])")


def normalise_line(line: str) -> str:
    """The line without indents or trailing space, each inner run of space made one space."""
    return _WHITESPACE.sub(" ", line).strip()


def fold_width(text: str) -> str:
    """Full-width ASCII forms as ASCII (＞＞＞２版 → >>>2版), for matching markers only."""
    return text.translate(_FULL_WIDTH)


def fix_punctuation(text: str) -> str:
    """Half-width , ; : ? ! ( ) . and straight quotes in Chinese text made full-width.

    A mark is Chinese when a neighbour is; 12.7%, 1,000 and 10:30 sit between
    digits and ASCII words have ASCII neighbours, so they stay as they are. A
    full stop is Chinese after a Chinese character (参加. → 参加。); straight
    quotes in a line with Chinese become curly ones, opening and closing in
    turn, when they pair up.
    """
    text = _MARK_RUN.sub(_fix_mark_run, text)
    text = _PAREN_PAIR.sub(_fix_paren_pair, text)
    text = _LONE_PAREN.sub(_fix_lone_paren, text)
    text = _CHINESE_FULL_STOP.sub("。", text)
    return _curl_quotes(_curl_quotes(text, '"', "“”"), "'", "‘’")


def _fix_mark_run(match: re.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    if _IS_CJK.match(text[start - 1 : start]) or _IS_CJK.match(text[end : end + 1]):
        return match.group(1).translate(_MARKS)
    return match.group(0)


def _fix_paren_pair(match: re.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    around = text[start - 1 : start] + match.group(1) + text[end : end + 1]
    if _IS_CJK.search(around):
        return match.group(0).translate(_MARKS)
    return match.group(0)


def _fix_lone_paren(match: re.Match) -> str:
    text, start = match.string, match.start()
    if _IS_CJK.match(text[start - 1 : start]) or _IS_CJK.match(text[start + 1 : start + 2]):
        return match.group(0).translate(_MARKS)
    return match.group(0)


def _curl_quotes(text: str, straight: str, curly: str) -> str:
    if straight not in text or not _IS_CJK.search(text) or text.count(straight) % 2:
        return text
    parts = text.split(straight)
    return "".join(
        part + (curly[i % 2] if i < len(parts) - 1 else "") for i, part in enumerate(parts)
    )
