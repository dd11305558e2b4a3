"""In Chromium, a page and its icons load with no failed request and no console error."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_icons_load_without_errors(reference_data, live_server, page):
    errors, failed = [], []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page.goto(live_server.url + "/")
    page.wait_for_load_state("networkidle")
    hrefs = page.eval_on_selector_all(
        "link[rel=icon], link[rel=apple-touch-icon], link[rel=manifest]",
        "links => links.map(link => link.href)",
    )
    assert len(hrefs) == 4
    for url in [*hrefs, live_server.url + "/favicon.ico"]:
        response = page.request.get(url)
        assert response.status == 200, url
    assert failed == []
    assert errors == []
