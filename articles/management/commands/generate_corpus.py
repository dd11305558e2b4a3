"""Generate a demo archive of about N published articles, going back in time from today.

The rows are those the page importer would store (issues, pages, articles,
teasers, people and their credits, places, topics, the search index), written
in bulk, one transaction per year of issues. The same seed and end date give
the same rows. It writes only into a date range the archive leaves empty.
"""

from django.core.management.base import BaseCommand, CommandError

from articles.corpus.loading import CorpusError, generate_corpus
from articles.management.arguments import iso_date, positive_int


class Command(BaseCommand):
    help = "生成示例存档：约 N 篇已发布的文章，连同期、版面、人物、地区和专题，从今天往前排。"

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=positive_int, required=True, help="文章篇数（约数）")
        parser.add_argument("--seed", type=int, default=1, help="随机种子，相同种子生成相同内容")
        parser.add_argument(
            "--until", type=iso_date, help="最近一期的出版日期 YYYY-MM-DD（默认今天），往前生成"
        )

    def handle(self, *args, **options):
        progress = self.stdout.write if options["verbosity"] >= 2 else None
        try:
            report = generate_corpus(
                articles=options["articles"],
                seed=options["seed"],
                until=options["until"],
                progress=progress,
            )
        except CorpusError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] >= 1:
            self.stdout.write(report.summary())
