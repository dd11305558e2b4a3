"""Re-tag every article from the current topic vocabulary, as the admin's action does.

For the whole archive at once, where one request in the admin would take too
long. Only the vocabulary's topics (auto) change; topics editors set stay.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from articles.models import Article
from articles.retagging import articles_retag


class DryRunRollback(Exception):
    """Raised inside the transaction to undo a dry run."""


class Command(BaseCommand):
    help = "按当前专题关键词重新标注全部文章的专题（只改自动标注，人工标注保持不变）。"

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="只列出变化，不写入数据库")

    def handle(self, *args, **options):
        report = None
        try:
            with transaction.atomic():
                report = articles_retag(articles=Article.objects.all())
                if options["dry_run"]:
                    raise DryRunRollback
        except DryRunRollback:
            pass
        if options["verbosity"] >= 2:
            for change in report.changes:
                added = "、".join(change.added) or "—"
                removed = "、".join(change.removed) or "—"
                self.stdout.write(f"{change.article.title}：新增 {added}；移除 {removed}")
        if options["verbosity"] >= 1:
            prefix = "（演练，未写入）" if options["dry_run"] else ""
            self.stdout.write(
                f"{prefix}检查了 {report.looked_at} 篇文章，{len(report.changes)} 篇的专题有变化。"
            )
