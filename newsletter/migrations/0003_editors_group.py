"""The 编辑 (editors) group: content yes, users and groups no."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "编辑"
# model -> actions; regions are shared reference data: editors fix them, never delete.
PERMISSIONS = {
    ("newsletter", "issue"): ("view", "add", "change", "delete"),
    ("newsletter", "page"): ("view", "add", "change", "delete"),
    ("newsletter", "region"): ("view", "add", "change"),
    ("articles", "article"): ("view", "add", "change", "delete"),
    ("articles", "articleregion"): ("view", "add", "change", "delete"),
    ("articles", "topic"): ("view", "add", "change", "delete"),
    ("articles", "taggedarticle"): ("view", "add", "change", "delete"),
    ("people", "person"): ("view", "add", "change", "delete"),
    ("people", "credit"): ("view", "add", "change", "delete"),
}


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    codenames = [
        (app, f"{action}_{model}")
        for (app, model), actions in PERMISSIONS.items()
        for action in actions
    ]
    group.permissions.set(
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in codenames
    )


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0002_zhejiang_regions"),
        ("articles", "0001_initial"),
        ("people", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
