"""People at the desk: merging duplicates, splitting namesakes, a person's credits."""

import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from reversion.models import Revision, Version

from people.models import Credit, Person
from people.services import people_merge
from tests.factories import ArticleFactory, CreditFactory, PersonFactory, region

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:people_person_changelist"


def merge(client, people, keep):
    return client.post(
        reverse(CHANGELIST),
        {"action": "merge", ACTION_CHECKBOX_NAME: [p.pk for p in people], "keep": keep.pk},
        follow=True,
    )


def test_merge_asks_which_person_to_keep_and_changes_nothing_yet(client, editor):
    a, b = PersonFactory(name="王建国"), PersonFactory(name="王建国")
    CreditFactory(person=b)
    client.force_login(editor)
    response = client.post(
        reverse(CHANGELIST), {"action": "merge", ACTION_CHECKBOX_NAME: [a.pk, b.pk]}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "选择保留的人物" in html and 'name="keep"' in html
    # The one with more credits is offered first.
    assert html.index(f'value="{b.pk}" id="keep-{b.pk}" checked') < html.index(f'id="keep-{a.pk}"')
    assert Person.objects.count() == 2


def test_merge_moves_every_credit_to_the_kept_person(client, editor):
    keep = PersonFactory(name="李明", title="")
    twin = PersonFactory(name="李明", title="市政协委员", organisation="市工商联")
    other = PersonFactory(name="李 明")
    articles = ArticleFactory.create_batch(4)
    CreditFactory(person=keep, article=articles[0])
    CreditFactory(person=twin, article=articles[1])
    CreditFactory(person=twin, article=articles[2], role=Credit.Role.REPORTER, title="")
    CreditFactory(person=other, article=articles[3])
    before = Credit.objects.count()
    client.force_login(editor)
    response = merge(client, [keep, twin, other], keep)
    assert "已将" in response.content.decode()
    assert Credit.objects.count() == before
    assert set(Person.objects.values_list("pk", flat=True)) == {keep.pk}
    for article in articles:
        assert article.credits.get().person_id == keep.pk
    keep.refresh_from_db()
    assert (keep.title, keep.organisation) == ("市政协委员", "市工商联")


def test_merge_joins_one_persons_two_credits_in_an_article_keeping_the_fuller_title():
    keep, twin = PersonFactory(name="陈红"), PersonFactory(name="陈红")
    article = ArticleFactory()
    CreditFactory(person=keep, article=article, title="委员", order=3)
    CreditFactory(person=twin, article=article, title="省政协委员、杭州市工商联主席", order=1)
    # A different role in the same article is a distinct credit: it stays.
    CreditFactory(person=twin, article=article, role=Credit.Role.REPORTER, title="")
    people_merge(keep=keep, others=[twin])
    credits = {(c.role, c.title, c.order) for c in article.credits.filter(person=keep)}
    assert credits == {
        (Credit.Role.MENTIONED, "省政协委员、杭州市工商联主席", 1),
        (Credit.Role.REPORTER, "", 0),
    }
    assert not Person.objects.filter(pk=twin.pk).exists()


def test_merge_keeps_the_kept_persons_own_title_and_region():
    keep = PersonFactory(title="县政协主席", region=region("安吉"))
    twin = PersonFactory(title="县政协委员", region=region("湖州"))
    people_merge(keep=keep, others=[twin])
    keep.refresh_from_db()
    assert (keep.title, keep.region.short_name) == ("县政协主席", "安吉")


def test_merge_is_one_revision_in_the_history(editor):
    keep, b, c = PersonFactory(name="赵敏"), PersonFactory(name="赵敏"), PersonFactory(name="赵 敏")
    credit = CreditFactory(person=b)
    people_merge(keep=keep, others=[b, c], user=editor)
    revision = Revision.objects.get()
    assert revision.comment == "合并人物：赵敏 ← 赵敏、赵 敏"
    assert revision.user == editor
    versions = Version.objects.filter(revision=revision)
    assert {(v.content_type.model, v.object_id) for v in versions} == {
        ("person", str(keep.pk)),
        ("credit", str(credit.pk)),
    }
    assert versions.get(content_type__model="credit").field_dict["person_id"] == keep.pk


def test_merge_of_one_person_is_refused_with_a_message(client, editor):
    person = PersonFactory()
    client.force_login(editor)
    response = merge(client, [person], person)
    assert "至少勾选两位" in response.content.decode()
    assert Person.objects.filter(pk=person.pk).exists()


def test_merge_keeping_someone_not_selected_changes_nothing(client, editor):
    a, b, outsider = PersonFactory(), PersonFactory(), PersonFactory()
    client.force_login(editor)
    response = client.post(
        reverse(CHANGELIST),
        {"action": "merge", ACTION_CHECKBOX_NAME: [a.pk, b.pk], "keep": outsider.pk},
        follow=True,
    )
    assert "不在所选之中" in response.content.decode()
    assert Person.objects.count() == 3


def test_split_moves_the_chosen_credits_to_a_new_person(client, editor):
    person = PersonFactory(name="张伟", region=region("绍兴"))
    stay, move_1, move_2 = CreditFactory.create_batch(3, person=person)
    client.force_login(editor)
    url = reverse("admin:people_person_split", args=[person.pk])
    page = client.get(url).content.decode()
    assert f'value="{move_1.pk}"' in page and "新人物姓名" in page
    response = client.post(
        url, {"name": "张伟", "title": "记者", "credits": [move_1.pk, move_2.pk]}
    )
    new = Person.objects.exclude(pk=person.pk).get()
    assert response.status_code == 302
    assert response.url == reverse("admin:people_person_change", args=[new.pk])
    assert (new.name, new.title, new.region_id) == ("张伟", "记者", person.region_id)
    assert new.slug != person.slug
    assert set(new.credits.all()) == {move_1, move_2}
    assert set(person.credits.all()) == {stay}


def test_split_refuses_credits_of_someone_else_and_an_empty_choice(client, editor):
    person, stranger = PersonFactory(), PersonFactory()
    CreditFactory(person=person)
    foreign = CreditFactory(person=stranger)
    client.force_login(editor)
    url = reverse("admin:people_person_split", args=[person.pk])
    response = client.post(url, {"name": "某人", "credits": [foreign.pk]})
    assert response.status_code == 200
    assert "所选署名不属于此人物" in response.content.decode()
    response = client.post(url, {"name": "某人"})
    assert "请至少勾选一条署名" in response.content.decode()
    assert Person.objects.count() == 2
    assert foreign.person_id == Credit.objects.get(pk=foreign.pk).person_id == stranger.pk


def test_change_page_lists_credits_a_page_at_a_time(client, editor, django_assert_max_num_queries):
    person = PersonFactory()
    CreditFactory(person=person, title="区政协委员", article__title="最早的一篇")
    CreditFactory.create_batch(60, person=person)
    client.force_login(editor)
    url = reverse("admin:people_person_change", args=[person.pk])
    with django_assert_max_num_queries(20):
        html = client.get(url).content.decode()
    assert "共 61 条" in html and "第 1 / 2 页" in html
    assert len(re.findall(r"/admin/articles/article/\d+/change/", html)) == 50
    assert f"?person={person.pk}" in html
    last = client.get(url, {"credits_page": 2}).content.decode()
    assert "最早的一篇" in last and "区政协委员" in last and "文中人物" in last


def test_credits_list_reads_the_same_queries_at_a_thousand_credits(
    client, editor, django_assert_max_num_queries
):
    person = PersonFactory()
    article = ArticleFactory()
    Credit.objects.bulk_create(
        Credit(article=a, person=person, role=Credit.Role.MENTIONED)
        for a in ArticleFactory.create_batch(1000, page=article.page)
    )
    client.force_login(editor)
    with django_assert_max_num_queries(20):
        html = client.get(reverse("admin:people_person_change", args=[person.pk])).content
    assert "共 1000 条".encode() in html and "第 1 / 20 页".encode() in html


def test_article_list_filters_by_person(client, editor):
    person = PersonFactory(name="周杰")
    credited = CreditFactory(person=person).article
    ArticleFactory(title="与此人无关")
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_changelist"), {"person": person.pk})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [credited]
    bad = client.get(reverse("admin:articles_article_changelist"), {"person": "x"})
    assert bad.status_code == 200 and list(bad.context["cl"].result_list) == []


def test_people_list_shows_credit_counts_in_fixed_queries(
    client, editor, django_assert_max_num_queries
):
    for _ in range(5):
        CreditFactory.create_batch(2, person=PersonFactory())
    client.force_login(editor)
    with django_assert_max_num_queries(12):
        response = client.get(reverse(CHANGELIST))
    assert [p.num_credits for p in response.context["cl"].result_list] == [2] * 5
