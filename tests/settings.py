"""Test settings: the project's settings with a fixed key and fast hashing.

DATABASE_URL still decides the database, so the same suite runs on SQLite
and on PostgreSQL.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-0123456789abcdef")
# A developer's .env is not the tests' business (their subprocesses inherit this too).
os.environ["PYTHON_DOTENV_DISABLED"] = "1"

from newsletter.settings import *  # noqa: F403
from newsletter.settings import DATABASES

DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off for the suite: a test's writes are never committed, so they could not
# invalidate it; tests/test_page_cache.py turns it on and runs the commit hooks.
PAGE_CACHE_SECONDS = 0
QUERY_CACHE_SECONDS = 0
# Off for the suite, whose requests all come from one address; tests/test_api_http.py
# turns it on.
API_THROTTLE_RATE = ""
# A replica for tests/test_db_routers.py: a mirror of the test database, read
# from only where a test lists it in DATABASE_REPLICAS.
DATABASES = {**DATABASES, "replica_1": {**DATABASES["default"], "TEST": {"MIRROR": "default"}}}
