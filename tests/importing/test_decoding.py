"""decode(): every accepted encoding gives the same clean text; doubtful input is refused."""

import codecs
import random
from pathlib import Path

import pytest

from articles.importing.decoding import decode
from articles.importing.parsed import ParseError

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_05b83c2a48b8b92d.txt"
TEXT = SEED.read_text(encoding="utf-8")

TRADITIONAL = (
    "兩岸青年交流活動日前在杭州舉行，來自臺灣的四十多名大學生走進西湖邊的茶園，"
    "體驗採茶、炒茶等傳統技藝。「這是我第一次來浙江，這裡的風景和人情味都讓我印象深刻。」"
    "一位來自臺中的學生說。主辦單位表示，將持續擴大兩岸民間交流，為青年搭建認識彼此的平臺。\n"
)


def _with_junk(text: str) -> str:
    """text with zero-width characters and control characters sprinkled in."""
    junk = "\u200b\u200c\u200d\u2060\ufeff\x00\x07\x85\x0c"
    lines = text.split("\n")
    for n, i in enumerate(range(3, len(lines), 7)):
        lines[i] = lines[i][:5] + junk[n % len(junk)] + lines[i][5:]
    return "\n".join(lines)


def test_seed_is_clean_utf8():
    assert "\r" not in TEXT and "\ufeff" not in TEXT
    assert decode(TEXT.encode("utf-8")) == (TEXT, "utf-8")


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
        (TEXT.replace("\n", "\r").encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.replace("\n", "\r\n").encode("utf-16-le"), "utf-16"),
        (TEXT.replace("\n", "\r\n").encode("gb18030"), "gb18030"),
        (_with_junk(TEXT).encode("utf-8"), "utf-8"),
        (_with_junk(TEXT).replace("\n", "\r\n").encode("gb18030"), "gb18030"),
    ],
    ids=[
        "utf-8-sig",
        "utf-16-le",
        "utf-16-be",
        "gb18030",
        "crlf",
        "cr",
        "utf-16-crlf",
        "gb18030-crlf",
        "junk",
        "gb18030-junk",
    ],
)
def test_every_encoding_gives_the_same_text(raw, name):
    assert decode(raw) == (TEXT, name)


def test_full_width_characters_are_kept_as_they_are():
    text = "\u3000\u3000“全角”，ＡＩ＋１２％\t—…·\n"
    assert decode(text.encode("utf-8")) == (text, "utf-8")
    assert decode(text.encode("gb18030"), encoding="gb18030") == (text, "gb18030")


def test_traditional_big5_is_detected():
    assert decode(TRADITIONAL.encode("big5")) == (TRADITIONAL, "big5")
    assert decode(TRADITIONAL.replace("\n", "\r\n").encode("big5")) == (TRADITIONAL, "big5")


def test_big5_as_windows_writes_it():
    # 裏 exists only in cp950, the Big5 that Windows writes.
    text = TRADITIONAL + "這裏的村民說。\n"
    assert decode(text.encode("cp950")) == (text, "big5")


def _pieces(text: str, step: int):
    for size in (1, 2, 3, 5, 8, 13, 21, 34, 55):
        for start in range(0, len(text) - size, step):
            yield text[start : start + size]


@pytest.mark.parametrize(
    ("text", "encoding", "step"),
    [(TEXT, "gb18030", 7), (TEXT, "utf-8", 7), (TRADITIONAL, "big5", 1)],
    ids=["gb18030", "utf-8", "big5"],
)
def test_pieces_decode_right_or_not_at_all(text, encoding, step):
    """Short bytes are often valid in several codecs: never return the wrong reading."""
    for piece in _pieces(text, step):
        raw = piece.encode(encoding)
        if raw.isascii():
            continue
        try:
            result = decode(raw)
        except ParseError:
            assert len(piece) < 34, piece  # only short pieces may be refused
            continue
        assert result == (piece, encoding)


def test_whole_texts_are_never_mistaken():
    # GB bytes are not valid Big5; Big5 bytes are valid GB18030, as garbage.
    with pytest.raises(UnicodeDecodeError):
        TEXT.encode("gb18030").decode("big5")
    assert TRADITIONAL.encode("big5").decode("gb18030") != TRADITIONAL
    assert decode(TEXT.encode("gb18030"))[1] == "gb18030"
    assert decode(TRADITIONAL.encode("big5"))[1] == "big5"


@pytest.mark.parametrize(
    ("text", "encoding"), [("你好", "gb18030"), ("中", "big5"), ("大學", "big5")]
)
def test_short_ambiguous_input_is_refused_not_guessed(text, encoding):
    raw = text.encode(encoding)
    with pytest.raises(ParseError, match="--encoding"):
        decode(raw)
    assert decode(raw, encoding=encoding) == (text, encoding)


@pytest.mark.parametrize(
    ("raw", "encoding", "name"),
    [
        (TEXT.encode("gb18030"), "gbk", "gb18030"),
        (TEXT.encode("gb18030"), "GB2312", "gb18030"),
        (TEXT.encode("gb18030"), "GB18030", "gb18030"),
        (TEXT.encode("utf-8"), "utf8", "utf-8"),
        (TEXT.encode("utf-8"), "UTF-8", "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", "utf-8"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16", "utf-16"),
    ],
)
def test_forced_encoding(raw, encoding, name):
    assert decode(raw, encoding=encoding) == (TEXT, name)


def test_forced_big5_and_gbk_beyond_gbk():
    assert decode(TRADITIONAL.encode("big5"), encoding="Big5") == (TRADITIONAL, "big5")
    # 䶮 and 𠮷 are GB18030 only; a plain gbk codec would reject them.
    text = "刘䶮与𠮷野家\n"
    assert decode(text.encode("gb18030"), encoding="gbk") == (text, "gb18030")


def test_forced_encoding_that_does_not_fit_names_the_offset():
    raw = TEXT.encode("gb18030")
    offset = next(i for i, byte in enumerate(raw) if byte > 0x7F)
    with pytest.raises(ParseError, match=f"字节偏移 {offset} 处"):
        decode(raw, encoding="utf-8")


@pytest.mark.parametrize("encoding", ["latin-1", "shift_jis", "no-such-codec"])
def test_unsupported_encoding_is_refused(encoding):
    with pytest.raises(ParseError, match="不支持的编码"):
        decode(b"abc", encoding=encoding)


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"  \r\n\t\n",
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE,
        "\u3000\n\u200b\n".encode("utf-8"),
        codecs.BOM_UTF16_BE + " \n".encode("utf-16-be"),
    ],
    ids=["nothing", "whitespace", "utf-8-bom", "utf-16-bom", "invisible", "utf-16-space"],
)
def test_empty_file(raw):
    with pytest.raises(ParseError, match=r"^文件为空$"):
        decode(raw)


PNG_HEADER = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
)


@pytest.mark.parametrize(
    "raw",
    [
        PNG_HEADER,
        b"\x00" * 64,
        "正文\x00\x00\x00\x00\x00".encode(),
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)),
        random.Random(0).randbytes(4096),
        codecs.BOM_UTF16_LE + "".join(map(chr, range(32))).encode("utf-16-le") * 2,
    ],
    ids=["png", "nuls", "text-then-nuls", "docx", "random", "utf-16-controls"],
)
def test_binary_file_is_not_text(raw):
    with pytest.raises(ParseError, match="不是文本文件"):
        decode(raw)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"abc\x80\x80def", "无法确定文件编码"),
        (codecs.BOM_UTF8 + b"abc\xff", "utf-8-sig 编码：字节偏移 6 处"),
        (codecs.BOM_UTF16_LE + b"a\x00\x00\xd8a\x00", "utf-16 编码：字节偏移 4 处"),
    ],
    ids=["no-codec-fits", "broken-utf-8-after-bom", "lone-surrogate"],
)
def test_undecodable_bytes(raw, message):
    with pytest.raises(ParseError, match=message):
        decode(raw)


def test_messages_are_one_line():
    for raw in (b"", PNG_HEADER, "你好".encode("gb18030"), b"abc\x80"):
        with pytest.raises(ParseError) as error:
            decode(raw)
        assert "\n" not in str(error.value)


@pytest.mark.parametrize("name", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_in_the_byte_order_its_nuls_show(name):
    assert decode(TEXT.encode(name)) == (TEXT, name)
    assert decode(TEXT.encode(name), encoding=name) == (TEXT, name)


@pytest.mark.parametrize("name", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_that_does_not_decode_names_utf16_and_the_option(name):
    raw = TEXT.encode(name)
    surrogate = "\ud800".encode(name, "surrogatepass")  # a high surrogate with no low one
    broken = raw[:100] + surrogate + raw[100:]
    with pytest.raises(ParseError, match=r"UTF-16.*--encoding utf-16-le"):
        decode(broken)


def test_utf16_shaped_nuls_around_controls_are_still_not_text():
    raw = "".join(map(chr, range(1, 32))).encode("utf-16-le") * 2
    with pytest.raises(ParseError, match="不是文本文件"):
        decode(raw)
