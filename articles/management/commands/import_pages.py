"""Import the plain text of printed pages: issues, pages, articles, people, places, topics.

A file's page number comes from --page, else its folder's manifest.toml,
else its name (p2.txt, 02.txt, 第2版.txt: see articles.importing.filenames).
"""

import dataclasses
import json
import os
import stat
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.importing.filenames import page_from_name
from articles.importing.manifest import PageInfo, read_manifest
from articles.importing.parsed import ParseError
from articles.management.arguments import iso_date, positive_int
from articles.services import (
    MAX_PAGE_ARTICLES,
    MAX_PAGE_BYTES,
    ImportFailure,
    PageSource,
    import_summary,
    import_totals,
    pages_import,
)


class Command(BaseCommand):
    help = (
        "导入报纸版面的纯文本（.txt 文件或其所在文件夹），生成期、版面、文章、人物、地区和专题。"
        "版次依次取自 --page、文件夹的 manifest.toml、文件名（p2.txt、02.txt、第2版.txt、"
        "0422_p3.txt）；只导入一个没有版次的文件时为第1版。某版已导入另一个文件时拒绝导入，"
        "除非使用 --overwrite。"
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help=".txt 文件或文件夹")
        parser.add_argument("--date", type=iso_date, help="出版日期 YYYY-MM-DD")
        parser.add_argument("--number", type=int, help="期号")
        parser.add_argument(
            "--page", type=int, help="版次（只用于单个文件；否则取自 manifest.toml 或文件名）"
        )
        parser.add_argument("--section", default="", help="版名，如 要闻")
        parser.add_argument("--publish", action="store_true", help="导入后立即发布")
        parser.add_argument("--dry-run", action="store_true", help="只解析和校验，不写入数据库")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--encoding", help="强制使用的文件编码，如 gb18030、big5")
        parser.add_argument(
            "--keep-punctuation", action="store_true", help="不把中文间的半角标点改为全角"
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="以文件为准：覆盖编辑手工修改过的字段、人物、地区和专题；"
            "某版已导入另一个文件时，用本文件替换它（删除新文件中没有的文章）",
        )
        parser.add_argument(
            "--max-bytes",
            type=positive_int,
            default=MAX_PAGE_BYTES,
            help=f"每个文件最多的字节数（默认 {MAX_PAGE_BYTES:,}，即 1 MB）",
        )
        parser.add_argument(
            "--max-articles",
            type=positive_int,
            default=MAX_PAGE_ARTICLES,
            help=f"每个版面最多的文章数（默认 {MAX_PAGE_ARTICLES}）",
        )

    def handle(self, *args, **options):
        sources = [
            PageSource(
                name=path.name,
                raw=_read(path, options["max_bytes"]),
                page=options["page"] or info.page or page_from_name(path.name),
                section=options["section"] or info.section,
                date=options["date"] or info.date,
                number=options["number"] or info.number,
                year=info.year,
            )
            for path, info in _collect(options["paths"])
        ]
        if options["page"] and len(sources) > 1:
            raise CommandError("--page 只能用于单个文件")
        try:
            reports = pages_import(
                sources=sources,
                encoding=options["encoding"],
                keep_punctuation=options["keep_punctuation"],
                publish=options["publish"],
                overwrite=options["overwrite"],
                dry_run=options["dry_run"],
                max_bytes=options["max_bytes"],
                max_articles=options["max_articles"],
            )
        except ImportFailure as error:
            raise CommandError(str(error)) from error
        self._report(reports, options)

    def _report(self, reports, options):
        if options["format"] == "json":
            payload = {
                "dry_run": options["dry_run"],
                "pages": [dataclasses.asdict(r) for r in reports],
                "totals": import_totals(reports),
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        verbosity = options["verbosity"]
        for r in reports:
            if verbosity >= 1:
                confirmed = "" if r.date_confirmed else "（日期由正文推断，未确认，请在后台核对）"
                self.stdout.write(
                    f"{r.source_file} → {r.issue_date}{confirmed} 第{r.page}版 {r.section}"
                    f"[{r.encoding}]：新建 {len(r.created)} 篇，更新 {len(r.updated)} 篇，"
                    f"未变 {len(r.unchanged)} 篇"
                    + (f"，删除 {len(r.removed)} 篇" if r.removed else "")
                )
                if r.replaced_file:
                    self.stdout.write(f"  替换原文件 {r.replaced_file}")
                for title in r.removed:
                    self.stdout.write(f"  删除 {title}")
                for line in r.teasers:
                    self.stdout.write(f"  导读 {line}")
                for line in r.kept_edits:
                    self.stdout.write(f"  保留编辑的修改 {line}")
                for call in r.close_calls:
                    self.stdout.write(f"  存疑 {call['description']}")
                for repair in r.repairs:
                    # Punctuation fixes are many and safe; joins and overlaps want a look.
                    if verbosity >= 2 or repair["kind"] != "punctuation":
                        label = _REPAIR_LABELS.get(repair["kind"], repair["kind"])
                        self.stdout.write(
                            f"  修复 第{repair['line']}行 [{label}]"
                            f" {repair['before']} → {repair['after']}"
                        )
            if verbosity >= 2:
                for person in r.people_created:
                    self.stdout.write(f"  新人物 {person}")
        if verbosity >= 1:
            summary = import_summary(reports, dry_run=options["dry_run"])
            self.stdout.write(self.style.SUCCESS(summary))


_REPAIR_LABELS = {"column-join": "跨栏接续", "overlap": "重复字词", "punctuation": "标点"}


def _read(path: Path, limit: int) -> bytes:
    """At most limit + 1 bytes of a regular file (enough to tell that it is too big).

    Opened without following a symlink nor waiting on a FIFO, and checked once open,
    so a file swapped after _collect looked at it is refused too.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        raise CommandError(f"{path}: 无法读取：{error.strerror}") from error
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise CommandError(_NOT_REGULAR.format(path=path))
        try:
            return file.read(limit + 1)
        except OSError as error:
            raise CommandError(f"{path}: 无法读取：{error.strerror}") from error


_NOT_REGULAR = "{path}: 不是普通文件（可能是设备、管道或套接字），为安全起见不导入"


def _collect(paths) -> list[tuple[Path, PageInfo]]:
    """Each file with what its folder's manifest says of it; refuse anything odd."""
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_symlink():
            raise CommandError(f"{path}: 是符号链接，为安全起见不导入，请直接指定目标文件")
        if not path.exists():
            raise CommandError(f"{path}: 路径不存在")
        if path.is_dir():
            members = sorted(p for p in path.iterdir() if p.suffix == ".txt")
            if not members:
                raise CommandError(f"{path}: 文件夹中没有 .txt 文件")
            for member in members:
                if member.is_symlink():
                    raise CommandError(f"{member}: 是符号链接，为安全起见不导入")
                if not member.is_file():
                    raise CommandError(_NOT_REGULAR.format(path=member))
        elif not path.is_file():
            raise CommandError(_NOT_REGULAR.format(path=path))
        else:
            members = [path]
        for member in members:
            try:
                manifest = read_manifest(member.parent)
            except ParseError as error:
                raise CommandError(str(error)) from error
            files.append((member, manifest.get(member.name, PageInfo())))
    return files
