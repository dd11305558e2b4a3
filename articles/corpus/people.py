"""The recurring cast: members, reporters, correspondents and others, with titles that change.

Pure Python over a seeded ``random.Random``. A member climbs a ladder
(委员 → 常委 → 副主席) on promotion days, a cub reporter becomes a reporter,
so the same person is credited under different titles over the years.
"""

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field

# Common surnames, most frequent first, and characters of given names.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严武戴莫孔汤楼应俞章翁"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华兰萍红建文辉永健春晓宇浩婷雪琳晨欣怡佳俊"
    "宁海燕波斌鹏飞瑜颖慧倩洁蕾博凯阳峰松涵雅琪昊东新国立志德庆林彬蓉梅荣丹炜翔昕睿航清嘉"
)
MEMBER_RANKS = ("政协委员", "政协常委", "政协副主席")
OWN_REPORTER_RANKS = ("本报见习记者", "本报记者")
OUTLETS = ("浙江日报", "人民政协报", "人民政协网", "浙江工人日报")
_BRANDS_INDUSTRIES = (
    "智能科技",
    "新材料",
    "纺织",
    "食品",
    "生物医药",
    "文旅发展",
    "农业开发",
    "电子",
    "建设",
)
_COMPANY_POSTS = ("董事长", "总经理", "副总经理", "负责人")
_INSTITUTIONS = (
    ("人民医院", "副院长"),
    ("第一中学", "校长"),
    ("职业技术学院", "副院长"),
    ("律师事务所", "主任"),
)
_OTHER_TITLES = (
    "村党支部书记",
    "社区党委书记",
    "街道办事处主任",
    "乡贤代表",
    "非遗传承人",
    "种粮大户",
)


@dataclass(frozen=True)
class Place:
    code: str
    level: str  # province | city | county
    name: str  # 杭州市
    short_name: str  # 杭州
    match_short: bool
    city_code: str | None  # the city it is, or is in; None for the province
    pk: int = 0

    @property
    def headline_name(self) -> str:
        """What a headline calls it: 湖州; 西湖区 in full, its short name being a common word."""
        return self.short_name if self.match_short else self.name

    @property
    def body_org(self) -> str:
        """Its CPPCC committee as a lead names it: 省政协, 湖州市政协."""
        return "省政协" if self.level == "province" else f"{self.name}政协"

    @property
    def relative_prefix(self) -> str:
        """省 / 市 / 区 / 县: how an article about this place calls its own committee."""
        if self.level == "province":
            return "省"
        return "市" if self.level == "city" else self.name[-1]


@dataclass
class PersonSpec:
    name: str
    kind: str  # member | reporter | correspondent | other
    place: Place | None = None
    organisation: str = ""
    post: str = ""  # 总经理 at the organisation
    rank: int = 0  # where on its ladder it starts
    promotions: tuple[datetime.date, ...] = ()
    outlet: str = ""  # 本报 or another paper, for reporters
    fixed_title: str = ""  # others: as the articles write it
    pk: int = 0
    slug: str = field(default="", repr=False)

    def rank_on(self, day: datetime.date) -> int:
        return self.rank + sum(1 for p in self.promotions if p <= day)

    def title_on(self, day: datetime.date, *, article_place: Place | None = None) -> str:
        """The title as an article of that day writes it (relative in its own place)."""
        if self.kind == "reporter":
            if self.outlet != "本报":
                return f"{self.outlet}记者"
            return OWN_REPORTER_RANKS[min(self.rank_on(day), len(OWN_REPORTER_RANKS) - 1)]
        if self.kind == "correspondent":
            return "通讯员"
        if self.kind == "other":
            return self.fixed_title
        rank = min(self.rank_on(day), len(MEMBER_RANKS) - 1)
        if self.place is None or self.place.level == "province":
            prefix = "省"
        elif article_place is not None and article_place.code == self.place.code:
            prefix = self.place.relative_prefix
        else:
            prefix = self.place.name
        title = f"{prefix}{MEMBER_RANKS[rank]}"
        return f"{title}、{self.organisation}{self.post}" if self.post and rank == 0 else title


_SURNAME_WEIGHTS = tuple(1 / (rank**0.8) for rank in range(1, len(SURNAMES) + 1))


def person_name(rng: random.Random) -> str:
    # Zipf-like surnames: a few very common, a long tail.
    surname = rng.choices(SURNAMES, _SURNAME_WEIGHTS)[0]
    given = "".join(rng.choice(GIVEN) for _ in range(2 if rng.random() < 0.75 else 1))
    return surname + given


def cast(
    rng: random.Random,
    *,
    size: int,
    places: list[Place],
    weights: list[float],
    first_day: datetime.date,
    last_day: datetime.date,
    clean: Callable[[str], bool],
) -> list[PersonSpec]:
    """``size`` people: about 5 % reporters, 10 % correspondents, 55 % members, the rest others.

    ``clean(text)`` is False for a name or workplace that reads as a place (王建德).
    """
    span = (last_day - first_day).days

    def day() -> datetime.date:
        return first_day + datetime.timedelta(days=rng.randrange(max(span, 1)))

    cities = [p for p in places if p.level == "city"]
    people = []
    for i in range(size):
        share = i / size
        name = person_name(rng)
        while not clean(name):
            name = person_name(rng)
        if share < 0.04:
            people.append(
                PersonSpec(
                    name, "reporter", outlet="本报", rank=rng.choice((0, 1, 1)), promotions=(day(),)
                )
            )
        elif share < 0.05:
            outlet = OUTLETS[i % len(OUTLETS)]
            people.append(PersonSpec(name, "reporter", outlet=outlet, organisation=outlet))
        elif share < 0.15:
            people.append(PersonSpec(name, "correspondent", place=rng.choice(cities)))
        elif share < 0.70:
            place = rng.choices(places, weights)[0]
            org, post = _workplace(rng, clean)
            promotions = tuple(sorted(day() for _ in range(rng.choice((0, 1, 1, 2)))))
            people.append(
                PersonSpec(
                    name,
                    "member",
                    place=place,
                    organisation=org,
                    post=post,
                    rank=rng.choice((0, 0, 0, 1)),
                    promotions=promotions,
                )
            )
        else:
            place = rng.choices(places, weights)[0]
            if rng.random() < 0.5:
                org, post = _workplace(rng, clean)
                title = f"{org}{post}"
            else:
                org, title = "", rng.choice(_OTHER_TITLES)
            people.append(
                PersonSpec(name, "other", place=place, organisation=org, fixed_title=title)
            )
    return people


def _workplace(rng: random.Random, clean: Callable[[str], bool]) -> tuple[str, str]:
    brand = "".join(rng.choice(GIVEN) for _ in range(2))
    while not clean(brand):
        brand = "".join(rng.choice(GIVEN) for _ in range(2))
    if rng.random() < 0.7:
        return f"{brand}{rng.choice(_BRANDS_INDUSTRIES)}有限公司", rng.choice(_COMPANY_POSTS)
    institution, post = rng.choice(_INSTITUTIONS)
    return f"{brand}{institution}", post
