# The two commands: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Where `make run` serves: `make run PORT=8001`, `make run HOST=0.0.0.0`.
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_COLORS := nocolor

.PHONY: install run test lint browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

# The virtualenv with the project in it, and var/ for SQLite and static files.
install: $(VENV)/.installed
	mkdir -p var

run: export DEBUG ?= 1
run: install
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py import_pages seeds/ --publish -v 1
	$(BIN)/python manage.py collectstatic --no-input -v 0
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run -v 1

# Browser tests drive Debian's Chromium, with a CJK font so screenshots show
# Chinese; install both where we may (root with apt).
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
				apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; \
		else \
			echo "chromium 或中文字体未安装：浏览器测试可能被跳过（CI 中会失败）。Debian: apt-get install chromium fonts-wqy-microhei"; \
		fi; \
	fi

test: $(VENV)/.installed-test lint browser
	mkdir -p var
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
