"""Restore an archive written by ``export_archive`` into an empty database.

Ids are kept (every URL stays the same), in one transaction: any error leaves
the database as it was. The migrations' gazetteer and starting topics are
replaced by the archive's; any other content makes it refuse.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsletter.archive import files
from newsletter.archive.reader import ArchiveError
from newsletter.archive.restore import restore_archive


class Command(BaseCommand):
    help = "把 export_archive 导出的存档恢复到空数据库（保留编号，一个事务，出错则不作任何改动）。"

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="存档文件路径（.json 或 .json.gz）")
        parser.add_argument("--dry-run", action="store_true", help="完整检查并演练，不写入数据库")

    def handle(self, *args, **options):
        path = options["path"]
        if not path.is_file():
            raise CommandError(f"找不到存档文件：{path}")
        try:
            with files.reading(path) as stream:
                report = restore_archive(stream, dry_run=options["dry_run"])
        except ArchiveError as error:
            raise CommandError(f"{path}：{error}") from error
        if options["verbosity"] >= 1:
            self.stdout.write(report.summary(dry_run=options["dry_run"]))
