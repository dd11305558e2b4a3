"""Production settings plus the bare-Django baseline view, for web_bench.py only.

The site is served exactly as configured by the environment; this module only
adds /bench/baseline/ (without touching the production URLconf) and lets the
benchmark collect static files into a throw-away folder.
"""

import os

from newsletter.settings import *  # noqa: F403
from newsletter.settings import BASE_DIR, TEMPLATES

ROOT_URLCONF = "benchmarks.urls"
TEMPLATES = [
    {**TEMPLATES[0], "DIRS": [*TEMPLATES[0]["DIRS"], BASE_DIR / "benchmarks" / "templates"]}
]

if os.environ.get("BENCH_STATIC_ROOT"):
    STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
