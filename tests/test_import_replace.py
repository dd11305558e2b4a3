"""A page holds one file: another is refused, or with --overwrite replaces it cleanly."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from newsletter.models import Issue, Page
from people.models import Credit, Person

from .import_rows import all_rows, content_rows

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_05b83c2a48b8b92d.txt"
PAGES = ROOT / "tests" / "pages"
DATE = "2025-04-17"


def run(*args) -> str:
    out = StringIO()
    call_command("import_pages", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


def unnumbered(tmp_path, source: Path, name: str) -> Path:
    """A copy of a test page under a name that gives no page number: page 1 when alone."""
    path = tmp_path / name
    shutil.copy(source, path)
    return path


@pytest.fixture
def front_page():
    run(SEED, "--date", DATE)  # page 1 by the seeds' manifest
    return all_rows()


@pytest.mark.parametrize("other", ["jinhua_p3.txt", "wenzhou_p2.txt"])
def test_another_file_for_a_page_is_refused_naming_both_and_nothing_changes(
    front_page, tmp_path, other
):
    path = unnumbered(tmp_path, PAGES / other, "other.txt")
    with pytest.raises(CommandError) as error:
        run(path, "--date", DATE)
    message = str(error.value)
    assert SEED.name in message and "other.txt" in message
    assert "--overwrite" in message and "--page" in message
    assert "\n" not in message
    assert all_rows() == front_page


def test_a_dry_run_is_refused_the_same(front_page, tmp_path):
    path = unnumbered(tmp_path, PAGES / "jinhua_p3.txt", "other.txt")
    with pytest.raises(CommandError, match=r"other\.txt"):
        run(path, "--date", DATE, "--dry-run")
    assert all_rows() == front_page


def test_a_corrected_version_of_the_file_under_another_name_updates_in_place(front_page, tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("浙江出招助外贸企业", "浙江出实招助外贸企业")
    corrected = tmp_path / "corrected.txt"
    corrected.write_text(text, encoding="utf-8")
    out = run(corrected, "--date", DATE, "-v", "1")
    assert "更新 1 篇" in out and "未变 7 篇" in out
    ids = sorted(a["id"] for a in front_page["Article"])
    assert sorted(Article.objects.values_list("pk", flat=True)) == ids


@pytest.mark.parametrize("other", ["jinhua_p3.txt", "wenzhou_p2.txt"])
def test_overwrite_replaces_the_page_as_if_the_first_file_never_was(front_page, tmp_path, other):
    path = unnumbered(tmp_path, PAGES / other, "other.txt")
    out = run(path, "--date", DATE, "--overwrite", "-v", "1")
    assert f"替换原文件 {SEED.name}" in out and "删除 8 篇" in out
    replaced = content_rows()

    Issue.objects.all().delete()
    Person.objects.all().delete()
    run(path, "--date", DATE, "--section", "要闻")  # the section came from the seeds' manifest
    assert replaced == content_rows()


def test_overwrite_then_the_same_file_again_changes_nothing(front_page, tmp_path):
    path = unnumbered(tmp_path, PAGES / "wenzhou_p2.txt", "other.txt")
    run(path, "--date", DATE, "--overwrite")
    replaced = all_rows()
    out = run(path, "--date", DATE, "-v", "1")
    assert "新建 0 篇" in out and "删除" not in out
    assert all_rows() == replaced


def test_a_replaced_article_that_a_teaser_points_at_becomes_its_placeholder_again(tmp_path):
    """Page 1's teaser points at page 2's article; the file that replaces page 2 lacks it."""
    page1 = tmp_path / "p1.txt"
    shutil.copy(PAGES / "taizhou_p1.txt", page1)  # teaser 缙云烧饼飘香海外 >>>2版
    page2 = tmp_path / "p2.txt"
    page2.write_text(
        (PAGES / "wenzhou_p2.txt")
        .read_text(encoding="utf-8")
        .replace("老旧小区加装电梯难在哪?", "缙云烧饼飘香海外"),
        encoding="utf-8",
    )
    run(page2, "--date", DATE, "--publish")
    run(page1, "--date", DATE, "--publish")
    teaser = Article.objects.get(kind=Article.Kind.TEASER, title="缙云烧饼飘香海外")
    target = teaser.teaser_target
    assert (target.page_number, target.body[:7]) == (2, "近日，瑞安市政")
    assert target.credits.exists()

    other = tmp_path / "p2_other.txt"
    shutil.copy(PAGES / "quzhou_p4.txt", other)
    run(other, "--date", DATE, "--page", "2", "--publish", "--overwrite")
    target.refresh_from_db()
    teaser.refresh_from_db()
    assert teaser.teaser_target_id == target.pk
    assert (target.title, target.body, target.status) == ("缙云烧饼飘香海外", "", "draft")
    assert not target.credits.exists() and not target.article_regions.exists()
    assert list(Page.objects.get(number=2).articles.values_list("title", flat=True)) == [
        "衢州政协：打造“有礼”协商品牌",
        "龙游县政协委员走访山区农户",
        "全国政协召开双周协商座谈会",
        "江山市政协开展“请你来协商”活动",
        "缙云烧饼飘香海外",
    ]
    # Only people the replaced file named, and nothing else named, are gone.
    assert not Person.objects.filter(name="戴雨桐").exists()
    assert Person.objects.filter(name="方佳佳").exists()  # page 1's
    assert not Credit.objects.filter(article__page__number=2, person__name="叶盈盈").exists()

    # The file that has the article again fills the placeholder in: the teaser never moved.
    run(page2, "--date", DATE, "--page", "2", "--publish", "--overwrite")
    target.refresh_from_db()
    assert target.body.startswith("近日，瑞安市政") and target.status == "published"
    assert Article.objects.get(pk=teaser.pk).teaser_target_id == target.pk


def test_the_first_file_s_teaser_placeholders_go_with_it(front_page, tmp_path):
    placeholders = Article.objects.filter(kind=Article.Kind.ARTICLE, body="")
    assert set(placeholders.values_list("page_number", "title")) == {
        (2, "海曙政协建言非遗技艺活态传承"),
        (3, "民盟省委会：让乡村文旅火出圈"),
    }
    path = unnumbered(tmp_path, PAGES / "quzhou_p4.txt", "other.txt")  # no teaser at all
    run(path, "--date", DATE, "--overwrite")
    assert not placeholders.exists()
    assert list(Issue.objects.get().pages.values_list("number", flat=True)) == [1]


def test_several_files_without_page_numbers_are_refused(front_page, tmp_path):
    first = unnumbered(tmp_path, PAGES / "jinhua_p3.txt", "jinhua.txt")
    second = unnumbered(tmp_path, PAGES / "quzhou_p4.txt", "quzhou.txt")
    with pytest.raises(CommandError) as error:
        run(SEED, first, second, "--date", DATE)
    message = str(error.value)
    assert "jinhua.txt" in message and "quzhou.txt" in message and SEED.name not in message
    assert "manifest.toml" in message and "--page" in message and "p2.txt" in message
    assert all_rows() == front_page


def test_file_names_number_pages_and_manifest_and_page_option_come_first(tmp_path):
    for name, source in [
        ("第2版.txt", "wenzhou_p2.txt"),
        ("jinhua_p3.txt", "jinhua_p3.txt"),
        ("04.txt", "quzhou_p4.txt"),
        ("p9.txt", "taizhou_p1.txt"),
    ]:
        shutil.copy(PAGES / source, tmp_path / name)
    (tmp_path / "manifest.toml").write_text('[pages."p9.txt"]\npage = 1\n', encoding="utf-8")
    run(tmp_path, "--date", DATE)
    assert set(Page.objects.exclude(sha256="").values_list("number", "source_file")) == {
        (1, "p9.txt"),
        (2, "第2版.txt"),
        (3, "jinhua_p3.txt"),
        (4, "04.txt"),
    }
    run(PAGES / "jinhua_p3.txt", "--date", "2025-05-01", "--page", "5")
    assert Page.objects.get(issue__date="2025-05-01", sha256__gt="").number == 5


def test_two_files_for_the_same_page_in_one_command_are_refused(tmp_path):
    first = unnumbered(tmp_path, PAGES / "jinhua_p3.txt", "a_p2.txt")
    second = unnumbered(tmp_path, PAGES / "quzhou_p4.txt", "b_p2.txt")
    with pytest.raises(CommandError) as error:
        run(first, second, "--date", DATE)
    assert "a_p2.txt" in str(error.value) and "b_p2.txt" in str(error.value)
    assert not Issue.objects.exists()
