"""Settings for 同心苑, read from the environment.

One module for every deployment: with nothing set it runs for development on
SQLite in var/; production sets DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS and
leaves DEBUG off, in the environment or in .env. Tests override in tests/settings.py.
"""

import os
from datetime import timedelta
from ipaddress import ip_network
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from dotenv import load_dotenv

from newsletter.timeouts import TimeoutSettingError, database_timeouts

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

# A .env file at the project's root (see .env.example) sets what the environment
# leaves unset; the environment always wins. PYTHON_DOTENV_DISABLED=1 ignores it.
load_dotenv(BASE_DIR / ".env")


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-used-only-with-DEBUG-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "newsletter.apps.DeskAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "csp",
    "axes",
    "reversion",
    "reversion_compare",
    "django_filters",
    "taggit",
    "ninja",  # its docs page then loads swagger-ui from our static files, not a CDN
    "corsheaders",
    "newsletter",
    "people",
    "articles",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside WhiteNoise, the guards and the page cache: static files, refusals and
    # cache hits carry the same headers as pages (newsletter/security_headers.py).
    "newsletter.security_headers.SitePolicyCSPMiddleware",
    "newsletter.security_headers.CrossOriginHeaders",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Before the guards, which answer OPTIONS with 405: a browser's preflight for
    # the API is answered here; outside the page cache, so cache hits get the headers.
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the request: NULs never reach the database, and the
    # reading site answers only GET and HEAD (newsletter/request_guards.py).
    "newsletter.request_guards.RefuseUnstorableInput",
    "newsletter.request_guards.ReadOnlyPublicSite",
    # Outside the page cache, which keeps pages uncompressed; only anonymous readers'
    # pages are compressed (BREACH: see newsletter/compression.py).
    "newsletter.compression.PublicGZipMiddleware",
    # Before sessions and authentication, so a cached page costs no query; after
    # WhiteNoise, so static files never reach it (see newsletter/page_cache.py).
    "newsletter.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "newsletter.db_routers.ReplicaReadsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsletter.urls"
# Where the admin answers; robots.txt does not name it.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"
WSGI_APPLICATION = "newsletter.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Every wait on the database ends before gunicorn gives up on the worker
# (newsletter/timeouts.py); a request that gives up answers 503 (error_views.py).
try:
    DATABASE_TIMEOUTS = database_timeouts()
except TimeoutSettingError as error:
    raise ImproperlyConfigured(str(error)) from error


def bounded_waits(database: dict) -> dict:
    """A database's settings with DATABASE_TIMEOUTS in its connection options."""
    options = database.setdefault("OPTIONS", {})
    if database["ENGINE"].endswith("postgresql"):
        bounds = DATABASE_TIMEOUTS.postgresql_options()
        # The URL's own server options are kept; ours come later, so they win.
        bounds["options"] = f"{options.get('options', '')} {bounds['options']}".strip()
    elif database["ENGINE"].endswith("sqlite3"):
        bounds = DATABASE_TIMEOUTS.sqlite_options()
    else:
        raise ImproperlyConfigured(f"{database['ENGINE']}: PostgreSQL or SQLite only")
    options.update(bounds)
    return database


# Connections are kept between requests, and checked before a request's first query:
# a worker reconnects by itself once the database is back, with no restart.
DATABASES = {
    "default": bounded_waits(
        dj_database_url.config(
            default=f"sqlite:///{VAR_DIR / 'newsletter.sqlite3'}",
            conn_max_age=600,
            conn_health_checks=True,
        )
    )
}
# Page files an editor uploaded, kept between the import's preview and its confirmation.
IMPORT_STAGING_DIR = VAR_DIR / "import-staging"
IMPORT_STAGING_SECONDS = 3600

# Read replicas, comma-separated: anonymous readers' pages read from them (db_routers.py).
_replica_urls = env_list("DATABASE_REPLICA_URLS")
DATABASE_REPLICAS = [f"replica_{n}" for n in range(1, len(_replica_urls) + 1)]
for _alias, _url in zip(DATABASE_REPLICAS, _replica_urls, strict=True):
    DATABASES[_alias] = {
        **bounded_waits(dj_database_url.parse(_url, conn_max_age=600, conn_health_checks=True)),
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["newsletter.db_routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# The longest an anonymous reader's page stays cached; 0 turns the page cache off.
# Without Redis each process has its own cache, which an editor's save in another
# process cannot invalidate: a few seconds then bound how stale a page can be.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS") or (300 if REDIS_URL else 5))
# The same bound for values computed from the whole archive (counts, choice lists),
# which pages use whether or not the page cache is on; 0 turns it off.
QUERY_CACHE_SECONDS = int(os.environ.get("QUERY_CACHE_SECONDS") or (300 if REDIS_URL else 5))

# django-axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login lock-out: 5 failures for one username from one client address lock that pair
# for 30 minutes. The pair, not the username alone, so an attacker cannot lock every
# editor out from everywhere by guessing at their accounts; not the address alone, so
# an office behind one address is not locked out by one person's typos. Failures
# are counted for any username, existing or not, so the answers never tell which exist.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes_locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
# The client's address: X-Forwarded-For is believed only from these proxies
# (comma-separated addresses or networks, default none), so a client talking to
# gunicorn directly cannot pick the address its failures are counted against.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
try:  # a typo fails at start-up, not at an editor's login
    for _entry in TRUSTED_PROXIES:
        ip_network(_entry, strict=False)
except ValueError as error:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error}") from error
AXES_CLIENT_IP_CALLABLE = "newsletter.client_ip.client_ip"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
# Chinese for the libraries that ship none (django-reversion-compare).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

# A CDN may serve them (STATIC_URL=https://cdn.example.org/static/), pulling from /static/ here.
STATIC_URL = os.environ.get("STATIC_URL", "/static/")
_static_origin = urlsplit(STATIC_URL)
STATIC_SOURCES = (
    [f"{_static_origin.scheme}://{_static_origin.netloc}"] if _static_origin.netloc else []
)
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers ask for at the site's root (/favicon.ico), served by WhiteNoise.
WHITENOISE_ROOT = BASE_DIR / "root_files"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

TAGGIT_CASE_INSENSITIVE = True

# Behind a TLS-terminating proxy in production; all of this is off under DEBUG.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Browsers return secure cookies over HTTPS only: off for plain HTTP on localhost.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_FAILURE_VIEW = "newsletter.error_views.csrf_failure"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Everything is self-hosted (or on the paper's own CDN) and the reading site has no
# inline style or script: no 'unsafe-*' anywhere but the admin's styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'", *STATIC_SOURCES],
        "script-src": ["'self'", *STATIC_SOURCES],
        "style-src": ["'self'", *STATIC_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Added under ADMIN_URL: Django's admin templates carry inline styles.
# django-reversion-compare: a foreign key differs when its key does (by default any other
# change to the row would show every foreign key as changed).
REVERSION_COMPARE_FOREIGN_OBJECTS_AS_ID = True

ADMIN_CSP_UPDATE = {"style-src": ["'unsafe-inline'"]}
# A CDN serving the static files must then be on a subdomain of the site (same site).
CROSS_ORIGIN_RESOURCE_POLICY = "same-site" if STATIC_SOURCES else "same-origin"

# The JSON API (/api/): readable from any origin, without cookies (an open archive,
# read-only; nothing there depends on who asks).
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD"]
CORS_ALLOW_HEADERS = ["if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After"]
CORS_PREFLIGHT_MAX_AGE = 86400
# Requests an anonymous client may make to the API, per address (N/s, N/min, N/hour,
# N/day; empty: no limit); answers from the page cache do not count.
API_THROTTLE_RATE = os.environ.get("API_THROTTLE_RATE", "120/min")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"database_unavailable": {"()": "newsletter.error_views.DatabaseUnavailableLog"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # A database outage logs one line a request, not a traceback each (error_views.py).
    "loggers": {"django.request": {"filters": ["database_unavailable"]}},
}
