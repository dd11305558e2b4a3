"""gunicorn started as in production (its gunicorn.conf.py) names no software."""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The ports this project's tests may listen on.
PORTS = range(8270, 8280)


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip(f"端口 {PORTS.start}–{PORTS.stop - 1} 均被占用")


def _get(port: int, path: str, *, deadline: float) -> http.client.HTTPResponse:
    while True:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            return response
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
        finally:
            connection.close()


@pytest.fixture
def gunicorn_port():
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PYTHONPATH": str(ROOT),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "newsletter.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_gunicorn_sends_no_server_banner(gunicorn_port):
    # The favicon is served by WhiteNoise: no database needed.
    response = _get(gunicorn_port, "/favicon.ico", deadline=time.monotonic() + 20)
    assert response.status == 200
    assert response.getheader("Server", "") == ""
    assert "gunicorn" not in str(response.headers).lower()
