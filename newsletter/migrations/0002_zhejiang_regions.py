"""Load the whole of Zhejiang (GB/T 2260): the province, its cities and counties."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "zhejiang_regions.csv"


def load_regions(apps, schema_editor):
    Region = apps.get_model("newsletter", "Region")
    with DATA.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    by_code = {}
    # Parents precede children in the file: province, then each city and its counties.
    for row in sorted(rows, key=lambda r: ("province", "city", "county").index(r["level"])):
        region, _ = Region.objects.update_or_create(
            code=row["code"],
            defaults={
                "parent": by_code.get(row["parent_code"]),
                "level": row["level"],
                "name": row["name"],
                "short_name": row["short_name"],
                "slug": row["slug"],
                "aliases": "、".join(a for a in row["aliases"].split("|") if a),
                "match_short": row["match_short"] == "1",
            },
        )
        by_code[region.code] = region


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]

    operations = [migrations.RunPython(load_regions, migrations.RunPython.noop)]
