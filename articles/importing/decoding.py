"""Turn an uploaded page file's bytes into clean text, detecting its encoding.

BOM-marked files are unambiguous. Otherwise the file is UTF-8, GB18030 (GBK,
GB2312) or Big5; bytes in one often decode without error under another into
garbage, so the readings are compared by how many of their characters are
common ones, and when none is clearly right we refuse rather than guess.
"""

import codecs
import functools
import re

from articles.importing.parsed import ParseError

SUPPORTED = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "big5")
# GB18030 is a superset of GBK and GB2312, and decodes characters (䶮, 𠮷,
# emoji) that Python's gbk codec rejects.
_ALIASES = {"gbk": "gb18030", "gb2312": "gb18030", "cp950": "big5"}
# cp950 is what Windows actually writes as "Big5": a superset with a few extra
# characters (碁, 銹, 裏 ...) that the strict big5 codec rejects. The UTF-8 BOM
# goes with the other zero-width characters, so error offsets count from the
# file's first byte (utf-8-sig counts from after the BOM).
_CODECS = {"big5": "cp950", "utf-8-sig": "utf-8"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# UTF-16 without a BOM: its ASCII characters (newlines, digits, commas) are a
# NUL beside a printable byte, on one side; most of its NULs are in such pairs (the
# others are in U+3000 and 一 U+4E00: 12% on the seed page). Binary data has few.
_UTF16_ASCII_SHARE = 0.75

# Share of control characters above which a file is treated as binary; a few
# stray NULs in real text are tolerated (and removed).
_BINARY_SHARE = 0.01
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# Controls other than \n and \t, and zero-width characters: never stored.
_INVISIBLE = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f{_ZERO_WIDTH}]")

# Real text has almost no characters outside the common set (0.2% on the seed
# page); garbage from the wrong codec about 50% (GB read as Big5) to 70%.
_MAX_UNCOMMON_SHARE = 0.1
_MIN_WRONG_SHARE = 0.3
_MIN_WRONG_COUNT = 2

_EMPTY = "文件为空"
_NOT_TEXT = "这不是文本文件（可能是图片、PDF 或 Word 文档），请另存为纯文本 .txt 后再导入"
_UNSURE = "无法确定文件编码，请用 --encoding 指定（如 gb18030、big5、utf-16-le）"
_UTF16_UNSURE = (
    "文件像是没有 BOM 的 UTF-16 编码，但无法可靠解码，"
    "请用 --encoding utf-16-le（或 utf-16-be）指定，或另存为 UTF-8"
)


def decode(raw: bytes, *, encoding: str | None = None) -> tuple[str, str]:
    """Return (clean text, encoding name); raise ParseError on anything doubtful."""
    if encoding is None:
        name, text = _detect(raw)
    else:
        name = _canonical(encoding)
        text = _strict(raw, name)
    if _looks_binary(text):
        raise ParseError(_NOT_TEXT)
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ParseError(_EMPTY)
    return text, name


def _canonical(encoding: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        name = encoding
    name = _ALIASES.get(name, name)
    if name not in SUPPORTED:
        raise ParseError(
            f"不支持的编码“{encoding}”，可用 utf-8、utf-16、utf-16-le、utf-16-be、gb18030、big5"
        )
    return name


def _strict(raw: bytes, name: str) -> str:
    try:
        return raw.decode(_CODECS.get(name, name))
    except UnicodeDecodeError as e:
        raise ParseError(f"文件不是有效的 {name} 编码：字节偏移 {e.start} 处无法解码") from None


def _detect(raw: bytes) -> tuple[str, str]:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name, _strict(raw, name)
    if (utf16 := _utf16_byte_order(raw)) is not None:
        return utf16, _utf16(raw, utf16)
    # Multi-byte codes other than UTF-16 never use bytes below 0x20, so
    # control bytes seen through latin-1 are control characters in any reading.
    if _looks_binary(raw.decode("latin-1")):
        raise ParseError(_NOT_TEXT)
    if raw.isascii():
        return "utf-8", raw.decode("ascii")
    # Each codec turns some of the others' bytes into text without error (GB
    # 一 is D2 BB, UTF-8 for Cyrillic һ; nearly all Big5 is valid GB18030), so
    # a reading is taken only when it alone is plausible.
    readings = {}
    for name in ("utf-8", "gb18030", "big5"):
        try:
            readings[name] = raw.decode(_CODECS.get(name, name))
        except UnicodeDecodeError:
            continue
    counts = {name: _uncommon(text) for name, text in readings.items()}
    plausible = [name for name in counts if _plausible(*counts[name])]
    if len(plausible) != 1:
        raise ParseError(_UNSURE)
    best = plausible[0]
    # Accidental UTF-8 reads as Latin, Cyrillic or control soup, so plausible
    # UTF-8 needs no more; a legacy reading needs every other to be garbage.
    if best == "utf-8" or all(
        bad >= _MIN_WRONG_COUNT and bad >= _MIN_WRONG_SHARE * total
        for name, (bad, total) in counts.items()
        if name != best
    ):
        return best, readings[best]
    raise ParseError(_UNSURE)


def _utf16_byte_order(raw: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when raw's NULs look like UTF-16's; else None."""
    if len(raw) % 2 or not _looks_binary(raw.decode("latin-1")):
        return None  # few NULs: read as other text (or refused as unsure)
    units = list(zip(raw[0::2], raw[1::2], strict=True))
    with_nul = sum(1 for unit in units if 0 in unit)
    little = sum(1 for low, high in units if high == 0 and 9 <= low < 0x7F)
    big = sum(1 for high, low in units if high == 0 and 9 <= low < 0x7F)
    if little >= _UTF16_ASCII_SHARE * with_nul:
        return "utf-16-le"  # ASCII "a" is 61 00
    if big >= _UTF16_ASCII_SHARE * with_nul:
        return "utf-16-be"
    return None


def _utf16(raw: bytes, name: str) -> str:
    """raw in the byte order its NULs suggest, if that gives plausible text."""
    try:
        text = raw.decode(name)
    except UnicodeDecodeError:
        raise ParseError(_UTF16_UNSURE) from None
    if _looks_binary(text):
        raise ParseError(_NOT_TEXT)
    if not _plausible(*_uncommon(text)):
        raise ParseError(_UTF16_UNSURE)
    return text


def _looks_binary(text: str) -> bool:
    return len(_BINARY_CONTROLS.findall(text)) > _BINARY_SHARE * len(text)


def _plausible(bad: int, total: int) -> bool:
    return bad <= _MAX_UNCOMMON_SHARE * total


def _uncommon(text: str) -> tuple[int, int]:
    """(uncommon, all) visible non-ASCII characters of text."""
    common = _common_chars()
    wide = [ch for ch in text if not (ch.isascii() or ch.isspace() or ch in _ZERO_WIDTH)]
    return sum(ch not in common for ch in wide), len(wide)


@functools.cache
def _common_chars() -> frozenset[str]:
    """The frequently used hanzi of both scripts, plus CJK punctuation.

    GB2312 level 1 (B0A1-D7F9, 3755 simplified characters) and the Big5
    frequently-used block (A440-C67E, 5401 traditional characters) are taken
    from the codecs themselves, so no word list has to be shipped.
    """
    # Not the middle dot U+00B7: it is also what UTF-8 makes of GB 路 (C2 B7).
    chars = set("\u2014\u2018\u2019\u201c\u201d\u2026")
    chars.update(map(chr, range(0x3000, 0x3040)), map(chr, range(0xFF01, 0xFF5F)))
    for codec, first, last in (("gb2312", 0xB0A1, 0xD7F9), ("big5", 0xA440, 0xC67E)):
        for code in range(first, last + 1):
            try:
                chars.add(code.to_bytes(2, "big").decode(codec))
            except UnicodeDecodeError:
                continue  # not a valid byte pair in that block
    return frozenset(chars)
