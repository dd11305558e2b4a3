"""Issues, pages and articles of the demo archive, written from templates and the phrase pool.

Pure Python over seeded ``random.Random`` streams, one per issue, so an
issue's articles do not depend on how the run is batched. Articles come out
as the importer would store them: the source marker gone from the body, the
dateline parsed from the lead, bylines first among the credits, teasers
empty with the title of the article they point at.
"""

import datetime
import random
from dataclasses import dataclass, field

from articles.importing.topics import article_topics
from articles.importing.vocabulary import Vocabulary

from .people import OUTLETS, PersonSpec, Place
from .phrases import Phrase, Pool

SECTIONS = ("综合新闻", "议政", "县域", "协商", "文史", "民生", "委员风采", "视点")
FRONT_SECTION = "要闻"
MAX_TOPICS = 3

_TITLES = (
    "{p}政协聚焦{k}建言献策",
    "{p}政协开展“{k}”专题调研",
    "{p}委员为{k}支招",
    "{p}：{k}跑出“加速度”",
    "{p}政协助推{k}提质增效",
    "{p}政协协商议{k}",
    "{p}政协委员深入一线察看{k}",
    "为{k}贡献政协力量",
    "凝心聚力 推动{k}走深走实",
    "让{k}更有温度",
    "{k}：委员这样说",
    "画好{k}“同心圆”",
)
_KICKERS = ("{p}政协委员深入基层调研", "聚焦{k}", "协商议政在{p}", "{p}政协召开专题协商会")
_SUBTITLES = ("{p}政协{k}专题调研侧记", "{p}政协助推{k}调研记", "委员们为{k}献计出力")
_PHOTO_TITLES = ("{p}：{k}见闻", "{p}政协委员走进{k}一线", "{p}：{k}气象新")
_LEADS = (
    "{day}，{org}组织部分委员围绕“{k}”开展专题调研。",
    "{day}，{org}召开专题协商会，围绕{k}建言献策。",
    "{day}，{org}举行委员月谈会，就{k}听取意见建议。",
    "{day}，{org}调研组走进企业和村社，了解{k}工作推进情况。",
    "{day}，{org}召开常委会议，专题协商{k}工作。",
)
_MIDDLES = (
    "调研组先后走进{n}家企业和{m}个村社，实地察看{k}推进情况。",
    "与会委员认为，{k}事关群众切身利益，必须久久为功。",
    "大家一致认为，要把{k}摆在更加突出的位置，形成工作合力。",
    "近年来，当地把{k}作为重点工作来抓，取得了阶段性成效。",
    "座谈会上，{n}位委员和基层代表先后发言，围绕{k}提出意见建议{m}条。",
    "委员们建议，进一步完善{k}相关政策，打通堵点难点。",
    "据统计，已累计收集{k}方面的社情民意信息{n}条。",
)
_VISITS = ("调研组还来到{s}，了解当地{k}的做法。", "委员们对{s}的经验做法给予肯定。")
_SPEECHES = (
    "{t}{n}表示，{c}。",
    "“{c}。”{t}{n}说。",
    "{t}{n}建议，{c}。",
    "{t}{n}出席并讲话。",
    "{t}{n}参加调研。",
)
_CLOSINGS = (
    "下一步，{org}将持续跟踪{k}工作，推动协商成果转化落地。",
    "据悉，相关意见建议已形成专报，报送有关部门参考。",
    "大家表示，将立足岗位履职尽责，为{k}贡献智慧和力量。",
)


@dataclass
class ArticleSpec:
    kind: str
    title: str
    kicker: str = ""
    subtitle: str = ""
    source: str = ""
    is_reprint: bool = False
    dateline: datetime.date | None = None
    body: str = ""
    places: list[Place] = field(default_factory=list)  # primary first
    topics: list[str] = field(default_factory=list)
    credits: list[tuple[PersonSpec, str, str]] = field(default_factory=list)  # person, role, title
    target: "ArticleSpec | None" = None  # what a teaser points at
    pk: int | None = None


@dataclass
class PageSpec:
    number: int
    section: str
    articles: list[ArticleSpec]


@dataclass
class IssueSpec:
    date: datetime.date
    number: int
    pages: list[PageSpec]

    @property
    def articles(self):
        return (a for page in self.pages for a in page.articles)


@dataclass(frozen=True)
class IssuePlan:
    date: datetime.date
    number: int
    page_sizes: tuple[int, ...]  # articles on each page, teasers included
    teasers: int  # on page 1

    @property
    def stories(self) -> int:
        return sum(self.page_sizes) - self.teasers


def issue_plans(rng: random.Random, *, articles: int, until: datetime.date, first_number: int):
    """Issues going back from ``until`` 3 or 4 days apart, oldest first, until ``articles``."""
    plans, total, day = [], 0, until
    while total < articles:
        pages = rng.choice((4, 4, 4, 6, 6, 8))
        sizes = tuple(rng.randint(5, 10) for _ in range(pages))
        plans.append((day, sizes, rng.randint(1, min(3, sizes[0] - 2))))
        total += sum(sizes)
        day -= datetime.timedelta(days=rng.choice((3, 4)))
    plans.reverse()
    return [
        IssuePlan(date, first_number + i, sizes, teasers)
        for i, (date, sizes, teasers) in enumerate(plans)
    ]


def region_weights(places: list[Place]) -> list[float]:
    """Zipf over cities, the capital (lowest code) first; within a city its own news
    takes a third and its counties share the rest; the province as much as a mid city."""
    cities = sorted((p for p in places if p.level == "city"), key=lambda p: p.code)
    city_weight = {c.code: 1 / rank for rank, c in enumerate(cities, start=1)}
    counties: dict[str, int] = {}
    for p in places:
        if p.level == "county":
            counties[p.city_code] = counties.get(p.city_code, 0) + 1
    weights = []
    for p in places:
        if p.level == "province":
            weights.append(1 / 4)
        elif p.level == "city":
            weights.append(city_weight[p.code] / 3)
        else:
            weights.append(city_weight[p.city_code] * 2 / 3 / counties[p.city_code])
    return weights


def primary_deck(rng: random.Random, places: list[Place], weights: list[float], size: int):
    """``size`` primary places: every place at least once (when size allows), the rest by weight."""
    deck = list(places[:size]) + rng.choices(places, weights, k=max(0, size - len(places)))
    rng.shuffle(deck)
    return deck


class Writer:
    def __init__(
        self,
        *,
        seed: int,
        pool: Pool,
        vocabulary: Vocabulary,
        keywords: dict[str, list[str]],
        places: list[Place],
        people: list[PersonSpec],
    ):
        self.seed = seed
        self.pool = pool
        self.vocabulary = vocabulary
        self.keywords = keywords  # topic name → keywords usable in a sentence
        self.topic_names = sorted(keywords)
        self.places = places
        self.by_city: dict[str | None, list[Place]] = {}
        for p in places:
            if p.level == "county":
                self.by_city.setdefault(p.city_code, []).append(p)
        self.cities = [p for p in places if p.level == "city"]
        self.members: dict[str, list[PersonSpec]] = {}
        self.others: dict[str, list[PersonSpec]] = {}
        self.correspondents: dict[str, list[PersonSpec]] = {}
        self.own_reporters: list[PersonSpec] = []
        self.outlet_reporters: dict[str, list[PersonSpec]] = {}
        for person in people:
            if person.kind == "member":
                self.members.setdefault(person.place.code, []).append(person)
            elif person.kind == "other":
                self.others.setdefault(person.place.code, []).append(person)
            elif person.kind == "correspondent":
                self.correspondents.setdefault(person.place.code, []).append(person)
            elif person.outlet == "本报":
                self.own_reporters.append(person)
            else:
                self.outlet_reporters.setdefault(person.outlet, []).append(person)
        self.province = next(p for p in places if p.level == "province")

    # Issues and pages -------------------------------------------------------

    def issue(self, plan: IssuePlan, primaries: list[Place]) -> IssueSpec:
        rng = random.Random(f"{self.seed}:{plan.date.isoformat()}")
        self.rng, self.day = rng, plan.date
        primaries = iter(primaries)
        sections = [FRONT_SECTION, *rng.sample(SECTIONS, len(plan.page_sizes) - 1)]
        pages = []
        for number, (size, section) in enumerate(zip(plan.page_sizes, sections, strict=True), 1):
            stories = size - (plan.teasers if number == 1 else 0)
            kinds = self._kinds(stories, front=number == 1)
            pages.append(
                PageSpec(number, section, [self._story(k, next(primaries)) for k in kinds])
            )
        # A title is unique in its issue: the importer finds a teaser's article by it.
        seen: set[str] = set()
        for article in (a for p in pages for a in p.articles):
            while article.title in seen:
                article.title = self._title(article.places[0], article.topics, article.kind)
            seen.add(article.title)
        self._teasers(pages, plan.teasers)
        return IssueSpec(plan.date, plan.number, pages)

    def _kinds(self, n: int, *, front: bool) -> list[str]:
        rng = self.rng
        photo = rng.random() < (0.5 if front else 0.35)
        briefs = 0 if front else min(rng.choice((0, 1, 1, 2)), n - 1 - photo)
        return ["article"] * (n - briefs - photo) + ["brief"] * briefs + ["photo"] * photo

    def _teasers(self, pages: list[PageSpec], count: int) -> None:
        inside = [a for p in pages[1:] for a in p.articles if a.kind == "article"]
        front = pages[0].articles
        at = len(front) - (front[-1].kind == "photo")
        for target in self.rng.sample(inside, count):
            teaser = ArticleSpec(kind="teaser", title=target.title, target=target)
            primary = target.places[0]
            if primary.headline_name in target.title:
                teaser.places = [primary]
            teaser.topics = list(article_topics(target.title, "", self.vocabulary)[:MAX_TOPICS])
            front.insert(at, teaser)
            at += 1

    # Articles ---------------------------------------------------------------

    def _story(self, kind: str, primary: Place) -> ArticleSpec:
        rng = self.rng
        wanted = rng.sample(self.topic_names, rng.choice((1, 1, 2, 2, 3)))
        article = ArticleSpec(kind=kind, title=self._title(primary, wanted, kind), places=[primary])
        if kind == "article":
            if rng.random() < 0.3:
                article.kicker = self._fill(rng.choice(_KICKERS), primary, wanted)
            if rng.random() < 0.3:
                article.subtitle = self._fill(rng.choice(_SUBTITLES), primary, wanted)
            if primary.level != "county" and rng.random() < 0.35:
                article.places += self._neighbours(primary)
        if kind == "photo":
            length = rng.randint(60, 200)
        elif kind == "brief":
            length = rng.randint(300, 600)
        else:
            length = min(2600, max(300, int(rng.lognormvariate(6.8, 0.5))))
        mentioned = self._mentioned(primary, kind)
        day, article.dateline = self._dateline()
        article.body = self._body(article, wanted, mentioned, day, length)
        self._source_and_bylines(article, primary)
        article.credits += [
            (p, "mentioned", p.title_on(self.day, article_place=primary)) for p in mentioned
        ]
        headline = "\n".join(x for x in (article.title, article.kicker, article.subtitle) if x)
        found = article_topics(headline, article.body, self.vocabulary)
        article.topics = list(found[:MAX_TOPICS]) or wanted[:1]
        return article

    def _title(self, place: Place, topics: list[str], kind: str) -> str:
        templates = _PHOTO_TITLES if kind == "photo" else _TITLES
        return self._fill(self.rng.choice(templates), place, topics)

    def _fill(self, template: str, place: Place, topics: list[str]) -> str:
        return template.format(p=place.headline_name, k=self._keyword(topics))

    def _keyword(self, topics: list[str]) -> str:
        """The topic's own name half the time (乡村振兴), else one of its keywords (村集体)."""
        topic = self.rng.choice(topics)
        return topic if self.rng.random() < 0.5 else self.rng.choice(self.keywords[topic])

    def _neighbours(self, primary: Place) -> list[Place]:
        under = self.cities if primary.level == "province" else self.by_city.get(primary.code, [])
        return self.rng.sample(under, min(len(under), self.rng.choice((1, 1, 2))))

    def _dateline(self) -> tuple[str, datetime.date | None]:
        rng = self.rng
        if rng.random() < 0.45:
            return rng.choice(("近日", "日前")), None
        day = self.day - datetime.timedelta(days=rng.randint(1, 5))
        return f"{day.month}月{day.day}日{rng.choice(('', '', '上午', '下午'))}", day

    def _mentioned(self, primary: Place, kind: str) -> list[PersonSpec]:
        rng = self.rng
        count = rng.choice((0, 0, 1, 1, 1, 2, 2, 3)) if kind == "article" else rng.choice((0, 0, 1))
        candidates = list(self.members.get(primary.code, ()))
        if len(candidates) < count and primary.city_code:
            candidates += [
                m for m in self.members.get(primary.city_code, ()) if m not in candidates
            ]
        if len(candidates) < count:
            candidates += self.members.get(self.province.code, [])
        chosen = rng.sample(candidates, min(count, len(candidates)))
        others = self.others.get(primary.code, ())
        if others and kind == "article" and rng.random() < 0.2:
            chosen.append(rng.choice(others))
        return chosen

    def _source_and_bylines(self, article: ArticleSpec, primary: Place) -> None:
        rng = self.rng
        day = self.day
        local = self.correspondents.get(primary.city_code or "", []) or [
            p for ps in self.correspondents.values() for p in ps
        ]
        if article.kind == "photo":
            article.credits = [(c, "correspondent", "通讯员") for c in rng.sample(local, 1)]
            return
        if rng.random() < 0.1:
            article.source, article.is_reprint = rng.choice(OUTLETS), True
            reporters = self.outlet_reporters.get(article.source, [])
            if reporters and rng.random() < 0.6:
                reporter = rng.choice(reporters)
                article.credits = [(reporter, "reporter", reporter.title_on(day))]
            return
        article.source = (
            "本报" if rng.random() < (0.85 if article.kind == "article" else 0.5) else ""
        )
        if article.kind == "brief":
            count = rng.choice((0, 1))
            article.credits = [(c, "correspondent", "通讯员") for c in rng.sample(local, count)]
            return
        reporters = rng.sample(self.own_reporters, rng.choice((0, 0, 1, 1, 1, 2)))
        correspondents = rng.sample(local, min(len(local), rng.choice((0, 0, 1, 1, 2))))
        article.credits = [(r, "reporter", r.title_on(day)) for r in reporters] + [
            (c, "correspondent", "通讯员") for c in correspondents
        ]

    # Bodies -----------------------------------------------------------------

    def _body(self, article, topics, mentioned, day, length) -> str:
        rng = self.rng
        primary = article.places[0]
        org = primary.body_org
        allowed = set(topics)
        sentences = [p for p in self.pool.sentences if p.topics <= allowed]
        clauses = [p for p in self.pool.clauses if p.topics <= allowed]
        place_name = primary.short_name if primary.level == "province" else primary.name

        def phrase(p: Phrase) -> str:
            return p.text.replace("{place}", place_name)

        def composed() -> str:
            picked = rng.sample(clauses, min(len(clauses), rng.randint(2, 3)))
            return "，".join(phrase(c) for c in picked) + "。"

        def middle() -> str:
            template = rng.choice(_MIDDLES)
            return template.format(
                k=self._keyword(topics), n=rng.randint(3, 30), m=rng.randint(2, 12)
            )

        def filler() -> str:
            roll = rng.random()
            if roll < 0.35 and sentences:
                return phrase(rng.choice(sentences))
            return composed() if roll < 0.8 else middle()

        first = rng.choice(_LEADS).format(day=day, org=org, k=self._keyword(topics))
        must = [middle() if topics else composed()]
        for place in article.places[1:]:
            must += [t.format(s=place.name, k=self._keyword(topics)) for t in _VISITS]
        for person in mentioned:
            title = person.title_on(self.day, article_place=primary)
            clause = "，".join(phrase(c) for c in rng.sample(clauses, min(2, len(clauses))))
            must.append(rng.choice(_SPEECHES).format(t=title, n=person.name, c=clause))
        if article.kind == "photo":
            return first + (composed() if length > len(first) + 30 else "")
        sentences_out = list(must)
        size = len(first) + sum(map(len, must))
        while size < length:
            sentence = filler()
            sentences_out.insert(rng.randint(0, len(sentences_out)), sentence)
            size += len(sentence)
        if article.kind == "article":
            sentences_out.append(rng.choice(_CLOSINGS).format(org=org, k=self._keyword(topics)))
        paragraphs, current = [], [first]
        for sentence in sentences_out:
            if len(current) >= rng.randint(2, 4):
                paragraphs.append("".join(current))
                current = []
            current.append(sentence)
        paragraphs.append("".join(current))
        return "\n".join(paragraphs)
