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
