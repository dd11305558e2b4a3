"""The icon set and web manifest: no page makes the browser ask for a missing file."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n"


def test_favicon_ico_is_served_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    body = b"".join(response.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO header
    assert body == (Path(settings.WHITENOISE_ROOT) / "favicon.ico").read_bytes()


def test_the_manifest_is_json_naming_icons_that_exist():
    manifest_path = finders.find("site.webmanifest")
    manifest = json.loads(Path(manifest_path).read_text(encoding="utf-8"))
    assert manifest["short_name"] == "同心苑"
    assert manifest["name"].startswith("同心苑")
    assert manifest["theme_color"].startswith("#")
    sizes = set()
    for icon in manifest["icons"]:
        # Relative to the manifest, which lies at the root of the static files.
        found = finders.find(icon["src"])
        assert found, icon["src"]
        if icon["type"] == "image/png":
            header = Path(found).read_bytes()[:24]
            assert header.startswith(PNG)
            width = int.from_bytes(header[16:20], "big")
            assert icon["sizes"] == f"{width}x{width}"
            sizes.add(width)
    assert {192, 512} <= sizes


@pytest.mark.parametrize("path", ["/", "/articles/", "/no-such-page/"])
def test_pages_link_the_icons_and_the_manifest(client, path):
    html = client.get(path).content.decode()
    for name in ("icons/favicon.svg", "icons/icon-32.png", "icons/apple-touch-icon.png"):
        assert static(name) in html
        assert finders.find(name)
    assert f'<link rel="manifest" href="{static("site.webmanifest")}">' in html
    assert '<link rel="apple-touch-icon"' in html


def test_the_icon_links_are_in_the_head_without_inline_code(client):
    html = client.get("/").content.decode()
    head = html.split("</head>")[0]
    assert 'rel="icon"' in head
    assert "<style" not in head and "<script" not in head
