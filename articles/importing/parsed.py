"""What the parser produces: frozen dataclasses, and the one error it raises."""

from dataclasses import dataclass, field


class ParseError(Exception):
    """Bad input, with the line it was found on (1-based) when there is one."""

    def __init__(self, message: str, *, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return f"第{self.line}行：{self.message}" if self.line else self.message


@dataclass(frozen=True)
class Repair:
    """A change the parser made to the text, listed so an editor can check it."""

    line: int
    kind: str  # "column-join" | "overlap" | "punctuation"
    before: str
    after: str


@dataclass(frozen=True)
class CloseCall:
    """A decision taken on thin evidence, listed so an editor's eye goes there first."""

    line: int
    kind: str  # "heading" | "overlap" | "person-region" | "primary-region"
    text: str  # what was decided about: the line, the name
    chosen: str  # the reading taken, in Chinese: "小标题", "杭州市"
    alternative: str  # the runner-up

    def describe(self) -> str:
        also = f"，也可能是{self.alternative}" if self.alternative else ""
        return f"第{self.line}行“{self.text}”：判为{self.chosen}{also}"


@dataclass(frozen=True)
class Byline:
    """One byline line: 本报记者 王芳 / 通讯员 李强 陈明 / 浙江日报记者 张华."""

    role: str  # "reporter" | "correspondent"
    title: str  # as written: "本报记者", "浙江日报记者", "通讯员"
    outlet: str  # "本报", "浙江日报"; "" for correspondents
    names: tuple[str, ...]
    # Credited for the picture (（记者 张三 摄）); the title stays as printed.
    photo: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class PersonMention:
    """A person an article names, with the title the article gives them."""

    name: str
    role: str  # "reporter" | "correspondent" | "mentioned"
    title: str  # as written: "市政协委员、联通绍兴分公司总经理"
    kind: str  # "member" | "reporter" | "correspondent" | "other"
    organisation: str = ""
    region_code: str | None = None  # GB/T 2260 code of the person's region


@dataclass(frozen=True)
class ParsedArticle:
    line: int  # where the article starts in the file
    kind: str  # "article" | "photo" | "brief" | "teaser"
    title: str
    kicker: str = ""
    subtitle: str = ""
    source: str = ""  # outlet: "本报", "浙江日报", "人民政协报"; "" when unmarked
    is_reprint: bool = False  # 据浙江日报 …
    dateline: tuple[int, int] | None = None  # (month, day) of 4月17日
    paragraphs: tuple[str, ...] = ()
    bylines: tuple[Byline, ...] = ()
    teaser_page: int | None = None  # >>>2版·综合新闻
    teaser_section: str = ""
    # Filled in by enrichment:
    people: tuple[PersonMention, ...] = ()  # byline people first, then the text's
    region_codes: tuple[str, ...] = ()  # primary first
    topic_names: tuple[str, ...] = ()
    close_calls: tuple[CloseCall, ...] = ()  # those of enrichment: regions


@dataclass(frozen=True)
class ParsedPage:
    masthead: str
    articles: tuple[ParsedArticle, ...]
    repairs: tuple[Repair, ...]
    encoding: str  # as detected or forced: "utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"
    sha256: str  # of the raw bytes
    close_calls: tuple[CloseCall, ...] = ()  # the page's, in line order
