"""The Wagtail admin still works under its Content-Security-Policy."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def test_wagtail_admin_loads_without_csp_violations(browser_page):
    user = UserFactory(username="editora", is_staff=True, is_superuser=True)
    page = browser_page
    violations = []
    page.on(
        "console",
        lambda m: "Content Security Policy" in m.text and violations.append(m.text),
    )

    page.goto("/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", "clave-segura-123")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")
    page.goto("/admin/pages/")

    page.wait_for_selector(
        "[data-side-panel], #wagtail-sidebar, aside", state="attached"
    )
    assert page.locator("#wagtail-sidebar").count() == 1
    assert violations == []
