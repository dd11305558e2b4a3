import os

import pytest
import redis
from django.core.cache import cache

TEST_REDIS_URL = os.environ.get("PAGE_CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
LOCMEM = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "page-cache"}
REDIS = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": TEST_REDIS_URL}


@pytest.fixture
def editor(django_user_model):
    """A staff user in the 编辑 group, as the data migration defines it."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username="editor", password="editor-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="编辑"))
    return user


@pytest.fixture
def chief(django_user_model):
    """A staff user in the 值班主编 (chief editor on duty) group: editing and publishing."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username="chief", password="chief-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="值班主编"))
    return user


@pytest.fixture(params=["locmem", "redis"])
def cache_backend(request, settings):
    """Each test on local memory and on Redis (a database of its own, flushed before and after)."""
    if request.param == "redis":
        try:
            redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1).ping()
        except redis.RedisError:
            pytest.skip(f"Redis 不可达：{TEST_REDIS_URL}")
    settings.CACHES = {"default": REDIS if request.param == "redis" else LOCMEM}
    cache.clear()
    yield request.param
    cache.clear()
