from django.db import migrations, models

SOURCE = models.CharField(
    choices=[("auto", "自动"), ("manual", "人工")],
    default="manual",
    max_length=8,
    verbose_name="标注方式",
)


class Migration(migrations.Migration):
    """Which topic rows the vocabulary chose and which an editor set.

    Nothing recorded it before: the rows there are taken as the importer's (auto),
    which is what nearly all of them are; from now on rows an editor adds are manual.
    """

    dependencies = [
        ("articles", "0008_publish_permission"),
    ]

    operations = [
        migrations.AddField(
            model_name="taggedarticle",
            name="source",
            field=models.CharField(
                choices=SOURCE.choices, default="auto", max_length=8, verbose_name="标注方式"
            ),
        ),
        migrations.AlterField(model_name="taggedarticle", name="source", field=SOURCE),
    ]
