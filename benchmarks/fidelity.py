"""How faithfully the importer reads printed pages: its output scored against answer keys.

    .venv/bin/python benchmarks/fidelity.py              # the table per field and per page
    .venv/bin/python benchmarks/fidelity.py -v           # and every mismatch
    .venv/bin/python benchmarks/fidelity.py --page lishui_p1
    .venv/bin/python benchmarks/fidelity.py --write-ratchet   # after an improvement, or a new page

Each `tests/pages/fidelity/<name>.key.toml` is what a careful editor would
store for the page `<name>.txt` beside it (or the file its `page` names):
per article its kind, heading, source, bylines, titled people, primary
region, paragraph count and first and last sentence, and per page the
fragments a column break split that must read whole. The pure pipeline
parses each page with the gazetteer read from the CSV data, no database.

Articles are paired with the key's in print order by their title and first
sentence; a field then counts as found (precision: of what the parser
produced) and as recalled (of what the key holds). The ratchet file keeps
the F1 reached per field and per page; tests/importing/test_fidelity.py
fails when any falls below it.
"""

import argparse
import dataclasses
import difflib
import re
import sys
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.importing.datafiles import read_gazetteer  # noqa: E402
from articles.importing.gazetteer import Gazetteer  # noqa: E402
from articles.importing.parsed import ParsedArticle, ParsedPage, ParseError  # noqa: E402
from articles.importing.pipeline import parse_page  # noqa: E402

CORPUS = ROOT / "tests/pages/fidelity"
RATCHET = CORPUS / "ratchet.toml"

# Field names in print order, with what each counts.
FIELDS = {
    "articles": "items found (paired with the key's)",
    "title": "titles exact",
    "heading": "kicker, title and subtitle all exact",
    "kind": "article / brief / photo / teaser",
    "source": "source and whether a reprint",
    "bylines": "credits: role, title as printed, name",
    "people": "people: name and role (reporter, correspondent, mentioned)",
    "people_titles": "mentioned people: name and title as written",
    "region": "primary region",
    "paragraphs": "paragraph count",
    "first": "first sentence",
    "last": "last sentence",
    "teaser": "teaser's page and section",
    "joins": "column breaks repaired (fragments read whole)",
    "masthead": "masthead",
}
_SENTENCE = re.compile(r".*?(?:[。！？]+|……)[”’」』]*|.+$")
_MIN_PAIRING = 0.5


@dataclasses.dataclass
class Tally:
    """found: the parser's items that match the key; produced / expected: all of each side's."""

    found: int = 0
    produced: int = 0
    expected: int = 0

    def add(self, other: "Tally") -> None:
        self.found += other.found
        self.produced += other.produced
        self.expected += other.expected

    @property
    def precision(self) -> float:
        return self.found / self.produced if self.produced else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclasses.dataclass
class PageScore:
    name: str
    tallies: dict[str, Tally]
    mismatches: list[str]

    @property
    def f1(self) -> float:
        """The mean F1 over the fields the page's key has items for."""
        scored = [t.f1 for t in self.tallies.values() if t.expected or t.produced]
        return sum(scored) / len(scored)


def key_paths() -> list[Path]:
    return sorted(CORPUS.glob("*.key.toml"))


@cache
def gazetteer() -> Gazetteer:
    return read_gazetteer()


def page_name(key_path: Path) -> str:
    return key_path.name.removesuffix(".key.toml")


def score_page(key_path: Path) -> PageScore:
    key = tomllib.loads(key_path.read_text(encoding="utf-8"))
    text_path = key_path.parent / key.get("page", page_name(key_path) + ".txt")
    try:
        page = parse_page(text_path.read_bytes(), gazetteer=gazetteer())
    except ParseError as error:  # a page refused scores nothing, and says why
        page = ParsedPage("", (), (), "", "")
        scored = _Scorer(page_name(key_path), key, page).score()
        scored.mismatches.insert(0, f"{page_name(key_path)} 导入失败：{error}")
        return scored
    return _Scorer(page_name(key_path), key, page).score()


def score_corpus(paths: list[Path] | None = None) -> tuple[dict[str, Tally], list[PageScore]]:
    pages = [score_page(path) for path in paths or key_paths()]
    totals = {field: Tally() for field in FIELDS}
    for page in pages:
        for field, tally in page.tallies.items():
            totals[field].add(tally)
    return totals, pages


def sentences(paragraphs: tuple[str, ...]) -> list[str]:
    return [s for p in paragraphs for s in _SENTENCE.findall(p) if s]


class _Scorer:
    def __init__(self, name: str, key: dict, page: ParsedPage):
        self.name, self.key, self.page = name, key, page
        self.tallies = {field: Tally() for field in FIELDS}
        self.mismatches: list[str] = []

    def score(self) -> PageScore:
        expected, produced = self.key.get("articles", []), list(self.page.articles)
        pairs = _pair(expected, produced)
        paired = {j for _, j in pairs}
        self._count("articles", len(pairs), len(produced), len(expected))
        for i, j in pairs:
            self._compare(expected[i], produced[j])
        for i in sorted(set(range(len(expected))) - {i for i, _ in pairs}):
            self._miss(expected[i])
        for j in sorted(set(range(len(produced))) - paired):
            self._extra(produced[j])
        self._joins()
        self._field("masthead", self.key.get("masthead", ""), self.page.masthead, "版头")
        return PageScore(self.name, self.tallies, self.mismatches)

    def _count(self, field: str, found: int, produced: int, expected: int) -> None:
        self.tallies[field].add(Tally(found, produced, expected))

    def _field(self, field: str, want, got, where: str) -> None:
        self._count(field, int(want == got), 1, 1)
        if want != got:
            self.mismatches.append(f"{self.name} {where} {field}: 应为 {want!r}，实为 {got!r}")

    def _compare(self, want: dict, got: ParsedArticle) -> None:
        where = f"《{want['title']}》"
        self._field("title", want["title"], got.title, where)
        self._field("heading", _heading(want), (got.kicker, got.title, got.subtitle), where)
        self._field("kind", want["kind"], got.kind, where)
        if want["kind"] == "teaser":
            wanted = tuple(want.get("teaser", (None, "")))
            self._field("teaser", wanted, (got.teaser_page, got.teaser_section), where)
            return
        self._field("source", _source(want), (got.source, got.is_reprint), where)
        self._field("region", self._region_code(want["region"]), _region(got), where)
        self._field("paragraphs", want["paragraphs"], len(got.paragraphs), where)
        found = sentences(got.paragraphs)
        self._field("first", want["first"], found[0] if found else "", where)
        self._field("last", want["last"], found[-1] if found else "", where)
        self._items("bylines", _key_bylines(want), _bylines(got), where)
        self._items("people", _key_people(want), _people(got), where)
        self._items("people_titles", _key_titles(want), _titles(got), where)

    def _items(self, field: str, want: Counter, got: Counter, where: str) -> None:
        self._count(field, sum((want & got).values()), got.total(), want.total())
        for item in want - got:
            self.mismatches.append(f"{self.name} {where} {field} 缺少 {item}")
        for item in got - want:
            self.mismatches.append(f"{self.name} {where} {field} 多出 {item}")

    def _miss(self, want: dict) -> None:
        """A key article the parser did not produce: each of its fields is missed."""
        self.mismatches.append(f"{self.name} 未识别的文章《{want['title']}》")
        for field in ("title", "heading", "kind"):
            self._count(field, 0, 0, 1)
        if want["kind"] == "teaser":
            self._count("teaser", 0, 0, 1)
            return
        for field in ("source", "region", "paragraphs", "first", "last"):
            self._count(field, 0, 0, 1)
        for field, items in (
            ("bylines", _key_bylines(want)),
            ("people", _key_people(want)),
            ("people_titles", _key_titles(want)),
        ):
            self._count(field, 0, 0, items.total())

    def _extra(self, got: ParsedArticle) -> None:
        """An article the key does not have: each of its fields is a false find."""
        self.mismatches.append(f"{self.name} 多出的文章《{got.title}》（第{got.line}行）")
        for field in ("title", "heading", "kind"):
            self._count(field, 0, 1, 0)
        if got.kind == "teaser":
            self._count("teaser", 0, 1, 0)
            return
        for field in ("source", "region", "paragraphs", "first", "last"):
            self._count(field, 0, 1, 0)
        for field, items in (
            ("bylines", _bylines(got)),
            ("people", _people(got)),
            ("people_titles", _titles(got)),
        ):
            self._count(field, 0, items.total(), 0)

    def _joins(self) -> None:
        paragraphs = [p for a in self.page.articles for p in a.paragraphs]
        for fragment in self.key.get("joins", []):
            whole = any(fragment in p for p in paragraphs)
            self._count("joins", int(whole), 1, 1)
            if not whole:
                self.mismatches.append(f"{self.name} 分栏未接好：{fragment}")

    def _region_code(self, name: str) -> str:
        if not name:
            return ""
        for entry in gazetteer():
            if name in (entry.name, entry.short_name, entry.code):
                return entry.code
        raise ValueError(f"{self.name}: 地名“{name}”不在地区表中")


def _pair(expected: list[dict], produced: list[ParsedArticle]) -> list[tuple[int, int]]:
    """Key and parsed articles paired in print order, most alike first (an alignment)."""
    n, m = len(expected), len(produced)
    similarity = [[_alike(want, got) for got in produced] for want in expected]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = similarity[i][j] + best[i + 1][j + 1] if similarity[i][j] else 0.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if similarity[i][j] and best[i][j] == similarity[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _alike(want: dict, got: ParsedArticle) -> float:
    title = difflib.SequenceMatcher(None, want["title"], got.title).ratio()
    found = sentences(got.paragraphs)
    first = difflib.SequenceMatcher(None, want.get("first", ""), found[0] if found else "").ratio()
    score = max(title, first)
    return score if score >= _MIN_PAIRING else 0.0


def _heading(want: dict) -> tuple[str, str, str]:
    return want.get("kicker", ""), want["title"], want.get("subtitle", "")


def _source(want: dict) -> tuple[str, bool]:
    return want.get("source", ""), want.get("reprint", False)


def _region(got: ParsedArticle) -> str:
    return got.region_codes[0] if got.region_codes else ""


def _key_bylines(want: dict) -> Counter:
    return Counter(tuple(credit) for credit in want.get("bylines", []))


def _bylines(got: ParsedArticle) -> Counter:
    return Counter((b.role, b.title, name) for b in got.bylines for name in b.names)


def _key_people(want: dict) -> Counter:
    credited = [(name, role) for role, _, name in want.get("bylines", [])]
    mentioned = [(name, "mentioned") for name, _ in want.get("people", [])]
    return Counter(dict.fromkeys(credited + mentioned, 1))


def _people(got: ParsedArticle) -> Counter:
    return Counter(dict.fromkeys(((p.name, p.role) for p in got.people), 1))


def _key_titles(want: dict) -> Counter:
    return Counter(tuple(person) for person in want.get("people", []))


def _titles(got: ParsedArticle) -> Counter:
    return Counter((p.name, p.title) for p in got.people if p.role == "mentioned")


def read_ratchet(path: Path = RATCHET) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def write_ratchet(totals: dict[str, Tally], pages: list[PageScore], path: Path = RATCHET) -> None:
    """The F1 reached, rounded down to three decimals, so a rerun passes."""
    lines = [
        "# F1 reached by the importer on the fidelity corpus; tests/importing/test_fidelity.py",
        "# fails when a score falls below these. Raise them after an improvement with",
        "#   .venv/bin/python benchmarks/fidelity.py --write-ratchet",
        "# (it refuses to lower any); never edit them down by hand.",
        "",
        "[fields]",
        *(f"{field} = {_floor(tally.f1)}" for field, tally in totals.items()),
        "",
        "[pages]",
        *(f"{page.name} = {_floor(page.f1)}" for page in pages),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _floor(value: float) -> float:
    return int(value * 1000 + 1e-9) / 1000


def below_ratchet(totals: dict[str, Tally], pages: list[PageScore], ratchet: dict) -> list[str]:
    """What scores less than the ratchet holds, as messages."""
    reached = {("fields", f): t.f1 for f, t in totals.items()}
    reached |= {("pages", p.name): p.f1 for p in pages}
    return [
        f"{section}.{name}: {reached.get((section, name), 0.0):.3f} < {level}"
        for section in ("fields", "pages")
        for name, level in ratchet.get(section, {}).items()
        if reached.get((section, name), 0.0) + 1e-9 < level
    ]


def report(totals: dict[str, Tally], pages: list[PageScore], *, verbose: bool) -> str:
    lines = [f"{'字段':<14}{'准确率':>8}{'召回率':>8}{'F1':>8}{'条目':>8}  说明"]
    for field, tally in totals.items():
        lines.append(
            f"{field:<16}{tally.precision:>10.3f}{tally.recall:>10.3f}{tally.f1:>10.3f}"
            f"{tally.expected:>10}  {FIELDS[field]}"
        )
    lines += ["", f"{'版面':<20}{'平均F1':>8}  低于 1 的字段"]
    for page in pages:
        weak = ", ".join(
            f"{f} {t.f1:.2f}"
            for f, t in page.tallies.items()
            if (t.expected or t.produced) and t.f1 < 1
        )
        lines.append(f"{page.name:<22}{page.f1:>8.3f}  {weak}")
    if verbose:
        lines += ["", *(m for page in pages for m in page.mismatches)]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="导入保真度评分")
    parser.add_argument("--page", action="append", help="只评这一版（文件名去掉 .key.toml）")
    parser.add_argument("-v", "--verbose", action="store_true", help="列出每一处不符")
    parser.add_argument(
        "--write-ratchet",
        action="store_true",
        help="把当前得分写入 ratchet.toml（已有版面的得分不会降低；新增版面时各字段总分可变）",
    )
    args = parser.parse_args()
    paths = [CORPUS / f"{name}.key.toml" for name in args.page] if args.page else None
    totals, pages = score_corpus(paths)
    print(report(totals, pages, verbose=args.verbose))
    if args.write_ratchet:
        if args.page:
            parser.error("--write-ratchet 需要评全部版面")
        ratchet = read_ratchet()
        lower = below_ratchet(totals, pages, ratchet)
        if {page.name for page in pages} - set(ratchet.get("pages", {})):
            # A new page may move the fields' totals either way; no old page may drop.
            lower = [message for message in lower if message.startswith("pages.")]
        if lower:
            print("得分低于已达到的水平，未写入：", *lower, sep="\n  ")
            return 1
        write_ratchet(totals, pages)
        print(f"已写入 {RATCHET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
