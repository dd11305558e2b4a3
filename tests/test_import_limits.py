"""What the command accepts: a page's size and article count, regular files.

The admin's upload limits are tested with its form (test_admin_import.py).
"""

import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.services import MAX_PAGE_BYTES
from newsletter.models import Page

from .import_rows import all_rows

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_05b83c2a48b8b92d.txt"
SEED_ARTICLES = 8


def run(*args) -> str:
    out = StringIO()
    call_command("import_pages", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


def refused(*args) -> str:
    """The command's message for a refused import, checking that it wrote nothing."""
    before = all_rows()
    with pytest.raises(CommandError) as error:
        run(*args)
    assert all_rows() == before
    return str(error.value)


def big_page(tmp_path) -> Path:
    """The seed page padded past the default size with blank lines (still one page)."""
    path = tmp_path / "p1.txt"
    path.write_bytes(SEED.read_bytes() + b"\n" * MAX_PAGE_BYTES)
    return path


def test_a_file_over_the_size_limit_is_refused_naming_the_limit_and_the_option(tmp_path):
    message = refused(big_page(tmp_path), "--date", "2025-04-22")
    assert "p1.txt" in message and "1,048,576 字节（1 MB）的上限" in message
    assert "--max-bytes" in message and "\n" not in message


def test_the_size_limit_can_be_raised_and_lowered(tmp_path):
    run(big_page(tmp_path), "--date", "2025-04-22", "--max-bytes", 2 * MAX_PAGE_BYTES)
    assert Page.objects.get(number=1).articles.count() == SEED_ARTICLES
    assert "1,000 字节" in refused(SEED, "--date", "2025-04-23", "--max-bytes", 1000)


def test_a_page_with_more_articles_than_the_limit_is_refused_naming_the_option():
    message = refused(SEED, "--date", "2025-04-22", "--max-articles", SEED_ARTICLES - 1)
    assert f"解析出 {SEED_ARTICLES} 篇文章" in message and "最多 7 篇" in message
    assert "--max-articles" in message
    run(SEED, "--date", "2025-04-22", "--max-articles", SEED_ARTICLES)
    assert Page.objects.get(number=1).articles.count() == SEED_ARTICLES


@pytest.mark.parametrize("option", ["--max-bytes", "--max-articles"])
def test_limits_must_be_positive(option):
    with pytest.raises(CommandError, match="应为正整数"):
        run(SEED, option, "0")


def test_a_device_is_refused_not_read():
    assert "不是普通文件" in refused("/dev/zero", "--date", "2025-04-22")


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "p1.txt"
    os.mkfifo(fifo)
    assert "不是普通文件" in refused(fifo)
    folder = tmp_path / "issue"
    folder.mkdir()
    (folder / "p2.txt").write_bytes(SEED.read_bytes())
    os.mkfifo(folder / "p3.txt")
    assert "p3.txt: 不是普通文件" in refused(folder, "--date", "2025-04-22")


def test_a_file_replaced_by_a_fifo_after_it_was_listed_is_refused_when_opened(tmp_path):
    """_read checks what it opened: a swap between the check and the read is caught."""
    from articles.management.commands.import_pages import _read

    fifo = tmp_path / "p1.txt"
    os.mkfifo(fifo)
    with pytest.raises(CommandError, match="不是普通文件"):
        _read(fifo, MAX_PAGE_BYTES)
