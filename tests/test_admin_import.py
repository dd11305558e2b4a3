"""Editors import a printed page in the admin, through the command's service."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from newsletter.models import Issue

from .import_rows import all_rows

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_05b83c2a48b8b92d.txt"
URL = reverse("admin:newsletter_issue_import")


OTHER = Path(__file__).resolve().parent / "pages" / "wenzhou_p2.txt"


def upload(data: bytes, name="page.txt"):
    return SimpleUploadedFile(name, data, content_type="text/plain")


def post(client, data: bytes, name="page.txt", **fields):
    form = {"file": upload(data, name), "page": 1, "section": "要闻", **fields}
    return client.post(URL, form)


def test_issue_list_links_to_the_import_form(client, editor):
    client.force_login(editor)
    assert URL in client.get(reverse("admin:newsletter_issue_changelist")).content.decode()
    assert "导入版面" in client.get(URL).content.decode()


def test_import_creates_the_issue_and_goes_to_it(client, editor):
    client.force_login(editor)
    response = post(client, SEED.read_bytes(), date="2025-04-22", number="1234")
    issue = Issue.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:newsletter_issue_change", args=[issue.pk])
    assert (issue.date.isoformat(), issue.number, issue.date_confirmed) == (
        "2025-04-22",
        1234,
        True,
    )
    assert issue.pages.get(number=1).articles.count() == 8
    assert not Article.objects.published().exists()


def test_gb18030_upload_is_read_correctly(client, editor):
    client.force_login(editor)
    post(client, SEED.read_text(encoding="utf-8").encode("gb18030"), date="2025-04-22")
    assert Article.objects.filter(title="浙江出招助外贸企业出口转内销").exists()


def test_dry_run_shows_the_report_and_writes_nothing(client, editor):
    client.force_login(editor)
    response = post(client, SEED.read_bytes(), dry_run="on")
    html = response.content.decode()
    assert response.status_code == 200
    assert "试运行结果" in html and "浙江出招助外贸企业出口转内销" in html
    assert "加强灵活就业和新就业形态" in html  # the overlap repair, for an editor to check
    assert "存疑的判断" in html
    assert "第125行“市政协委员、市公安局党委专职”：判为正文（分栏接续）" in html
    assert not Issue.objects.exists()


def test_bad_file_is_refused_with_a_message_and_nothing_written(client, editor):
    client.force_login(editor)
    response = post(client, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, date="2025-04-22")
    assert response.status_code == 200
    assert "page.txt" in response.content.decode()
    assert "不是文本文件" in response.content.decode()
    assert not Issue.objects.exists()


def test_a_user_without_content_permissions_cannot_import(client, django_user_model):
    clerk = django_user_model.objects.create_user(username="clerk", password="x", is_staff=True)
    client.force_login(clerk)
    assert client.get(URL).status_code == 403


def test_another_file_for_a_page_is_refused_as_a_form_error_and_nothing_written(client, editor):
    client.force_login(editor)
    post(client, SEED.read_bytes(), name="front.txt", date="2025-04-22")
    before = all_rows()
    for dry_run in ("", "on"):
        response = post(
            client, OTHER.read_bytes(), name="other.txt", date="2025-04-22", dry_run=dry_run
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert "front.txt" in html and "other.txt" in html and "选择覆盖" in html
        assert all_rows() == before


def test_overwrite_replaces_the_page_with_the_other_file(client, editor):
    client.force_login(editor)
    post(client, SEED.read_bytes(), name="front.txt", date="2025-04-22")
    response = post(client, OTHER.read_bytes(), name="other.txt", date="2025-04-22", overwrite="on")
    assert response.status_code == 302
    front = Issue.objects.get().pages.get(number=1)
    assert front.source_file == "other.txt"
    assert list(front.articles.values_list("title", flat=True)[:2]) == [
        "温州政协“请你来协商”为“两个健康”献策",
        "老旧小区加装电梯难在哪？",
    ]
    assert not Article.objects.filter(title="浙江出招助外贸企业出口转内销").exists()
