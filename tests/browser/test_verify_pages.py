"""An employer checks certificates in a real browser: the QR link, a revoked
certificate, a tampered PDF upload, and the printable page."""

import threading

import pytest
from django.db import connection

from certification.credentials import keys
from certification.issuance.lifecycle import credential_revoke
from tests.certification.conftest import make_program, make_standard
from tests.verification.conftest import issue_for, pdf_of
from tests.verification.pdfmutations import flip_byte_in_page_content

pytestmark = pytest.mark.browser


@pytest.fixture
def credential(browser_page, settings, tmp_path):
    """An issued credential (the eager task runs at once: autocommit)."""
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio")
    program = make_program(
        make_standard("CL", units=2, criteria=0), code="cl-ed", validity_years=3
    )
    return in_thread(issue_for, program, name="Camila Soto Riquelme")


def in_thread(function, *args, **kwargs):
    """Run ``function`` in a plain thread: signing uses asyncio.run(), which
    cannot run in this thread while Playwright's event loop does."""
    outcome = {}

    def target():
        try:
            outcome["value"] = function(*args, **kwargs)
        except BaseException as error:  # noqa: BLE001 - re-raised below
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


@pytest.mark.phone_too
def test_employer_opens_the_qr_link_and_sees_valid(browser_page, credential):
    page = browser_page
    page.goto(f"/verify/{credential.public_id}/")

    verdict = page.locator(".verdict")
    assert verdict.get_attribute("data-verdict") == "valid"
    assert verdict.locator(".verdict-word").inner_text().strip().lower() == "válido"
    assert page.locator(".holder-name").inner_text() == "Camila Soto Riquelme"
    assert (
        page.locator("meta[name=robots]").get_attribute("content").startswith("noindex")
    )


def test_revoked_certificate_shows_the_reason(browser_page, credential):
    credential_revoke(
        credential=credential, actor=None, reason="Suplantación en la evaluación"
    )
    page = browser_page
    page.goto(f"/en/verify/{credential.public_id}/")

    assert page.locator(".verdict").get_attribute("data-verdict") == "revoked"
    assert "Suplantación en la evaluación" in page.locator(".verdict").inner_text()


def test_uploading_a_tampered_pdf_says_altered_and_which_check_failed(
    browser_page, credential, tmp_path
):
    tampered = tmp_path / "certificado.pdf"
    tampered.write_bytes(flip_byte_in_page_content(pdf_of(credential)))
    page = browser_page
    page.goto("/verify/")

    page.set_input_files("input[name=pdf]", str(tampered))
    page.get_by_role("button", name="Comprobar el archivo").click()

    page.wait_for_selector(".verdict")
    assert page.locator(".verdict").get_attribute("data-verdict") == "altered"
    assert "alterado" in page.locator(".verdict-word").inner_text().lower()
    failed = page.locator("tr.check-failed").evaluate_all(
        "rows => rows.map(r => r.dataset.check)"
    )
    assert "signature" in failed


def test_code_form_leads_to_the_verdict_and_the_page_prints_cleanly(
    browser_page, credential
):
    page = browser_page
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto("/verify/")

    page.fill("input[name=code]", credential.public_id.upper())
    page.get_by_role("button", name="Verificar", exact=True).click()

    page.wait_for_selector(".verdict")
    assert page.locator(".verdict").get_attribute("data-verdict") == "valid"
    page.emulate_media(media="print")
    assert not page.locator(".verify-forms").is_visible()
    assert page.locator(".verdict").is_visible()
    assert errors == []
