import os
from pathlib import Path

import pytest
import redis
from django.core.cache import cache

TEST_REDIS_URL = os.environ.get("PAGE_CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
PAGES = Path(__file__).resolve().parent / "pages"
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


# Four test pages as one issue, each named by a different file-name convention; every
# teaser re-pointed at an article of its page, under a title as a front page shortens it.
ISSUE = {
    "第1版.txt": (
        "taizhou_p1.txt",
        {"缙云烧饼飘香海外\n": "老旧小区加装电梯难在哪\n"},  # 老旧小区加装电梯难在哪？
    ),
    "p2.txt": (
        "wenzhou_p2.txt",
        {
            "瓯海政协委员走进田间地头\n": "兰溪政协委员夜访企业\n",  # the same title
            "温州民盟举办“同心讲堂”\n": "江山市政协开展“请你来协商”\n",  # …“请你来协商”活动
        },
    ),
    "jinhua_p3.txt": (
        "jinhua_p3.txt",
        {"浦江政协助力“水晶之都”转型\n": "温州政协为“两个健康”献策\n"},  # words left out
    ),
    "04.txt": ("quzhou_p4.txt", {}),
}


@pytest.fixture
def issue(tmp_path) -> list[Path]:
    """The issue's files, page 1 to 4, in a folder of their own."""
    files = []
    for name, (source, teasers) in ISSUE.items():
        text = (PAGES / source).read_text(encoding="utf-8")
        for old, new in teasers.items():
            assert old in text
            text = text.replace(old, new)
        files.append(tmp_path / name)
        files[-1].write_text(text, encoding="utf-8")
    return files
