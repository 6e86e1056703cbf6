"""An officer retries a failed issuance from the CMS's issuance queue."""

import pytest
from playwright.sync_api import expect

from certification.models import CredentialStatus
from lms.audit.models import AuditAction, AuditEntry
from tests.browser.journey import log_in_as
from tests.ops.conftest import (  # noqa: F401
    chile_officer,
    failed,
    groups,
    issuer_keys,
    keys_restore,
    program,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_officer_retries_a_failed_issuance(
    browser_page,
    browser_context,
    live_server,
    failed,  # noqa: F811
    chile_officer,  # noqa: F811
):
    page = browser_page
    log_in_as(browser_context, live_server, chile_officer.username)
    page.goto("/admin/credentials/queue/")
    row = page.locator(f"tr[data-credential='{failed.public_id}']")
    expect(row).to_contain_text("Fallida")
    expect(row).to_contain_text("no Ed25519 key")
    expect(page.locator("[data-queue-count=failed]")).to_have_text("1")

    keys_restore(failed)  # the officer fixed the cause
    row.get_by_role("button", name="Reintentar").click()

    expect(page.get_by_text("puesta de nuevo en la cola")).to_be_visible()
    expect(page.locator("[data-queue-count=failed]")).to_have_text("0")
    expect(page.locator("[data-queue-count=retried]")).to_have_text("1")
    failed.refresh_from_db()
    assert failed.status == CredentialStatus.ACTIVE
    assert AuditEntry.objects.filter(
        action=AuditAction.CREDENTIAL_RETRIED, actor_id=chile_officer.pk
    ).exists()
