"""Static files: hashed names, compressed, cached for ever by browsers and proxies."""

import gzip

import brotli
import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

DECOMPRESS = {"br": brotli.decompress, "gzip": gzip.decompress}


def test_hashed_static_files_are_compressed_and_cached_for_ever(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--no-input", verbosity=0)
    url = staticfiles_storage.url("css/site.css")
    assert url != "/static/css/site.css"  # a hashed name
    original = (settings.BASE_DIR / "static" / "css" / "site.css").read_bytes()
    reader = Client()  # a new handler: WhiteNoise reads STATIC_ROOT when it starts
    for encoding, decompress in DECOMPRESS.items():
        response = reader.get(url, headers={"accept-encoding": encoding})
        assert response.status_code == 200
        assert response["Cache-Control"] == "max-age=315360000, public, immutable"
        assert response["Content-Encoding"] == encoding
        assert decompress(response.getvalue()) == original
    response = reader.get("/static/css/site.css")
    assert response["Cache-Control"] == "max-age=60, public"  # unhashed: a minute
    assert response.getvalue() == original
    assert url in reader.get("/").content.decode()  # pages link the hashed name
