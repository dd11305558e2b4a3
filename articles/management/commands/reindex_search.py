"""Rebuild the search index: re-segment every article's text into ``search_text``.

Run it after names of people, places or topics were edited in bulk, after
upgrading jieba, or to index articles written by code that did not call
``articles.search.article_index()`` / ``reindex_articles()``.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from articles.models import Article
from articles.search import refresh_user_dictionary, reindex_articles


class DryRunRollback(Exception):
    """Raised inside the transaction to undo a dry run."""


class Command(BaseCommand):
    help = "重建全文检索分词（Article.search_text），人名、地名、专题词典同时刷新。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="只统计需要更新的文章，不写入数据库"
        )

    def handle(self, *args, **options):
        refresh_user_dictionary(force=True)
        total = Article.objects.count()
        changed = 0
        try:
            with transaction.atomic():
                changed = reindex_articles(Article.objects.all())
                if options["dry_run"]:
                    raise DryRunRollback
        except DryRunRollback:
            pass
        if options["verbosity"] >= 1:
            prefix = "（演练，未写入）" if options["dry_run"] else ""
            self.stdout.write(f"{prefix}共 {total} 篇文章，{changed} 篇的检索分词已更新。")
