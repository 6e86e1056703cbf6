"""Playwright fixtures for browser journeys against pytest-django's ``live_server``.

One headless Chromium (Debian's ``/usr/bin/chromium``) is started per test
session; every test gets a fresh browser context (no cookies, no storage) and
its page as ``browser_page``. When a test fails, a full-page screenshot of the
page as it was lands in ``test-artifacts/<test name>.png``.

``live_server`` runs in a thread of this process against the test database, so
``django.core.mail.outbox`` and the ORM can be used from the test while the
browser drives the server. Playwright's sync API keeps an event loop running in
the test thread, hence ``DJANGO_ALLOW_ASYNC_UNSAFE``.

The database is transactional (the server thread must see committed rows) with
serialized rollback, so the rows created by data migrations (countries, sectors,
Wagtail's root page) are back for every test after the flush (see
``_migrated_rows_restored`` in tests/conftest.py). Mark browser tests
``@pytest.mark.browser``; if you add your own ``django_db`` marker, pass
``transaction=True, serialized_rollback=True``.

Key journeys are marked ``@pytest.mark.phone_too``: they run twice, at a
desktop width and in a phone's 375 px wide viewport (``viewport`` is
``"desktop"`` or ``"phone"``). In the phone run every page the journey loads is
checked for sideways scrolling (the document's ``scrollWidth`` wider than its
``clientWidth``, the layout viewport: on a phone ``innerWidth`` grows with a
page zoomed out to fit), and the journey fails naming each page that overflows.
"""

import os
import re
from pathlib import Path

import pytest
from django.core.cache import cache

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 900},
    "phone": {"width": 375, "height": 780},
}
# Run in every page of a phone journey: once the page has loaded, a page wider
# than the window is noted in the tab's sessionStorage.
OVERFLOW_KEY = "__sideways_overflow"
OVERFLOW_RECORDER = """
addEventListener("load", () => {
  const root = document.documentElement;
  const extra = root.scrollWidth - root.clientWidth;
  if (extra > 0) {
    const seen = JSON.parse(sessionStorage.getItem("KEY") || "[]");
    seen.push(`${location.pathname}: ${extra}px wider than the window`);
    sessionStorage.setItem("KEY", JSON.stringify(seen));
  }
});
""".replace("KEY", OVERFLOW_KEY)


def artifact_path(name: str) -> Path:
    """Where to save a screenshot called ``name`` (a ``.png`` file)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}.png"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item so fixtures can tell a failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def pytest_generate_tests(metafunc):
    if metafunc.definition.get_closest_marker("phone_too") and (
        "viewport" in metafunc.fixturenames
    ):
        metafunc.parametrize("viewport", list(VIEWPORTS), indirect=True)


@pytest.fixture
def viewport(request):
    """``"desktop"`` (1280 px), or ``"phone"`` (375 px) in a journey's second
    run when it is marked ``phone_too``."""
    return getattr(request, "param", "desktop")


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def chromium(playwright_instance):
    browser = playwright_instance.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def browser_context(chromium, django_db_serialized_rollback, live_server, viewport):
    """A fresh context per test, with relative URLs resolved on ``live_server``.

    The cache is emptied first: the sign-up's rate limits (one confirmation
    e-mail per address every few minutes) live there, and a journey's phone
    run signs up the same person right after its desktop run."""
    cache.clear()
    context = chromium.new_context(
        base_url=live_server.url,
        locale="es-CL",
        viewport=VIEWPORTS[viewport],
        is_mobile=viewport == "phone",
        has_touch=viewport == "phone",
    )
    if viewport == "phone":
        context.add_init_script(OVERFLOW_RECORDER)
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def browser_page(request, browser_context, viewport):
    """A Playwright page; a screenshot is saved to test-artifacts/ on failure.
    In a phone run, a page of the journey that scrolled sideways fails it."""
    page = browser_context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if viewport == "phone" and report is not None and report.passed:
        overflow = sideways_overflow_seen(page)
        if overflow:
            page.screenshot(
                path=artifact_path(f"OVERFLOW-{request.node.name}"), full_page=True
            )
            page.close()
            pytest.fail("pages wider than 375 px:\n" + "\n".join(overflow))
    if report is not None and report.failed:
        try:
            page.screenshot(
                path=artifact_path(f"FAILED-{request.node.name}"), full_page=True
            )
        except Exception as error:  # noqa: BLE001 - the test already failed
            print(f"Could not save the failure screenshot: {error}")
    page.close()


def sideways_overflow_seen(page) -> list[str]:
    """The pages of this tab that were wider than the window once loaded, and
    the page shown now if it is (a layout changed by script after its load)."""
    read = "try { return JSON.parse(sessionStorage.getItem(KEY) || '[]') }"
    read += " catch (error) { return [] }"  # a page without storage (about:blank)
    seen = page.evaluate(f"(() => {{ {read} }})()".replace("KEY", repr(OVERFLOW_KEY)))
    extra = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if extra > 0:
        seen.append(f"{page.url} (now): {extra}px wider than the window")
    return list(dict.fromkeys(seen))
