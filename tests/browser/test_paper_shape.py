"""The paper's shape in Chromium at phone and desktop widths: the lead story, the page
map (版面示意), the folded filter and its chips, and headlines that wrap well."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Article

pytestmark = pytest.mark.django_db(transaction=True)

# The characters on each line of an element's text, from their rendered positions.
LINE_LENGTHS = """
element => {
  const lines = new Map();
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      if (!node.data[i].trim()) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const top = Math.round(range.getBoundingClientRect().top);
      lines.set(top, (lines.get(top) || 0) + 1);
    }
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(entry => entry[1]);
}
"""


@pytest.fixture
def paper(reference_data):
    call_command("import_pages", "seeds/", "--publish", verbosity=0)
    call_command(
        "import_pages", "tests/pages/wenzhou_p2.txt", "--date", "2025-04-17", "--page", "2",
        "--section", "综合新闻", "--publish", verbosity=0,
    )  # fmt: skip


def desktop(page) -> bool:
    return page.width >= 960


def test_home_opens_with_the_lead_story(paper, live_server, page, screenshot):
    page.goto(live_server.url + "/")
    lead = page.locator(".lead-story")
    expect(lead).to_contain_text("头条")
    expect(lead.get_by_role("heading", level=3)).to_contain_text("浙江出招助外贸企业出口转内销")
    expect(lead.locator(".lead-paragraph")).to_contain_text("为应对美国加征关税带来的影响")
    lead_size = lead.locator(".lead-title").evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    other = page.locator(".front-columns .item-title").first
    assert lead_size > other.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") * 1.3
    lefts = {
        round(box["x"])
        for box in (item.bounding_box() for item in page.locator(".front-columns > .item").all())
    }
    assert len(lefts) == (2 if desktop(page) else 1), lefts  # columns at desktop width
    assert page.get_by_text("暂无更多文章").count() == 0
    screenshot(page, "home")


def test_the_page_map_shows_the_printed_page(paper, live_server, page, screenshot):
    page.goto(live_server.url + "/issues/2025-04-17/2/")
    page_map = page.get_by_role("navigation", name=re.compile("版面示意"))
    links = page_map.get_by_role("link")
    titles = [t.split("（约")[0] for t in links.all_inner_texts()]
    expected = list(
        Article.objects.published()
        .filter(page__number=2)
        .exclude(kind=Article.Kind.TEASER)
        .order_by("position")
        .values_list("title", flat=True)
    )
    assert len(titles) == len(expected) > 3
    assert all(
        expected_title in title for title, expected_title in zip(titles, expected, strict=True)
    )
    boxes = [link.bounding_box() for link in links.all()]
    assert boxes[0]["width"] > 2 * boxes[1]["width"]  # the lead spans the page
    assert boxes[0]["height"] >= 24 and all(b["height"] >= 24 for b in boxes)  # tap targets
    page_map.scroll_into_view_if_needed()
    screenshot(page, "page")
    links.nth(1).click()
    expect(page).to_have_url(re.compile(r"/articles/\d+/$"))
    sidebar_map = page.get_by_role("navigation", name=re.compile("版面示意"))
    expect(sidebar_map.locator("a[aria-current=page]")).to_contain_text(expected[1])
    if desktop(page):  # beside the article, not below it
        story = page.locator(".story").bounding_box()
        assert sidebar_map.bounding_box()["x"] > story["x"] + story["width"]


def test_a_teaser_to_a_page_not_imported_says_so(paper, live_server, page):
    page.goto(live_server.url + "/")
    expect(page.get_by_text("该版尚未导入").first).to_be_visible()
    page.goto(live_server.url + "/issues/2025-04-17/3/")
    expect(page.get_by_text("该版尚未导入")).to_be_visible()
    page.get_by_role("link", name="返回第1版").click()
    expect(page).to_have_url(re.compile(r"/issues/2025-04-17/1/$"))


def test_the_filter_folds_on_a_phone_and_chips_remove_one_filter(
    paper, live_server, page, screenshot
):
    page.goto(live_server.url + "/articles/?region=huzhou&topic=qingnian")
    expect(page).to_have_title("湖州 · 青年 — 文章 · 同心苑")
    region_select = page.get_by_role("search", name="筛选文章").get_by_label("地区")
    results = page.get_by_role("heading", name=re.compile("筛选结果"))
    if desktop(page):
        expect(region_select).to_be_visible()  # wide enough: shown beside the results
        expect(page.locator("summary")).to_be_hidden()
    else:
        expect(region_select).to_be_hidden()
        assert results.bounding_box()["y"] < 800  # results on the first screen
        screenshot(page, "filter-folded")
        page.locator("summary", has_text="筛选").click()
        expect(region_select).to_be_visible()
        expect(region_select).to_have_value("huzhou")
        screenshot(page, "filter-open")
        page.locator("summary", has_text="筛选").click()
    chips = page.get_by_role("list", name="已选条件")
    expect(chips.get_by_role("link", name=re.compile("地区 湖州"))).to_be_visible()
    screenshot(page, "filtered-chips")
    chips.get_by_role("link", name=re.compile("地区 湖州")).click()
    expect(page).to_have_url(re.compile(r"/articles/\?topic=qingnian$"))
    expect(page).to_have_title("青年 — 文章 · 同心苑")
    expect(page.get_by_role("list", name="已选条件").get_by_role("link")).to_have_count(1)


def test_headlines_leave_no_character_alone(paper, live_server, page):
    page.goto(live_server.url + "/")
    for url in ["/", "/issues/2025-04-17/2/"] + [
        a.get_absolute_url() for a in Article.objects.exclude(body="")[:12]
    ]:
        page.goto(live_server.url + url)
        for headline in page.locator("h1, .lead-title, .item-title").all():
            lines = headline.evaluate(LINE_LENGTHS)
            assert lines and lines[-1] >= 2, (url, headline.inner_text(), lines)


def test_the_kicker_has_room_under_the_header(paper, live_server, page):
    article = Article.objects.get(title__contains="为“两个健康”献策")
    page.goto(live_server.url + article.get_absolute_url())
    header = page.locator(".site-header").bounding_box()
    kicker = page.locator(".story-header .kicker").bounding_box()
    assert kicker["y"] - (header["y"] + header["height"]) >= 24
