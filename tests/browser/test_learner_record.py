"""A learner downloads their whole record (CLR 2.0) from «Mis certificados»
in a real browser."""

import json

import pytest

from certification.credentials import keys
from certification.credentials.clr import embedded_credentials
from certification.credentials.proof import verify_document
from tests.browser.journey import log_in_as
from tests.browser.test_verify_pages import in_thread
from tests.certification.conftest import make_program, make_standard
from tests.verification.conftest import issue_for

pytestmark = pytest.mark.browser


def test_learner_downloads_the_clr_from_my_certificates(
    browser_page, browser_context, live_server, settings, tmp_path
):
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio")
    program = make_program(
        make_standard("CL", units=2, criteria=0), code="cl-ed", validity_years=3
    )
    credential = in_thread(issue_for, program, name="Camila Soto Riquelme")
    log_in_as(browser_context, live_server, credential.holder.username)

    page = browser_page
    page.goto("/credentials/mine/")
    link = page.get_by_role("link", name="Descargar mi historial (CLR)")
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "historial-clr.json"
    with open(download.path(), "rb") as handle:
        clr = json.load(handle)

    assert clr["type"] == ["VerifiableCredential", "ClrCredential"]
    (embedded,) = embedded_credentials(clr)
    assert embedded["id"].endswith(f"/verify/{credential.public_id}/")
    published = keys.public_keys_from_did_document(keys.did_document("CL"))
    assert verify_document(clr, published).verified
    assert verify_document(embedded, published).verified
