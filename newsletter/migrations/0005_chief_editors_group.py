"""The 值班主编 (chief editor on duty) group: the editors' permissions, and publishing."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "值班主编"
EDITORS = "编辑"
PUBLISHING = [("articles", "publish_article"), ("newsletter", "publish_issue")]


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.get(name=EDITORS)
    group, _ = Group.objects.get_or_create(name=GROUP)
    publishing = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in PUBLISHING
    ]
    group.permissions.set([*editors.permissions.all(), *publishing])


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0004_chinese_punctuation_in_help"),
        ("articles", "0008_publish_permission"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="issue",
            options={
                "ordering": ["-date"],
                "permissions": [("publish_issue", "可以发布、撤回期")],
                "verbose_name": "期",
                "verbose_name_plural": "期",
            },
        ),
        migrations.RunPython(create_group, delete_group),
    ]
