"""Production settings pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    unset = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # the last: browser tests'
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(env, DJANGO_SETTINGS_MODULE="newsletter.settings")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_has_no_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="x" * 20 + "-a-long-production-secret-key-0123456789",
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_missing_secret_key_fails_fast_without_debug():
    result = run_manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_a_malformed_trusted_proxy_fails_fast():
    result = run_manage("check", DEBUG="1", TRUSTED_PROXIES="10.0.0.1,proxy.example.org")
    assert result.returncode != 0
    assert "TRUSTED_PROXIES" in result.stderr


def test_pages_carry_a_content_security_policy(client, db):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy


SHOW_SETTINGS = (
    "from django.conf import settings as s;"
    "print(s.SECRET_KEY, s.ALLOWED_HOSTS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
)


def test_dotenv_fills_in_what_the_environment_leaves_unset():
    dotenv = ROOT / ".env"
    if dotenv.exists():
        pytest.skip("a developer's own .env is in the way")
    dotenv.write_text("SECRET_KEY=key-from-dotenv\nALLOWED_HOSTS=dotenv.example\n")
    try:
        result = run_manage(
            "shell",
            "-v",
            "0",
            "-c",
            SHOW_SETTINGS,
            DEBUG="0",
            ALLOWED_HOSTS="real.example",
            PYTHON_DOTENV_DISABLED="",
        )
    finally:
        dotenv.unlink()
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["key-from-dotenv", "['real.example']"]


def test_secure_cookies_are_on_without_debug_unless_turned_off_for_plain_http():
    key = "x" * 50
    on = run_manage("shell", "-v", "0", "-c", SHOW_SETTINGS, DEBUG="0", SECRET_KEY=key)
    off = run_manage(
        "shell", "-v", "0", "-c", SHOW_SETTINGS, DEBUG="0", SECRET_KEY=key, SECURE_COOKIES="0"
    )
    assert on.stdout.split()[2:] == ["True", "True"], on.stderr
    assert off.stdout.split()[2:] == ["False", "False"], off.stderr
