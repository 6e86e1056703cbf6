"""An officer reads the reports dashboard: each chart is drawn, and its data
table beside it holds the same numbers; the page passes axe, in Spanish and
in English, and fits a 375 px wide screen."""

import pytest
from wagtail.users.models import UserProfile

from tests.browser.a11y import axe_violations
from tests.browser.journey import log_in_as

pytestmark = pytest.mark.browser


def chart_matches_table(page, key: str) -> None:
    section = page.locator(f"section[data-table='{key}']")
    bars = section.locator("svg g.bar")
    assert bars.count() > 0, key
    for index in range(bars.count()):
        bar = bars.nth(index)
        label, value = bar.get_attribute("data-label"), bar.get_attribute("data-value")
        cell = section.locator("tbody tr").nth(index)
        assert cell.locator("th").inner_text().strip() == label
        assert cell.locator("td").first.inner_text().strip() == value


@pytest.mark.parametrize("language", ["es", "en"])
def test_officer_reads_charts_and_their_tables(
    browser_context,
    live_server,
    seeded,
    officer_cl,
    language,
):
    profile = UserProfile.get_for_user(officer_cl)  # the CMS's own language
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])
    log_in_as(browser_context, live_server, officer_cl.username)
    page = browser_context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/reports/")
    heading = "Informes" if language == "es" else "Reports"
    assert page.get_by_role("heading", name=heading).first.is_visible()
    for key in ("funnel", "by_sector", "by_region", "credential_status"):
        chart_matches_table(page, key)
    lines = page.locator("section[data-table='monthly'] svg polyline.series")
    assert lines.count() == 5
    assert page.locator("svg.report-chart[role=img] title").count() >= 10
    assert axe_violations(page) == []

    page.set_viewport_size({"width": 375, "height": 800})
    page.reload()
    overflow = page.evaluate(
        "() => document.querySelector('.report-grid').scrollWidth"
        " - document.querySelector('.report-grid').clientWidth"
    )
    assert overflow <= 1
    with page.expect_download() as download:
        page.locator("section[data-table='funnel'] a", has_text="CSV").click()
    assert download.value.suggested_filename == "funnel.csv"
