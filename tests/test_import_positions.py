"""Articles keep small print positions, however large the archive's ids have grown."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from articles.models import Article
from newsletter.models import Page

pytestmark = pytest.mark.django_db

DATE = "2025-05-06"
FIRST_ID = 100_001  # an archive of twenty years: far past the small integer's 32,767

TITLES = {
    "a": "湖州政协开展民生协商",
    "b": "嘉兴政协调研乡村振兴",
    "c": "绍兴政协助力文旅融合",
    "d": "丽水政协聚焦生态保护",
}


def page(*keys: str, teaser: str = "") -> bytes:
    """A printed page of these articles, in this order, and a teaser for page 2 at its end."""
    blocks = ["浙江政协同心苑"]
    for key in keys:
        blocks += [
            TITLES[key],
            f"联谊报 5月5日，{TITLES[key][:2]}市政协组织委员开展专题调研，并召开座谈会。",
            "委员们围绕相关议题深入交流，提出意见建议十余条。",
            "本报记者 林立",
        ]
    if teaser:
        blocks += [teaser, ">>>2版·综合新闻"]
    return "\n\n".join(blocks).encode() + b"\n"


def run(tmp_path, data: bytes, page_number: int = 1):
    path = tmp_path / f"p{page_number}.txt"
    path.write_bytes(data)
    call_command("import_pages", str(path), "--date", DATE, stdout=StringIO())


def start_ids_at(model, first: int) -> None:
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), %s, false)", [table, first]
            )
        else:
            cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
            cursor.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, first - 1]
            )


def printed(number: int = 1) -> list[tuple[int, str]]:
    return list(
        Article.objects.filter(page__number=number)
        .order_by("position")
        .values_list("position", "title")
    )


@pytest.fixture(autouse=True)
def large_ids():
    start_ids_at(Article, FIRST_ID)
    if connection.vendor == "sqlite":  # give the column PostgreSQL's range of a smallint
        with connection.cursor() as cursor:
            for event in ("INSERT", "UPDATE"):
                cursor.execute(
                    f"CREATE TRIGGER position_is_smallint_{event.lower()} BEFORE {event}"
                    " ON articles_article WHEN NEW.position > 32767"
                    " BEGIN SELECT RAISE(ABORT, 'smallint out of range'); END"
                )


def test_reordered_and_grown_pages_keep_small_positions_past_any_id(tmp_path):
    run(tmp_path, page("a", "b", "c"))
    assert min(Article.objects.values_list("pk", flat=True)) >= FIRST_ID
    # An editor adds an article by hand after the printed ones.
    front = Page.objects.get(number=1)
    added = Article(page=front, position=4, title="编辑补充的消息", body="编辑手工添加。")
    added.save()

    # A corrected file: another order, and an article more at the top.
    run(tmp_path, page("d", "c", "a", "b"))
    assert printed() == [
        (1, TITLES["d"]),
        (2, TITLES["c"]),
        (3, TITLES["a"]),
        (4, TITLES["b"]),
        (5, "编辑补充的消息"),
    ]
    run(tmp_path, page("b", "a", "d", "c"))
    assert [title for _, title in printed()][:4] == [TITLES[k] for k in "badc"]
    assert max(Article.objects.values_list("position", flat=True)) == 5


def test_a_teaser_s_placeholder_moves_to_its_printed_place_past_any_id(tmp_path):
    run(tmp_path, page("a", teaser=TITLES["d"]))
    assert printed(2) == [(1, TITLES["d"])]
    run(tmp_path, page("b", "c", "d"), page_number=2)
    assert printed(2) == [(1, TITLES["b"]), (2, TITLES["c"]), (3, TITLES["d"])]
    teaser = Article.objects.get(kind=Article.Kind.TEASER)
    assert teaser.teaser_target.pk >= FIRST_ID and teaser.teaser_target.body
