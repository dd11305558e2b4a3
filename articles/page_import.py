"""The import loader: parsed pages into the database, idempotently, in one transaction.

The parser (articles.importing) is pure; this is the only part of an import
that touches models. Natural keys decide update or create: the issue by date,
the page by number, the article by title on its page (or, for a corrected
title, by position). A second run of the same file changes nothing.
"""

import dataclasses
import datetime

from django.db import transaction
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone

from newsletter.models import Issue, Page, Region
from newsletter.slugs import pinyin_slug, unique_slug
from people.models import Credit, Person

from .importing.gazetteer import Gazetteer, RegionEntry
from .importing.parsed import ParsedArticle, ParsedPage
from .importing.vocabulary import TopicEntry, Vocabulary
from .models import Article, ArticleRegion, TaggedArticle, Topic
from .search import article_search_text, refresh_user_dictionary


@dataclasses.dataclass
class PageTarget:
    """Where a parsed page goes: the issue (by date) and its page number."""

    date: datetime.date
    page_number: int
    section: str = ""
    issue_number: int | None = None
    date_confirmed: bool = True
    source_file: str = ""


@dataclasses.dataclass
class PageReport:
    source_file: str
    issue_date: str
    date_confirmed: bool
    page: int
    section: str
    encoding: str
    created: list[str] = dataclasses.field(default_factory=list)
    updated: list[str] = dataclasses.field(default_factory=list)
    unchanged: list[str] = dataclasses.field(default_factory=list)
    kept_edits: list[str] = dataclasses.field(default_factory=list)
    people_created: list[str] = dataclasses.field(default_factory=list)
    teasers: list[str] = dataclasses.field(default_factory=list)
    repairs: list[dict] = dataclasses.field(default_factory=list)
    # Decisions the parser took on thin evidence, for the editor to check first.
    close_calls: list[dict] = dataclasses.field(default_factory=list)


def build_gazetteer() -> Gazetteer:
    return Gazetteer(
        RegionEntry(
            code=r.code,
            parent_code=r.parent.code if r.parent else None,
            level=r.level,
            name=r.name,
            short_name=r.short_name,
            aliases=tuple(r.alias_list),
            match_short=r.match_short,
        )
        for r in Region.objects.select_related("parent")
    )


def build_vocabulary() -> Vocabulary:
    return Vocabulary(
        TopicEntry(name=t.name, slug=t.slug, keywords=tuple(t.keyword_list))
        for t in Topic.objects.all()
    )


class PageLoader:
    """Loads pages of one import run, caching people, regions and topics across pages."""

    def __init__(self, *, publish: bool = False, overwrite: bool = False):
        self.publish = publish
        self.overwrite = overwrite
        self.now = timezone.now()
        self.regions = {r.code: r for r in Region.objects.all()}
        self.topics = {t.name: t for t in Topic.objects.all()}
        self.people: dict[str, list[Person]] = {}
        for person in Person.objects.select_related("region"):
            self.people.setdefault(person.name, []).append(person)
        self.slugs = set(Person.objects.values_list("slug", flat=True))
        self.pending_people: list[Person] = []
        refresh_user_dictionary()  # and again whenever a page adds people

    @transaction.atomic
    def load(self, parsed: ParsedPage, target: PageTarget) -> PageReport:
        issue = self._issue(parsed, target)
        page = self._page(issue, target.page_number, target.section)
        self._update(
            page,
            source_file=target.source_file,
            encoding=parsed.encoding,
            sha256=parsed.sha256,
        )
        report = PageReport(
            source_file=target.source_file,
            issue_date=issue.date.isoformat(),
            date_confirmed=issue.date_confirmed,
            page=page.number,
            section=page.section,
            encoding=parsed.encoding,
            repairs=[dataclasses.asdict(r) for r in parsed.repairs],
            close_calls=[
                {**dataclasses.asdict(c), "description": c.describe()} for c in parsed.close_calls
            ],
        )
        existing = {
            a.pk: a
            for a in page.articles.annotate(
                is_target=Exists(Article.objects.filter(teaser_target=OuterRef("pk")))
            )
        }
        titles = {item.title for item in parsed.articles}
        plan = []
        for position, item in enumerate(parsed.articles, start=1):
            article = self._match(existing, item, position, titles)
            if article is not None:
                del existing[article.pk]
            plan.append((article, item, position))
        # Articles an editor added by hand keep their order, after the printed ones.
        leftovers = sorted(existing.values(), key=lambda a: a.position)

        # People first: the search segmenter must know their names as whole words.
        credited = {
            id(item): [(m, self._person(m, report)) for m in _unique_roles(item.people)]
            for article, item, _ in plan
            if article is None or self.overwrite
        }
        if self.pending_people:
            Person.objects.bulk_create(self.pending_people)
            self.pending_people.clear()
            refresh_user_dictionary()

        targets = self._teaser_targets(issue, page, [item for _, item, _ in plan], report)
        occupied = {a.position for a, _, _ in plan if a} | {a.position for a in leftovers}
        placed = [
            self._article(page, article, item, position, occupied, targets, report)
            for article, item, position in plan
        ]
        Article.objects.bulk_create([a for a in placed if a.pk is None])
        self._enrich(
            [
                (article, item, credited[id(item)])
                for article, (_, item, _) in zip(placed, plan, strict=True)
                if id(item) in credited
            ]
        )
        self._reposition(
            [(a, position) for a, (_, _, position) in zip(placed, plan, strict=True)]
            + [(a, len(placed) + i) for i, a in enumerate(leftovers, start=1)]
        )
        if self.publish:
            self._publish(issue, placed)
        return report

    # Issue and page ---------------------------------------------------------

    def _issue(self, parsed: ParsedPage, target: PageTarget) -> Issue:
        issue, created = Issue.objects.get_or_create(
            date=target.date,
            defaults={
                "number": target.issue_number,
                "masthead": parsed.masthead[:64] or "联谊报",
                "date_confirmed": target.date_confirmed,
            },
        )
        if not created:
            # Only what this run knows for sure; _update skips what is already so.
            changes = {"number": target.issue_number} if target.issue_number else {}
            if target.date_confirmed:
                changes["date_confirmed"] = True
            self._update(issue, **changes)
        return issue

    def _page(self, issue: Issue, number: int, section: str) -> Page:
        page, created = Page.objects.get_or_create(
            issue=issue, number=number, defaults={"section": section}
        )
        if not created and section and not page.section:
            self._update(page, section=section)
        return page

    # Articles ---------------------------------------------------------------

    @staticmethod
    def _match(existing: dict, item: ParsedArticle, position: int, titles: set) -> Article | None:
        by_title = next((a for a in existing.values() if a.title == item.title), None)
        if by_title:
            return by_title
        # A corrected title: the article at the same place, unless the file still uses its
        # title or a teaser elsewhere waits for that article under its title.
        return next(
            (
                a
                for a in existing.values()
                if a.position == position and a.title not in titles and not a.is_target
            ),
            None,
        )

    def _article(self, page, article, item, position, occupied, targets, report) -> Article:
        """The article for a parsed item: updated in place, or new and not yet saved."""
        values = {
            "kind": item.kind,
            "kicker": item.kicker,
            "title": item.title,
            "subtitle": item.subtitle,
            "source": item.source,
            "is_reprint": item.is_reprint,
            "dateline": _dateline(item.dateline, page.issue.date),
            "body": "\n".join(item.paragraphs),
        }
        if item.title in targets and item.kind == Article.Kind.TEASER:
            values["teaser_target"] = targets[item.title]
        if article is None:
            article = Article(
                # Its print position if free, else out of the way until _reposition.
                position=position if position not in occupied else 10000 + position,
                **values,
            )
            article.set_page(page)
            if self.publish:
                article.status, article.published_at = Article.Status.PUBLISHED, self.now
            article.search_text = article_search_text(article)
            report.created.append(item.title)
            return article
        kept = [] if self.overwrite else [f for f in article.edited_fields if f in values]
        changed = self._update(article, **{k: v for k, v in values.items() if k not in kept})
        if changed:
            self._update(article, search_text=article_search_text(article))
        if self.overwrite and article.edited_fields:
            self._update(article, edited_fields=[])
        report.kept_edits.extend(
            f"{article.title}: {f}" for f in kept if getattr(article, f) != values[f]
        )
        (report.updated if changed else report.unchanged).append(article.title)
        return article

    def _reposition(self, placed: list[tuple[Article, int]]) -> None:
        """Give articles their print positions without tripping the unique constraint."""
        moving = [(a, p) for a, p in placed if a.position != p]
        for article, _ in moving:
            Article.objects.filter(pk=article.pk).update(position=10000 + article.pk)
        for article, position in moving:
            article.position = position
            Article.objects.filter(pk=article.pk).update(position=position)

    def _teaser_targets(self, issue, page, items, report) -> dict[str, Article]:
        """The article each teaser points at, by title; a draft placeholder where none is yet.

        The later import of that page fills the placeholder in instead of duplicating it.
        """
        teasers = [
            i
            for i in items
            if i.kind == Article.Kind.TEASER and i.teaser_page not in (None, page.number)
        ]
        if not teasers:
            return {}
        pages = {p.number: p for p in issue.pages.all()}
        for item in teasers:
            pages[item.teaser_page] = pages.get(item.teaser_page) or self._page(
                issue, item.teaser_page, item.teaser_section
            )
        wanted = {(pages[i.teaser_page].pk, i.title): i for i in teasers}
        found = {
            (a.page_id, a.title): a
            for a in Article.objects.filter(
                page__in=[pk for pk, _ in wanted], title__in=[t for _, t in wanted]
            )
        }
        last = dict(
            Article.objects.filter(page__in=[pk for pk, _ in wanted])
            .values_list("page")
            .annotate(Max("position"))
        )
        placeholders = []
        for key, item in wanted.items():
            if key not in found:
                last[key[0]] = last.get(key[0], 0) + 1
                found[key] = Article(position=last[key[0]], title=item.title)
                found[key].set_page(pages[item.teaser_page])
                placeholders.append(found[key])
                report.teasers.append(f"{item.title} → 第{item.teaser_page}版（待导入）")
        Article.objects.bulk_create(placeholders)
        return {title: found[(page_pk, title)] for page_pk, title in wanted}

    def _publish(self, issue: Issue, articles: list[Article]) -> None:
        """Publish the issue and these articles; a teaser's target waits for its own page."""
        self._update(
            issue, status=Issue.Status.PUBLISHED, published_at=issue.published_at or self.now
        )
        drafts = [a.pk for a in articles if a.status != Article.Status.PUBLISHED]
        undated = [a.pk for a in articles if a.published_at is None]
        if undated:
            Article.objects.filter(pk__in=undated).update(published_at=self.now)
        if drafts:
            Article.objects.filter(pk__in=drafts).update(status=Article.Status.PUBLISHED)

    # People, places, topics -------------------------------------------------

    def _enrich(self, enriched: list[tuple[Article, ParsedArticle, list[tuple]]]) -> None:
        """Credits, regions and topics of new articles (and, with --overwrite, of all)."""
        if self.overwrite:
            ids = [article.pk for article, _, _ in enriched]
            Credit.objects.filter(article__in=ids).delete()
            ArticleRegion.objects.filter(article__in=ids).delete()
            TaggedArticle.objects.filter(content_object__in=ids).delete()
        credits, regions, topics = [], [], []
        for article, item, people in enriched:  # people: (mention, person) pairs
            credits += [
                Credit(
                    article=article,
                    person=person,
                    role=mention.role,
                    title=mention.title[:200],
                    order=order,
                )
                for order, (mention, person) in enumerate(people)
            ]
            codes = [c for c in dict.fromkeys(item.region_codes) if c in self.regions]
            regions += [
                ArticleRegion(article=article, region=self.regions[code], is_primary=i == 0)
                for i, code in enumerate(codes)
            ]
            topics += [
                TaggedArticle(content_object=article, tag=self.topics[name])
                for name in dict.fromkeys(item.topic_names)
                if name in self.topics
            ]
        Credit.objects.bulk_create(credits)
        ArticleRegion.objects.bulk_create(regions)
        TaggedArticle.objects.bulk_create(topics)

    def _person(self, mention, report) -> Person:
        """The same name is the same person, unless their regions or sides tell apart."""
        byline = mention.role != Credit.Role.MENTIONED
        for person in self.people.get(mention.name, []):
            region = person.region.code if person.region else None
            if mention.region_code and region == mention.region_code:
                return self._refresh_person(person, mention)
        for person in self.people.get(mention.name, []):
            region = person.region.code if person.region else None
            staff = person.kind in (Person.Kind.REPORTER, Person.Kind.CORRESPONDENT)
            if staff == byline and not (mention.region_code and region):
                return self._refresh_person(person, mention)
        person = Person(
            name=mention.name,
            slug=unique_slug(pinyin_slug(mention.name), self.slugs.__contains__),
            kind=mention.kind,
            title=mention.title[:200],
            organisation=mention.organisation[:200],
            region=self.regions.get(mention.region_code or ""),
        )
        self.pending_people.append(person)  # saved in one batch by load()
        self.slugs.add(person.slug)
        self.people.setdefault(person.name, []).append(person)
        report.people_created.append(f"{mention.title}{mention.name}")
        return person

    def _refresh_person(self, person: Person, mention) -> Person:
        """Fill in what we did not know; never overwrite what an editor set."""
        changes = {}
        if not person.title and mention.title:
            changes["title"] = mention.title[:200]
        if person.region is None and mention.region_code in self.regions:
            changes["region"] = self.regions[mention.region_code]
        if person.kind == Person.Kind.OTHER and mention.kind == Person.Kind.MEMBER:
            changes["kind"] = Person.Kind.MEMBER
        self._update(person, **changes)
        return person

    @staticmethod
    def _update(obj, **changes) -> bool:
        """Save only what differs, so a re-import touches nothing (not even updated_at)."""
        changed = [k for k, v in changes.items() if getattr(obj, k) != v]
        for k in changed:
            setattr(obj, k, changes[k])
        if changed and obj.pk is not None:  # an unsaved one is saved in its batch
            fields = [obj._meta.get_field(k).attname for k in changed]
            if any(f.name == "updated_at" for f in obj._meta.fields):
                fields.append("updated_at")
            obj.save(update_fields=fields)
        return bool(changed)


def _dateline(month_day: tuple[int, int] | None, issue_date: datetime.date):
    """4月17日 in an issue of 2025-04-22 is 2025-04-17; in one of January, the year before."""
    if not month_day:
        return None
    month, day = month_day
    year = issue_date.year - (1 if (month, day) > (issue_date.month, issue_date.day) else 0)
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _unique_roles(people):
    seen = set()
    for mention in people:
        if (mention.name, mention.role) not in seen:
            seen.add((mention.name, mention.role))
            yield mention
