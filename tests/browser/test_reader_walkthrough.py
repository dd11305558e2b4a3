"""A reader's walk through the site in Chromium, at phone and desktop widths."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def paper(reference_data):
    """The seed as page 1 and a page of our own as page 2 of the same issue."""
    call_command("import_pages", "seeds/", "--publish", verbosity=0)
    call_command(
        "import_pages",
        "tests/pages/wenzhou_p2.txt",
        "--date",
        "2025-04-17",
        "--page",
        "2",
        "--section",
        "综合新闻",
        "--publish",
        verbosity=0,
    )


def test_home_page_two_article_person_filter_search(paper, live_server, page, screenshot):
    page.goto(live_server.url + "/")
    expect(page).to_have_title(re.compile("同心苑"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page.get_by_role("link", name=re.compile("让青年夜校")).first).to_be_visible()
    screenshot(page, "home")

    page.get_by_role("navigation", name="版面导航").get_by_role(
        "link", name=re.compile("第2版")
    ).first.click()
    expect(page).to_have_url(re.compile(r"/issues/2025-04-17/2/$"))
    article_link = page.get_by_role("link", name=re.compile("为“两个健康”献策")).first
    expect(article_link).to_be_visible()
    article_link.click()

    expect(page).to_have_url(re.compile(r"/articles/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("为“两个健康”献策")
    expect(page.get_by_text("聚焦民营经济高质量发展").first).to_be_visible()  # the kicker
    body = page.locator("p", has_text="温州市政协召开")
    expect(body.first).to_be_visible()
    indent = body.first.evaluate("p => getComputedStyle(p).textIndent")
    assert indent.endswith("px") and float(indent[:-2]) > 0, indent
    screenshot(page, "article")

    person_link = page.locator("a[href^='/people/']", has_text="叶盈盈").first
    expect(person_link).to_be_visible()
    person_link.click()
    expect(page).to_have_url(re.compile(r"/people/[a-z-]+\d*/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("叶盈盈")
    expect(page.get_by_text("温州大学商学院教授").first).to_be_visible()

    page.goto(live_server.url + "/articles/")
    if page.width < 960:  # folded behind 筛选 on a phone
        page.locator("summary", has_text="筛选").click()
    form = page.get_by_role("search", name="筛选文章")
    form.get_by_label("地区").select_option(value="huzhou")
    form.get_by_label("专题").select_option(label="青年")
    form.get_by_role("button", name="筛选").click()
    expect(page).to_have_url(re.compile(r"region=huzhou"))
    results = page.locator("main article, main li").filter(has_text="青年夜校")
    expect(results.first).to_be_visible()
    expect(page.get_by_text("快递小哥外卖骑手吐心声")).to_have_count(0)
    if page.width < 960:
        page.locator("summary", has_text="筛选").click()
    expect(page.get_by_role("search", name="筛选文章").get_by_label("地区")).to_have_value("huzhou")
    screenshot(page, "filtered")

    page.goto(live_server.url + "/search/")
    page.get_by_role("searchbox").first.fill("外卖骑手")
    page.get_by_role("searchbox").first.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    expect(
        page.get_by_role("link", name=re.compile("快递小哥外卖骑手吐心声")).first
    ).to_be_visible()


def test_article_font_size_switch_and_no_horizontal_scroll(paper, live_server, page):
    page.goto(live_server.url + "/articles/")
    page.get_by_role("link", name=re.compile("推动人工智能赋能高质量发展")).first.click()
    paragraph = page.locator("p", has_text="新一代人工智能").first
    before = float(paragraph.evaluate("p => getComputedStyle(p).fontSize")[:-2])
    page.get_by_role("navigation", name="字号").get_by_role("link", name="字号 大").click()
    paragraph = page.locator("p", has_text="新一代人工智能").first
    after = float(paragraph.evaluate("p => getComputedStyle(p).fontSize")[:-2])
    assert after > before
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"page scrolls sideways by {overflow}px at {page.width}px"
