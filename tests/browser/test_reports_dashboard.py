"""An officer reads the reports dashboard: each chart and the map of their
country's regions are drawn, and the data table beside each holds the same
numbers; the page passes axe, in Spanish and in English, and fits a 375 px
wide screen. A trainer reads the rates per question of their course."""

import pytest
from wagtail.users.models import UserProfile

from tests.browser.a11y import axe_violations
from tests.browser.conftest import artifact_path
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


def map_matches_table(page, key: str, regions: int) -> None:
    section = page.locator(f"section[data-table='{key}']")
    paths = section.locator("svg.report-map path.region")
    assert paths.count() == regions
    assert section.locator("svg.report-map").bounding_box()["height"] > 100
    table = {
        row.locator("th").inner_text().strip(): row.locator("td").first.inner_text()
        for row in section.locator("tbody tr").all()
    }
    assert len(table) == regions
    coloured = 0
    for index in range(regions):
        path = paths.nth(index)
        name, _sep, value = path.locator("title").text_content().rpartition(": ")
        assert value == path.get_attribute("data-value") == table[name].strip()
        fill = path.evaluate("p => getComputedStyle(p).fill")
        if value != "0":
            coloured += 1
            assert fill != "rgb(244, 244, 244)", name  # coloured by its count
        else:
            assert fill == "rgb(244, 244, 244)", name
    assert coloured > 0


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
    map_matches_table(page, "map_CL", 16)
    page.locator("section[data-table='map_CL']").screenshot(
        path=artifact_path(f"reports-map-{language}")
    )
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


def test_trainer_reads_pass_rates_per_question(
    browser_context, live_server, seeded, trainer_a
):
    log_in_as(browser_context, live_server, trainer_a.username)
    page = browser_context.new_page()
    page.goto(f"{live_server.url}/admin/reports/")
    section = page.locator("section[data-table='items']")
    assert section.get_by_role("heading").inner_text() == (
        "Aciertos por pregunta y por criterio de rúbrica"
    )
    rows = section.locator("tbody tr")
    assert rows.count() == 2
    labels = [rows.nth(i).locator("th").inner_text() for i in range(2)]
    assert labels == [
        "Cuestionario de informe: La luz ultravioleta daña el papel.",
        "Cuestionario de informe: ¿Qué papel conviene para guardar documentos?",
    ]
    bars = section.locator("svg g.bar")
    assert [bars.nth(i).get_attribute("data-label") for i in range(2)] == labels
    rates = [rows.nth(i).locator("td").nth(2).inner_text() for i in range(2)]
    assert all(0 < float(rate.replace(",", ".")) < 100 for rate in rates)
    assert page.locator("section[data-table^='map_']").count() == 0
    assert axe_violations(page) == []
