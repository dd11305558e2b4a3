"""Adds people, regions and topics to a parsed article."""

import dataclasses
import re

from .gazetteer import Gazetteer
from .parsed import Byline, CloseCall, ParsedArticle, PersonMention
from .people import TitledName, find_titled_names, kind_of, organisation_of
from .regions import (
    RegionChoice,
    article_regions,
    context_regions,
    is_level,
    relative_level,
    title_region,
)
from .topics import article_topics
from .vocabulary import Vocabulary


def enrich_article(
    article: ParsedArticle, *, gazetteer: Gazetteer, vocabulary: Vocabulary | None
) -> ParsedArticle:
    headline = "\n".join(p for p in (article.title, article.kicker, article.subtitle) if p)
    body = "\n".join(article.paragraphs)
    titled = find_titled_names(body)
    regions = article_regions(
        headline,
        body,
        gazetteer,
        ignored_spans=[person.title_span for person in titled],
    )
    region_codes = regions.codes
    people = [person for byline in article.bylines for person in _byline_people(byline)]
    named_in_headline = [
        person
        for line in (article.title, article.kicker, article.subtitle)
        for person in find_titled_names(_PROFILE_LEAD.sub("", line))
    ]
    mentioned = _mentioned_people(
        headline, body, named_in_headline + titled, gazetteer, region_codes
    )
    people += mentioned
    close_calls = _region_doubts(article, regions, mentioned, gazetteer)
    return dataclasses.replace(
        article,
        people=_first_per_name(people),
        region_codes=region_codes,
        topic_names=article_topics(headline, body, vocabulary) if vocabulary else (),
        close_calls=tuple(close_calls),
    )


def _region_name(gazetteer: Gazetteer, code: str | None) -> str:
    region = gazetteer.get(code)
    return region.name if region else ""


# A profile's subtitle opens with 记 or 访 (——记某县政协委员…), no part of the title.
_PROFILE_LEAD = re.compile(r"^(?:专访|记|访)(?=[\u4e00-\u9fff])")


def _first_per_name(people: list[PersonMention]) -> tuple[PersonMention, ...]:
    by_name: dict[str, PersonMention] = {}
    for person in people:
        by_name.setdefault(person.name, person)
    return tuple(by_name.values())


def _byline_people(byline: Byline) -> list[PersonMention]:
    organisation = "" if byline.outlet == "本报" else byline.outlet
    return [
        PersonMention(name, byline.role, byline.title, byline.role, organisation)
        for name in byline.names
    ]


def _mentioned_people(
    headline: str,
    body: str,
    titled: list[TitledName],
    gazetteer: Gazetteer,
    region_codes: tuple[str, ...],
) -> list[PersonMention]:
    """Each titled person once, in order of first appearance.

    Of a person's titles the fullest is kept: "市政协委员、之江实验室副主任"
    rather than the "委员" of a later "袁继新委员认为".
    """
    fullest: dict[str, TitledName] = {}
    for person in titled:
        known = fullest.get(person.name)
        if known is None or len(person.full_title) > len(known.full_title):
            fullest[person.name] = person
    order = sorted(
        fullest.values(),
        key=lambda p: (
            (0, headline.index(p.name)) if p.name in headline else (1, body.index(p.name))
        ),
    )
    return [_mention(person, gazetteer, region_codes) for person in order]


def _region_doubts(
    article: ParsedArticle,
    regions: RegionChoice,
    mentioned: list[PersonMention],
    gazetteer: Gazetteer,
) -> list[CloseCall]:
    """A primary region chosen among several places, and people's regions guessed
    from an article naming more than one that fits their title (市政协委员)."""
    doubts = []
    if regions.runner_up:
        primary = _region_name(gazetteer, regions.codes[0])
        runner_up = _region_name(gazetteer, regions.runner_up)
        doubts.append(
            CloseCall(
                article.line, "primary-region", article.title, f"主要地区{primary}", runner_up
            )
        )
    for person in mentioned:
        rivals = [
            code
            for code in context_regions(person.title, gazetteer, regions.codes)
            if code != person.region_code
        ]
        if person.region_code and rivals:
            doubts.append(
                CloseCall(
                    article.line,
                    "person-region",
                    f"{person.title}{person.name}",
                    f"地区{_region_name(gazetteer, person.region_code)}",
                    _region_name(gazetteer, rivals[0]),
                )
            )
    return doubts


def _mention(
    person: TitledName, gazetteer: Gazetteer, region_codes: tuple[str, ...]
) -> PersonMention:
    kind = kind_of(person.full_title)
    return PersonMention(
        name=person.name,
        role="mentioned",
        title=person.title,
        kind=kind,
        organisation=organisation_of(person.title),
        region_code=title_region(
            person.full_title, gazetteer, region_codes, is_member=kind == "member"
        ),
    )


def borrow_page_regions(
    articles: tuple[ParsedArticle, ...], gazetteer: Gazetteer
) -> tuple[ParsedArticle, ...]:
    """An item naming no place, whose people's titles point at their own county or city
    (图为县政协主席…), is about the place of the article before it on the page that
    such a title fits; the choice is a close call."""
    borrowed: list[ParsedArticle] = []
    for article in articles:
        levels = {relative_level(p.title) for p in article.people if p.role == "mentioned"}
        levels.discard(None)
        if article.kind != "teaser" and not article.region_codes and levels:
            code = next(
                (
                    a.region_codes[0]
                    for a in reversed(borrowed)
                    if a.region_codes
                    and any(is_level(gazetteer.get(a.region_codes[0]), lv) for lv in levels)
                ),
                None,
            )
            if code:
                article = _with_page_region(article, code, gazetteer)
        borrowed.append(article)
    return tuple(borrowed)


def _with_page_region(article: ParsedArticle, code: str, gazetteer: Gazetteer) -> ParsedArticle:
    people = tuple(
        dataclasses.replace(p, region_code=code) if relative_level(p.title) else p
        for p in article.people
    )
    doubt = CloseCall(
        article.line,
        "primary-region",
        article.title,
        f"主要地区{_region_name(gazetteer, code)}（取自同版前文）",
        "",
    )
    return dataclasses.replace(
        article, region_codes=(code,), people=people, close_calls=(*article.close_calls, doubt)
    )
