"""Services that write articles: keeping their copies of where they are printed, and
importing printed pages. Publishing is in articles.workflow."""

import dataclasses
import datetime
import functools

from django.db import IntegrityError, transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from newsletter.history import add_to_revision, record_changes, revision
from newsletter.models import Page
from newsletter.page_cache import bulk_writes, content_changed

from .import_plan import ImportPlan, import_plan
from .importing.dating import infer_issue_date
from .importing.parallel import parse_pages
from .importing.parsed import ParseError
from .models import Article
from .page_import import (
    PageConflict,
    PageLoader,
    PageReport,
    PageTarget,
    build_gazetteer,
    build_vocabulary,
    search_texts,
)
from .table_statistics import analyze_tables


def articles_replace(*, pages: QuerySet[Page]) -> int:
    """Copy each page's issue, issue date and number onto its articles (print order).

    Called after an editor changes an issue's date, renumbers a page or moves it.
    """
    page = Page.objects.filter(pk=OuterRef("page_id"))
    count = Article.objects.filter(page__in=pages).update(
        issue_id=Subquery(page.values("issue_id")[:1]),
        issue_date=Subquery(page.values("issue__date")[:1]),
        page_number=Subquery(page.values("number")[:1]),
    )
    content_changed()
    return count


def article_move(*, article: Article, offset: int, user=None) -> bool:
    """Move an article up (offset -1) or down (+1) on its page, swapping places with
    its neighbour; False where it is first or last already.

    Positions are unique on a page, so the article waits on a free position while
    its neighbour takes its place; the page's rows are locked meanwhile.
    """
    with revision(user=user, comment="调整版内顺序"):
        on_page = list(
            Article.objects.select_for_update()
            .filter(page_id=article.page_id)
            .order_by("position")
            .only("pk", "position")
        )
        # None: the article left the page (moved by someone else) before the lock.
        index = next((i for i, a in enumerate(on_page) if a.pk == article.pk), None)
        if index is None or not 0 <= index + offset < len(on_page):
            return False
        moved, neighbour = on_page[index], on_page[index + offset]
        free = on_page[-1].position + 1
        Article.objects.filter(pk=moved.pk).update(position=free)
        Article.objects.filter(pk=neighbour.pk).update(position=moved.position)
        Article.objects.filter(pk=moved.pk).update(position=neighbour.position)
        add_to_revision(*Article.objects.filter(pk__in=[moved.pk, neighbour.pk]))
        content_changed()
    return True


@dataclasses.dataclass(frozen=True)
class PageSource:
    """The bytes of one printed page, with what is known of where it goes."""

    name: str  # file name, for messages and the page's record
    raw: bytes
    page: int | None = None
    section: str = ""
    date: datetime.date | None = None
    number: int | None = None  # 期号
    year: int | None = None  # to place undated datelines (4月17日)


class ImportFailure(Exception):
    """One bad page stops the whole import; the message names the file and line."""

    def __init__(self, source: str, message: str, *, line: int | None = None):
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {message}")


class PlanChanged(ImportFailure):
    """The rows an import would write are no longer those an editor previewed."""


# What one printed page can be: its text is some 10-30 KB and holds a few dozen
# articles. More is a whole issue or the wrong file in one, which would be imported
# as one page (a 20 MB file became 13,080 articles); the command can raise both.
MAX_PAGE_BYTES = 1024 * 1024
MAX_PAGE_ARTICLES = 60

# How to say which page a file is, for the messages that ask for it.
NUMBERING_HINT = (
    "请为每个文件指明版次：在文件夹的 manifest.toml 中写明，"
    "或按约定命名文件（如 p2.txt、02.txt、第2版.txt、0422_p3.txt），"
    "单个文件也可用 --page 指定"
)


def pages_import(
    *,
    sources: list[PageSource],
    encoding: str | None = None,
    keep_punctuation: bool = False,
    publish: bool = False,
    overwrite: bool = False,
    dry_run: bool = False,
    max_bytes: int = MAX_PAGE_BYTES,
    max_articles: int = MAX_PAGE_ARTICLES,
    user=None,
    previewed: str | None = None,
) -> list[PageReport]:
    """Parse and load every page in one transaction (rolled back on a dry run or any error).

    Shared by the import_pages command and the admin's import form. A source
    without a page number is page 1 when it is the only one; among several it
    is refused, as are two sources for the same page, and a source over max_bytes or
    with more than max_articles articles. Every page is parsed before the transaction
    opens, which is then held only while writing; should a concurrent import create
    the same new person first, the writing is retried once. After the commit, the
    tables the import changed much of get fresh planner statistics. Every row the
    import creates or changes gets a revision in the history, by user (an editor
    importing in the admin; None for the command).

    previewed is the digest of a preview's plan (pages_preview): the import is then
    committed only if it writes exactly those rows, else refused with PlanChanged.
    """
    reports, _ = _import(
        sources=sources,
        encoding=encoding,
        keep_punctuation=keep_punctuation,
        publish=publish,
        overwrite=overwrite,
        dry_run=dry_run,
        max_bytes=max_bytes,
        max_articles=max_articles,
        read_plan=previewed is not None,
        previewed=previewed,
        user=user,
    )
    return reports


def pages_preview(
    *,
    sources: list[PageSource],
    encoding: str | None = None,
    publish: bool = False,
    overwrite: bool = False,
) -> ImportPlan:
    """The rows an import of these pages would write, read back before rolling back."""
    _, plan = _import(
        sources=sources,
        encoding=encoding,
        publish=publish,
        overwrite=overwrite,
        dry_run=True,
        read_plan=True,
    )
    return plan


def _import(
    *,
    sources: list[PageSource],
    encoding: str | None,
    publish: bool,
    overwrite: bool,
    dry_run: bool,
    keep_punctuation: bool = False,
    max_bytes: int = MAX_PAGE_BYTES,
    max_articles: int = MAX_PAGE_ARTICLES,
    read_plan: bool = False,
    previewed: str | None = None,
    user=None,
) -> tuple[list[PageReport], ImportPlan | None]:
    unnumbered = [source.name for source in sources if source.page is None]
    if len(sources) > 1 and unnumbered:
        raise ImportFailure(
            "、".join(unnumbered),
            f"没有版次。一次导入 {len(sources)} 个文件时不能都当作第1版，"
            f"未做任何改动。{NUMBERING_HINT}。",
        )
    for source in sources:
        if len(source.raw) > max_bytes:
            raise ImportFailure(
                source.name,
                f"文件大于 {max_bytes:,} 字节（{max_bytes / 2**20:.3g} MB）的上限，"
                "一个版面的文本通常只有 10–30 KB，未做任何改动。"
                "确需导入时，命令行可用 --max-bytes 放宽上限。",
            )
    parsed_pages = list(
        parse_pages(
            [source.raw for source in sources],
            encoding=encoding,
            keep_punctuation=keep_punctuation,
            gazetteer=build_gazetteer(),
            vocabulary=build_vocabulary(),
        )
    )
    for source, parsed in zip(sources, parsed_pages, strict=True):
        if isinstance(parsed, ParseError):
            raise ImportFailure(source.name, parsed.message, line=parsed.line)
        if len(parsed.articles) > max_articles:
            raise ImportFailure(
                source.name,
                f"解析出 {len(parsed.articles)} 篇文章，超过一个版面最多 {max_articles} 篇的上限，"
                "多半是整期或多个版面放在了一个文件里，未做任何改动。"
                "确需导入时，命令行可用 --max-articles 放宽上限。",
            )
    texts = search_texts(parsed_pages)
    load = functools.partial(
        _load_pages,
        sources,
        parsed_pages,
        publish,
        overwrite,
        dry_run,
        texts,
        read_plan,
        previewed,
        user,
    )
    try:
        reports, plan = load()
    except IntegrityError:
        # A concurrent import created the same new person (or region, topic) first:
        # once it has committed, a second attempt finds it and succeeds.
        try:
            reports, plan = load()
        except IntegrityError as error:
            raise ImportFailure(
                "、".join(source.name for source in sources),
                "与同时进行的另一次导入冲突，未做任何改动，请稍后重新导入。",
            ) from error
    if not dry_run:
        content_changed()  # once: the loader's bulk_create and update() send no signals
    return reports, plan


def _load_pages(
    sources, parsed_pages, publish, overwrite, dry_run, texts, read_plan, previewed, user
):
    """Write the parsed pages in one transaction: all of them, or none.

    The plan (the rows as written) is read back for a preview or to check one.
    """
    with bulk_writes(), transaction.atomic():
        loader = PageLoader(publish=publish, overwrite=overwrite, search_texts=texts)
        reports, seen = [], {}
        for source, parsed in zip(sources, parsed_pages, strict=True):
            target = _target(source, parsed)
            where = (target.date, target.page_number)
            if where in seen:
                raise ImportFailure(
                    source.name,
                    f"与 {seen[where]} 都是 {target.date:%Y年%-m月%-d日}第{target.page_number}版，"
                    f"未做任何改动。{NUMBERING_HINT}。",
                )
            seen[where] = source.name
            try:
                reports.append(loader.load(parsed, target))
            except PageConflict as conflict:
                raise ImportFailure(source.name, str(conflict)) from conflict
            if not dry_run:
                comment = f"导入 {source.name} 第{target.page_number}版"
                record_changes(loader.changed, comment=comment, user=user)
            loader.changed.clear()
        plan = import_plan(loader, reports, parsed_pages) if read_plan else None
        if previewed is not None and plan.digest != previewed:
            raise PlanChanged(
                "、".join(source.name for source in sources),
                "预览之后，数据库中的内容有了变化，现在导入的结果与预览的不同，"
                "未做任何改动。请重新预览，核对后再确认导入。",
            )
        if dry_run:
            transaction.set_rollback(True)
        else:
            # Fresh statistics are a help, not part of the import: a failure is only logged.
            transaction.on_commit(lambda: analyze_tables(loader.written), robust=True)
    return reports, plan


def _target(source: PageSource, parsed) -> PageTarget:
    date = source.date or infer_issue_date(
        parsed.articles, year=source.year, today=timezone.localdate()
    )
    if date is None:
        raise ImportFailure(source.name, "正文中没有日期，无法推断出版日期，请指定出版日期")
    return PageTarget(
        date=date,
        date_confirmed=source.date is not None,
        page_number=source.page or 1,
        section=source.section,
        issue_number=source.number,
        source_file=source.name,
    )


def import_totals(reports: list[PageReport]) -> dict[str, int]:
    """How many of each thing an import touched, over all its pages."""
    keys = ("created", "updated", "unchanged", "removed", "people_created", "repairs")
    return {key: sum(len(getattr(r, key)) for r in reports) for key in keys}


def import_summary(reports: list[PageReport], *, dry_run: bool) -> str:
    """The one line that sums up an import."""
    total = import_totals(reports)
    prefix = "试运行（未写入）：" if dry_run else ""
    removed = f"，删除 {total['removed']} 篇" if total["removed"] else ""
    return (
        f"{prefix}导入 {len(reports)} 个版面：新建 {total['created']} 篇文章、"
        f"{total['people_created']} 位人物，更新 {total['updated']} 篇，"
        f"未变 {total['unchanged']} 篇{removed}，修复 {total['repairs']} 处。"
    )
