"""A real browser: Debian's Chromium driven by Playwright, against the live server.

Locally the browser tests skip when Chromium is missing; in CI (CI=true) they fail.
"""

import importlib
import os
import shutil
from pathlib import Path

import pytest
from django.apps import apps

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parent.parent.parent / "var" / "screenshots"
# Flags this machine needs: no sandbox as root, and no calls home on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}: browser tests must run in CI")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread for the session;
    # the ORM calls tests make beside it are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(params=[375, 1280], ids=["phone", "desktop"])
def page(request, browser):
    width = request.param
    context = browser.new_context(
        viewport={"width": width, "height": 800}, locale="zh-CN", device_scale_factor=1
    )
    page = context.new_page()
    page.width = width
    yield page
    context.close()


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}-{page.width}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def reference_data(live_server):
    """The gazetteer and topic vocabulary the data migrations load.

    A live-server test runs outside a transaction and its database is flushed
    afterwards, so the migrations' rows are loaded again for each such test.
    """
    for module, loader in [
        ("newsletter.migrations.0002_zhejiang_regions", "load_regions"),
        ("articles.migrations.0002_topic_vocabulary", "load_topics"),
    ]:
        getattr(importlib.import_module(module), loader)(apps, None)
