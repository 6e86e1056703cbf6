"""The language button in a real browser: Spanish to English and back keeps
the visitor on the same page (a course page and the verify page)."""

import pytest
from playwright.sync_api import expect

from courses.models import LessonPage

pytestmark = pytest.mark.browser


def press(page, language: str) -> None:
    with page.expect_navigation():
        page.locator(f'button[name="language"][value="{language}"]').click()


@pytest.fixture
def english_course(course, locales):
    """``course`` with its catalog, sector and lessons translated to English."""
    english = locales["en"]
    sector = course.get_parent().specific
    catalog = sector.get_parent().specific
    for page in (catalog, sector, course):
        copy = page.copy_for_translation(english)
        copy.title = f"{page.title} (EN)"
        copy.save_revision().publish()
    for lesson in LessonPage.objects.child_of(course):
        lesson.copy_for_translation(english).save_revision().publish()
    return course.get_translation(english)


def test_language_button_switches_a_course_page_both_ways(
    browser_page, course, english_course
):
    page = browser_page
    response = page.goto(course.url)
    assert response.status == 200
    press(page, "en")
    assert page.url.endswith(english_course.url)
    expect(page.locator("h1")).to_contain_text("(EN)")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    press(page, "es")
    assert page.url.endswith(course.url)
    expect(page.locator("html")).to_have_attribute("lang", "es")


def test_language_button_switches_the_verify_page_both_ways(browser_page, catalog):
    page = browser_page
    page.goto("/verify/")
    press(page, "en")
    assert page.url.endswith("/en/verify/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    press(page, "es")
    assert page.url.endswith("/verify/") and "/en/" not in page.url
    expect(page.locator("html")).to_have_attribute("lang", "es")
