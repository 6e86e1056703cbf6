"""The shared browser fixture reaches the live server and its pages resolve."""

import pytest

pytestmark = pytest.mark.browser


def test_catalog_and_course_pages_resolve_under_the_live_server_host(
    browser_page, live_server, course
):
    """Wagtail serves the default site for the live server's host:port, so the
    catalog lists the course, its link opens the course page, and the stylesheet
    is served."""
    response = browser_page.goto("/")
    assert response.status == 200
    browser_page.get_by_role("link", name="Edición independiente").first.click()
    browser_page.wait_for_url(f"{live_server.url}{course.url}")
    assert browser_page.locator("h1").inner_text() == "Edición independiente"
    css = browser_page.request.get("/static/css/site.css")
    assert css.status == 200


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_a_phone_run_notes_every_page_that_scrolls_sideways(browser_page, viewport):
    """The phone run's check sees a page that overflowed when it loaded, even
    after the journey moved on, and names the pages that fit nowhere."""
    from tests.browser.conftest import sideways_overflow_seen

    wide = "<!doctype html><meta name=viewport content='width=device-width'>"
    wide += "<div style='width:600px'>Una tabla demasiado ancha</div>"
    browser_page.route(
        "**/too-wide/", lambda route: route.fulfill(body=wide, content_type="text/html")
    )
    assert browser_page.viewport_size["width"] == 375
    browser_page.goto("/verify/")
    assert sideways_overflow_seen(browser_page) == []
    browser_page.goto("/too-wide/")
    browser_page.goto("/verify/")
    seen = sideways_overflow_seen(browser_page)
    assert len(seen) == 1 and seen[0].startswith("/too-wide/: ")
    browser_page.evaluate("sessionStorage.clear()")  # this journey passes
