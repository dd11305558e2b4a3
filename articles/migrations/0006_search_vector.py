# The search vector becomes a stored generated column: to_tsvector() of an
# article's tokens, computed once on write instead of for every row a search
# looks at. On PostgreSQL the GIN index moves from the expression (0003) to the
# column; elsewhere the column is NULL and search matches substrings.

import articles.models
import django.contrib.postgres.search
from django.db import migrations, models

OLD_INDEX = "articles_article_search_gin"
NEW_INDEX = "articles_article_search_vector_gin"


def index_the_column(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NEW_INDEX} ON articles_article USING gin (search_vector)"
    )


def index_the_expression(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {NEW_INDEX}")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON articles_article "
        "USING gin (to_tsvector('simple'::regconfig, search_text))"
    )


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0005_article_print_order"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=articles.models.SearchTextVector("search_text"),
                output_field=django.contrib.postgres.search.SearchVectorField(),
                verbose_name="检索向量",
            ),
        ),
        migrations.RunPython(index_the_column, index_the_expression, elidable=False),
    ]
