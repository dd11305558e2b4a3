# Print order (newest issue first, then page, then position) as one index on
# the article table: copies of the issue's date and the page's number, filled
# from the issue and the page, and kept by Article.set_page() and
# articles.services.articles_replace().

from django.db import migrations, models
from django.db.models import OuterRef, Q, Subquery


def fill_print_order(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Page = apps.get_model("newsletter", "Page")
    pages = Page.objects.filter(pk=OuterRef("page_id"))
    Article.objects.update(
        issue_date=Subquery(pages.values("issue__date")[:1]),
        page_number=Subquery(pages.values("number")[:1]),
    )


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0004_chinese_punctuation_in_help"),
        ("newsletter", "0004_chinese_punctuation_in_help"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="issue_date",
            field=models.DateField(editable=False, null=True, verbose_name="出版日期"),
        ),
        migrations.AddField(
            model_name="article",
            name="page_number",
            field=models.PositiveSmallIntegerField(editable=False, null=True, verbose_name="版次"),
        ),
        migrations.RunPython(fill_print_order, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="article",
            name="issue_date",
            field=models.DateField(editable=False, verbose_name="出版日期"),
        ),
        migrations.AlterField(
            model_name="article",
            name="page_number",
            field=models.PositiveSmallIntegerField(editable=False, verbose_name="版次"),
        ),
        migrations.AlterModelOptions(
            name="article",
            options={
                "ordering": ["-issue_date", "page_number", "position"],
                "verbose_name": "文章",
                "verbose_name_plural": "文章",
            },
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=Q(status="published") & ~Q(kind="teaser"),
                fields=["-issue_date", "page_number", "position"],
                name="articles_public_newest_first",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["-issue_date", "page_number", "position"], name="articles_newest"
            ),
        ),
    ]
