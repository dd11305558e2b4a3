"""What the API answers, field by field (pydantic models, named in the OpenAPI schema)."""

import datetime

from ninja import Field, Schema


class RegionRef(Schema):
    slug: str
    name: str = Field(description="全称，如 湖州市")
    short_name: str


class RegionOut(RegionRef):
    code: str = Field(description="行政区划代码（GB/T 2260）")
    level: str = Field(description="province 省 / city 地级市 / county 县（市、区）")
    parent: str | None = Field(description="上级地区的 slug")


class ArticleRegionOut(RegionRef):
    is_primary: bool = Field(description="主要地区（排在最前）")


class TopicRef(Schema):
    slug: str
    name: str


class TopicOut(TopicRef):
    description: str
    article_count: int = Field(description="已发布文章数")


class PersonRef(Schema):
    slug: str
    name: str
    kind: str = Field(description="member 政协委员 / reporter 记者 / correspondent 通讯员 / other")


class PersonOut(PersonRef):
    title: str = Field(description="现任职务")
    organisation: str
    region: RegionRef | None
    url: str
    article_count: int = Field(description="已发布文章数")


class CreditOut(Schema):
    person: PersonRef
    role: str = Field(description="reporter 记者 / correspondent 通讯员 / mentioned 文中人物")
    title: str = Field(description="文中职务，照录原文写法")


class ArticleOut(Schema):
    id: int
    url: str = Field(description="阅读网站上的地址")
    issue_date: datetime.date
    page_number: int
    position: int = Field(description="版内顺序")
    section: str = Field(description="版名")
    kind: str = Field(description="article 文章 / photo 图片新闻 / brief 简讯 / teaser 导读")
    kicker: str = Field(description="引题")
    title: str
    subtitle: str = Field(description="副题")
    source: str = Field(description="来源：本报，或转载的报刊名")
    is_reprint: bool
    published_at: datetime.datetime
    regions: list[ArticleRegionOut] = Field(description="地区，主要地区在前")
    topics: list[TopicRef]
    credits: list[CreditOut] = Field(description="署名与文中人物，按原文顺序")


class ArticleDetailOut(ArticleOut):
    dateline: datetime.date | None = Field(description="电头日期")
    paragraphs: list[str] = Field(description="正文，一段一项")
    teaser_target: int | None = Field(None, description="导读指向的文章 id（仅当该文章已发布）")


class ArticlePage(Schema):
    count: int = Field(description="符合条件的文章数，最多数到 count_limit")
    count_capped: bool = Field(description="实际数目超过 count_limit")
    count_limit: int
    next: str | None = Field(description="更早的一页（完整网址）")
    previous: str | None = Field(description="较新的一页（完整网址）")
    results: list[ArticleOut]


class PageRef(Schema):
    number: int
    section: str
    url: str


class IssueOut(Schema):
    date: datetime.date
    number: int | None = Field(description="期号")
    masthead: str
    published_at: datetime.datetime | None
    url: str


class IssueDetailOut(IssueOut):
    pages: list[PageRef]


class IssuePage(Schema):
    next: str | None = Field(description="更早的一页（完整网址）")
    previous: str | None = Field(description="较新的一页（完整网址）")
    results: list[IssueOut]


class PageDetailOut(Schema):
    issue: IssueOut
    number: int
    section: str
    url: str
    articles: list[ArticleDetailOut] = Field(description="本版已发布的文章，按版内顺序")


class PersonPage(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[PersonOut]


class Error(Schema):
    detail: str
    errors: dict[str, list[str]] | None = Field(None, description="参数有误时：参数名与说明")
