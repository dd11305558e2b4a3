"""Export the whole archive (content and its revision history) as one versioned JSON file.

Streamed from one snapshot, row by row: the memory it takes does not grow with
the archive. A name ending in ``.gz`` is gzip-compressed. The file appears only
when the export has succeeded.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsletter.archive import files
from newsletter.archive.export import export_archive


class Command(BaseCommand):
    help = "导出全部内容（地区、期、版面、文章、人物、署名、专题及修订记录）为一个 JSON 存档文件。"

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="存档文件路径；以 .gz 结尾则压缩")

    def handle(self, *args, **options):
        path = options["path"]
        if not path.parent.is_dir():
            raise CommandError(f"目录不存在：{path.parent}")
        progress = self.stdout.write if options["verbosity"] >= 2 else None
        try:
            with files.writing(path) as stream:
                written = export_archive(stream, progress=progress)
        except OSError as error:
            raise CommandError(f"无法写入 {path}：{error.strerror or error}") from error
        if options["verbosity"] >= 1:
            self.stdout.write(f"已导出 {written.total()} 行到 {path}。")
