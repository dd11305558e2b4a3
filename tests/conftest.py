import pytest


@pytest.fixture
def editor(django_user_model):
    """A staff user in the 编辑 group, as the data migration defines it."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username="editor", password="editor-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="编辑"))
    return user
