"""The starting topic vocabulary, editable afterwards in the admin."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "topics.csv"


def load_topics(apps, schema_editor):
    Topic = apps.get_model("articles", "Topic")
    with DATA.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            Topic.objects.update_or_create(
                name=row["name"],
                defaults={"slug": row["slug"], "keywords": "、".join(row["keywords"].split("|"))},
            )


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(load_topics, migrations.RunPython.noop)]
