"""The import loader: parsed pages into the database, idempotently, in one transaction.

The parser (articles.importing) is pure; this is the only part of an import
that touches models. Natural keys decide update or create: the issue by date,
the page by number, the article by title on its page (or, for a corrected
title, by position). A second run of the same file changes nothing; another
file for a page that holds one is refused, or with --overwrite replaces it.
"""

import dataclasses
import datetime
import functools
import itertools
import operator
from collections import Counter, defaultdict
from collections.abc import Iterator

from django.apps import apps
from django.db import transaction
from django.db.models import Exists, Model, OuterRef, Q
from django.utils import timezone

from newsletter.models import Issue, Page, Region
from newsletter.slugs import pinyin_slug, unique_slug
from people.models import Credit, Person

from .importing.gazetteer import Gazetteer, RegionEntry
from .importing.parsed import ParsedArticle, ParsedPage
from .importing.vocabulary import TopicEntry, Vocabulary
from .models import Article, ArticleRegion, TaggedArticle, Topic
from .search import add_user_words, article_search_text, refresh_user_dictionary, segmenter
from .teaser_titles import best_match


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
    replaced_file: str = ""  # the other file this page held, replaced with --overwrite
    created: list[str] = dataclasses.field(default_factory=list)
    updated: list[str] = dataclasses.field(default_factory=list)
    unchanged: list[str] = dataclasses.field(default_factory=list)
    removed: list[str] = dataclasses.field(default_factory=list)  # articles of the replaced file
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


class PageConflict(Exception):
    """The page already holds another file; replacing it takes --overwrite."""


def search_texts(parsed_pages: list[ParsedPage]) -> dict[tuple[str, ...], str]:
    """Each parsed article's search text, by (kicker, title, subtitle, body), made
    before the import's transaction opens: segmenting is a third of a big page's load.

    The dictionary grows as the loader's would: refreshed from the archive, then
    each page's names added before its articles are segmented.
    """
    refresh_user_dictionary()
    texts = {}
    for parsed in parsed_pages:
        add_user_words({mention.name for item in parsed.articles for mention in item.people})
        for item in parsed.articles:
            fields = (item.kicker, item.title, item.subtitle, "\n".join(item.paragraphs))
            texts[fields] = segmenter.index_text(*fields)
    return texts


class PageLoader:
    """Loads pages of one import run, caching people, regions and topics across pages.

    search_texts (from search_texts(), which also refreshes the search dictionary)
    saves segmenting in the transaction; an article whose fields differ from
    the parsed ones (an editor's kept edits) is segmented here.
    """

    def __init__(
        self,
        *,
        publish: bool = False,
        overwrite: bool = False,
        search_texts: dict[tuple[str, ...], str],
    ):
        self.publish = publish
        self.overwrite = overwrite
        self.search_texts = search_texts
        self.now = timezone.now()
        self.regions = {r.code: r for r in Region.objects.all()}
        self.topics = {t.name: t for t in Topic.objects.all()}
        # People by name, fetched as pages name them: never the whole archive's.
        self.people: dict[str, list[Person]] = {}
        self.pending_people: list[Person] = []
        self.written: Counter[type[Model]] = Counter()  # rows inserted or deleted, per model
        # Rows created or changed since the caller last took them, for the history.
        self.changed: defaultdict[type[Model], set[int]] = defaultdict(set)
        # What a preview shows: each page loaded, each printed article's outcome
        # ("created", "updated", "unchanged") by pk, and the people this run created.
        self.pages: list[Page] = []
        self.outcomes: dict[int, str] = {}
        self.created_people: set[int] = set()

    @transaction.atomic
    def load(self, parsed: ParsedPage, target: PageTarget) -> PageReport:
        issue = self._issue(parsed, target)
        page = self._page(issue, target.page_number, target.section)
        existing = {a.pk: a for a in page.articles.all()}
        waiting = defaultdict(list)  # article pk → titles of the teasers pointing at it
        for pk, title in Article.objects.filter(teaser_target__page=page).values_list(
            "teaser_target", "title"
        ):
            waiting[pk].append(title)
        replacing = self._holds_another_file(page, parsed, existing, target)
        report = PageReport(
            source_file=target.source_file,
            issue_date=issue.date.isoformat(),
            date_confirmed=issue.date_confirmed,
            page=page.number,
            section=page.section,
            encoding=parsed.encoding,
            replaced_file=page.source_file if replacing else "",
            repairs=[dataclasses.asdict(r) for r in parsed.repairs],
            close_calls=[
                {**dataclasses.asdict(c), "description": c.describe()} for c in parsed.close_calls
            ],
        )
        if page.number == 1 and parsed.masthead and (not page.sha256 or self.overwrite):
            self._update(issue, masthead=parsed.masthead[:64])  # the paper's name is on page 1
        self._update(
            page,
            source_file=target.source_file,
            encoding=parsed.encoding,
            sha256=parsed.sha256,
        )
        matched, unmatched = _match(existing, parsed.articles, waiting, by_position=not replacing)
        plan = list(zip(matched, parsed.articles, range(1, len(matched) + 1), strict=True))
        # Articles an editor added by hand keep their order, after the printed ones; when
        # the page gets another file, only those that teasers elsewhere still wait for stay.
        leftovers = sorted(unmatched.values(), key=lambda a: a.position)
        if replacing:
            credited_before = set(
                Credit.objects.filter(article__page=page).values_list("person", flat=True)
            )
            self._remove([a for a in leftovers if a.pk not in waiting], report)
            leftovers = [a for a in leftovers if a.pk in waiting]

        # People first: the search segmenter must know their names as whole words.
        self._fetch_people([m.name for _, item, _ in plan for m in item.people])
        credited = {  # new articles and placeholders filled in (with --overwrite, all)
            id(item): [(m, self._person(m, report)) for m in _unique_roles(item.people)]
            for article, item, _ in plan
            if article is None or self.overwrite or _is_placeholder(article)
        }
        self._save_pending_people()

        targets = self._teaser_targets(issue, page, plan, report)
        # Positions no row of the page holds now nor will: where rows wait to move.
        occupied = {a.position for a in existing.values()}
        taken = occupied | set(range(1, len(plan) + len(leftovers) + 1))
        spare = (n for n in itertools.count(1) if n not in taken)
        placed = [
            self._article(page, article, item, position, occupied, spare, targets, report)
            for article, item, position in plan
        ]
        new = [a for a in placed if a.pk is None]
        Article.objects.bulk_create(new)
        self.written[Article] += len(new)
        self._changed(new)
        self.outcomes.update((a.pk, "created") for a in new)
        self.pages.append(page)
        self._enrich(
            [
                (article, item, credited[id(item)])
                for article, (_, item, _) in zip(placed, plan, strict=True)
                if id(item) in credited
            ]
        )
        if replacing:
            self._reset_placeholders(leftovers, waiting)
            self._forget_people(credited_before)
        self._reposition(
            [(a, position) for a, (_, _, position) in zip(placed, plan, strict=True)]
            + [(a, len(placed) + i) for i, a in enumerate(leftovers, start=1)],
            spare,
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
                "masthead": (target.page_number == 1 and parsed.masthead[:64]) or "联谊报",
                "date_confirmed": target.date_confirmed,
            },
        )
        self.written[Issue] += created
        if created:
            self._changed([issue])
        else:
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
        self.written[Page] += created
        if created:
            self._changed([page])
        elif section and not page.section:
            self._update(page, section=section)
        return page

    def _holds_another_file(self, page, parsed, existing, target) -> bool:
        """Whether the page holds another file than this one (or a version of it).

        A version of the same file (a corrected one) shares most of its titles with
        what the page prints; a page holding only teasers' placeholders holds no file.
        Another file is refused unless --overwrite, which then replaces it.
        """
        if not page.sha256 or page.sha256 == parsed.sha256:
            return False
        printed = {a.title for a in existing.values() if not _is_placeholder(a)}
        new = {item.title for item in parsed.articles}
        if 2 * len(printed & new) >= max(len(printed), len(new)):
            return False
        if not self.overwrite:
            raise PageConflict(
                f"{page.issue.date:%Y年%-m月%-d日}第{page.number}版已导入文件"
                f" {page.source_file or '（未记录文件名）'}，{target.source_file}"
                f" 是另一个文件，未做任何改动。如果 {target.source_file} 属于另一版，"
                "请指明版次（--page、manifest.toml，或文件名如 p2.txt、第2版.txt）；"
                "如果要用它替换该版，请选择覆盖（--overwrite）。"
            )
        return True

    # Articles ---------------------------------------------------------------

    def _article(self, page, article, item, position, occupied, spare, targets, report):
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
            "teaser_target": targets.get(item.title) if item.kind == Article.Kind.TEASER else None,
        }
        if article is None:
            # Its print position if no row holds it, else a spare one until _reposition.
            free = position not in occupied
            article = Article(position=position if free else next(spare), **values)
            article.set_page(page)
            if self.publish:
                article.status, article.published_at = Article.Status.PUBLISHED, self.now
            article.search_text = self._search_text(article)
            report.created.append(item.title)
            return article
        kept = [] if self.overwrite else [f for f in article.edited_fields if f in values]
        changed = self._update(article, **{k: v for k, v in values.items() if k not in kept})
        if changed:
            self._update(article, search_text=self._search_text(article))
        if self.overwrite and article.edited_fields:
            self._update(article, edited_fields=[])
        report.kept_edits.extend(
            f"{article.title}: {f}" for f in kept if getattr(article, f) != values[f]
        )
        (report.updated if changed else report.unchanged).append(article.title)
        if self.outcomes.get(article.pk) != "created":  # a placeholder this run made is new
            self.outcomes[article.pk] = "updated" if changed else "unchanged"
        return article

    def _search_text(self, article: Article) -> str:
        fields = (article.kicker, article.title, article.subtitle, article.body)
        text = self.search_texts.get(fields)
        return article_search_text(article) if text is None else text

    def _reposition(self, placed: list[tuple[Article, int]], spare: Iterator[int]) -> None:
        """Give articles their print positions without tripping the unique constraint.

        Those that move wait on spare positions first: numbers no row of the page
        holds or will hold, found from the page's own rows, so they stay small
        however large the archive's ids grow.
        """
        moving = [(a, p) for a, p in placed if a.position != p]
        self._changed(a for a, _ in moving)
        for article, _ in moving:
            Article.objects.filter(pk=article.pk).update(position=next(spare))
        for article, position in moving:
            article.position = position
            Article.objects.filter(pk=article.pk).update(position=position)

    def _teaser_targets(self, issue, page, plan, report) -> dict[str, Article]:
        """The article each teaser points at, by its title; a draft placeholder where none is yet.

        On the page a teaser names: the article whose title is likest the teaser's
        (teaser_titles), else the one it already points at (an editor may have
        retitled it), else a new placeholder that the later import of that page
        fills in instead of duplicating it.
        """
        teasers = [
            (article, item)
            for article, item, _ in plan
            if item.kind == Article.Kind.TEASER and item.teaser_page not in (None, page.number)
        ]
        if not teasers:
            return {}
        pages = {p.number: p for p in issue.pages.all()}
        for _, item in teasers:
            if item.teaser_page not in pages:
                pages[item.teaser_page] = self._page(issue, item.teaser_page, item.teaser_section)
            elif item.teaser_section and not pages[item.teaser_page].section:
                self._update(pages[item.teaser_page], section=item.teaser_section)
        candidates = defaultdict(dict)  # page pk → {pk: article a teaser may point at}
        tops = defaultdict(int)  # page pk → its last position
        for article in Article.objects.filter(
            page__in=[pages[item.teaser_page] for _, item in teasers]
        ):
            tops[article.page_id] = max(tops[article.page_id], article.position)
            if article.kind != Article.Kind.TEASER:
                candidates[article.page_id][article.pk] = article
        found, placeholders = {}, []
        for teaser, item in teasers:
            if item.title in found:  # the same teaser twice on the page
                continue
            on_page = candidates[pages[item.teaser_page].pk]
            current = on_page.get(teaser.teaser_target_id) if teaser else None
            key = best_match(item.title, [(pk, [a.title]) for pk, a in on_page.items()])
            found[item.title] = on_page.get(key) or current
            if found[item.title] is None:
                tops[pages[item.teaser_page].pk] += 1
                placeholder = Article(position=tops[pages[item.teaser_page].pk], title=item.title)
                placeholder.set_page(pages[item.teaser_page])
                placeholders.append(placeholder)
                found[item.title] = placeholder
                report.teasers.append(f"{item.title} → 第{item.teaser_page}版（待导入）")
        Article.objects.bulk_create(placeholders)
        self.written[Article] += len(placeholders)
        self._changed(placeholders)
        self.outcomes.update((p.pk, "created") for p in placeholders)
        return found

    def _publish(self, issue: Issue, articles: list[Article]) -> None:
        """Publish the issue and these articles; a teaser's target waits for its own page."""
        self._update(
            issue, status=Issue.Status.PUBLISHED, published_at=issue.published_at or self.now
        )
        drafts = [a.pk for a in articles if a.status != Article.Status.PUBLISHED]
        undated = [a.pk for a in articles if a.published_at is None]
        self.changed[Article].update(drafts, undated)
        if undated:
            Article.objects.filter(pk__in=undated).update(published_at=self.now)
        if drafts:
            Article.objects.filter(pk__in=drafts).update(status=Article.Status.PUBLISHED)

    def _remove(self, articles: list[Article], report: PageReport) -> None:
        """Delete articles of a replaced file, and the placeholders only their teasers wanted."""
        if not articles:
            return
        ids = [a.pk for a in articles]
        wanted = {a.teaser_target_id for a in articles if a.teaser_target_id}
        self._delete(Article.objects.filter(pk__in=ids))
        report.removed.extend(a.title for a in articles)
        orphans = Article.objects.filter(pk__in=wanted, body="", kind=Article.Kind.ARTICLE).exclude(
            Exists(Article.objects.filter(teaser_target=OuterRef("pk")))
        )
        pages = set(orphans.values_list("page", flat=True))
        self._delete(orphans)
        # A page that only held those placeholders was made for them: it goes too.
        self._delete(Page.objects.filter(pk__in=pages, sha256="", articles=None))

    def _reset_placeholders(self, articles: list[Article], waiting: dict[int, list[str]]) -> None:
        """Articles of a replaced file that teasers elsewhere point at become placeholders
        again, named as their teasers name them, until a file for them comes."""
        if not articles:
            return
        ids = [a.pk for a in articles]
        self._delete(Credit.objects.filter(article__in=ids))
        self._delete(ArticleRegion.objects.filter(article__in=ids))
        self._delete(_auto_topics(ids))
        for article in articles:
            titles = sorted(waiting[article.pk])
            blank = Article(title=article.title if article.title in titles else titles[0])
            self._update(
                article,
                **{f: getattr(blank, f) for f in _PLACEHOLDER_FIELDS},
                search_text="",
                edited_fields=[],
            )

    def _forget_people(self, ids: set[int]) -> None:
        """People only the replaced file named (no credit left anywhere) go with it."""
        gone = set(Person.objects.filter(pk__in=ids, credits=None).values_list("pk", flat=True))
        if gone:
            self._delete(Person.objects.filter(pk__in=gone))
            for name, people in self.people.items():
                self.people[name] = [p for p in people if p.pk not in gone]

    def _delete(self, queryset) -> None:
        _, per_model = queryset.delete()
        for label, rows in per_model.items():
            self.written[apps.get_model(label)] += rows

    # People, places, topics -------------------------------------------------

    def _enrich(self, enriched: list[tuple[Article, ParsedArticle, list[tuple]]]) -> None:
        """Credits, regions and topics of new or filled-in articles (with --overwrite, of all)."""
        if self.overwrite:
            ids = [article.pk for article, _, _ in enriched]
            self._delete(Credit.objects.filter(article__in=ids))
            self._delete(ArticleRegion.objects.filter(article__in=ids))
            self._delete(_auto_topics(ids))
        self._changed(article for article, _, _ in enriched)
        # Topics an editor set by hand stay, and are not added twice.
        kept = set(
            TaggedArticle.objects.filter(
                content_object__in=[a.pk for a, _, _ in enriched if a.pk is not None]
            ).values_list("content_object", "tag")
        )
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
                TaggedArticle(
                    content_object=article,
                    tag=self.topics[name],
                    source=TaggedArticle.Source.AUTO,
                )
                for name in dict.fromkeys(item.topic_names)
                if name in self.topics and (article.pk, self.topics[name].pk) not in kept
            ]
        for rows in (credits, regions, topics):
            if rows:
                type(rows[0]).objects.bulk_create(rows)
                self.written[type(rows[0])] += len(rows)

    def _fetch_people(self, names: list[str]) -> None:
        """Load the people of these names not loaded yet (of the archive, only those)."""
        missing = {name for name in names if name not in self.people}
        for name in missing:
            self.people[name] = []
        for person in Person.objects.filter(name__in=missing).select_related("region"):
            self.people[person.name].append(person)

    def _save_pending_people(self) -> None:
        """New people in one batch, with free slugs; their names become whole search words."""
        if not self.pending_people:
            return
        bases = {pinyin_slug(person.name) for person in self.pending_people}
        taken = set(
            Person.objects.filter(
                functools.reduce(
                    operator.or_, (Q(slug=b) | Q(slug__startswith=f"{b}-") for b in bases)
                )
            ).values_list("slug", flat=True)
        )
        for person in self.pending_people:
            person.slug = unique_slug(pinyin_slug(person.name), taken.__contains__)
            taken.add(person.slug)
        Person.objects.bulk_create(self.pending_people)
        self.written[Person] += len(self.pending_people)
        self._changed(self.pending_people)
        self.created_people.update(person.pk for person in self.pending_people)
        add_user_words(person.name for person in self.pending_people)
        self.pending_people.clear()

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
            kind=mention.kind,
            title=mention.title[:200],
            organisation=mention.organisation[:200],
            region=self.regions.get(mention.region_code or ""),
        )
        self.pending_people.append(person)  # saved in one batch by load()
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

    def _update(self, obj, **changes) -> bool:
        """Save only what differs, so a re-import touches nothing (not even updated_at)."""
        changed = [k for k, v in changes.items() if _value(obj, k) != _value(v)]
        for k in changed:
            setattr(obj, k, changes[k])
        if changed and obj.pk is not None:  # an unsaved one is saved in its batch
            fields = [obj._meta.get_field(k).attname for k in changed]
            if any(f.name == "updated_at" for f in obj._meta.fields):
                fields.append("updated_at")
            obj.save(update_fields=fields)
            self._changed([obj])
        return bool(changed)

    def _changed(self, rows) -> None:
        for row in rows:
            self.changed[type(row)].add(row.pk)


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


def _value(obj, name=None):
    """A field's value to compare, a related row by its key (no query to fetch it)."""
    if name is None:
        return obj.pk if isinstance(obj, Model) else obj
    field = obj._meta.get_field(name)
    return getattr(obj, field.attname) if field.is_relation else getattr(obj, name)


def _auto_topics(article_ids):
    """The topics the vocabulary chose for these articles: a re-import may replace them."""
    return TaggedArticle.objects.filter(
        content_object__in=article_ids, source=TaggedArticle.Source.AUTO
    )


# What a teaser's placeholder holds: its title, and the defaults of everything else.
_PLACEHOLDER_FIELDS = (
    "kind",
    "kicker",
    "title",
    "subtitle",
    "source",
    "is_reprint",
    "dateline",
    "body",
    "status",
    "published_at",
)


def _is_placeholder(article: Article) -> bool:
    """A teaser's placeholder: an article with no text, waiting for its page's file."""
    return article.kind == Article.Kind.ARTICLE and not article.body


def _match(existing: dict, items, waiting: dict, *, by_position: bool):
    """Each parsed item's article on the page (None for a new one), and those left over.

    First the same title; then an article teasers wait for (a placeholder, as a rule)
    under a title like theirs; then, for a corrected title, the article at the same
    place, unless the file still uses its title or a teaser waits for it.
    """
    free = dict(existing)
    matched: list[Article | None] = [None] * len(items)
    for i, item in enumerate(items):
        article = next((a for a in free.values() if a.title == item.title), None)
        if article is not None:
            matched[i] = free.pop(article.pk)
    for i, item in enumerate(items):
        if matched[i] is None and item.kind != Article.Kind.TEASER:
            candidates = [(pk, [free[pk].title, *waiting[pk]]) for pk in waiting if pk in free]
            key = best_match(item.title, candidates)
            if key is not None:
                matched[i] = free.pop(key)
    if by_position:
        titles = {item.title for item in items}
        for i in range(len(items)):
            article = next(
                (
                    a
                    for a in free.values()
                    if a.position == i + 1 and a.title not in titles and a.pk not in waiting
                ),
                None,
            )
            if matched[i] is None and article is not None:
                matched[i] = free.pop(article.pk)
    return matched, free
