"""A learner sends a certificate to a digital wallet from «Mis certificados»:
the dialog shows a QR code, which a wallet (the OpenWallet Foundation's
OID4VCI client) scans and redeems."""

import shutil
import subprocess

import pytest

from certification.credentials import keys
from certification.credentials.keys import issuer_did
from tests.browser.a11y import axe_violations, sideways_overflow
from tests.browser.journey import log_in_as
from tests.browser.test_verify_pages import in_thread
from tests.certification.conftest import make_program, make_standard
from tests.interop import run_node
from tests.verification.conftest import issue_for

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("zbarimg"), reason="needs zbar-tools"),
]


@pytest.fixture
def credential(browser_page, settings, tmp_path, live_server):
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.LMS_PUBLIC_URL = live_server.url
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio")
    program = make_program(
        make_standard("CL", units=2, criteria=0), code="cl-ed", validity_years=3
    )
    return in_thread(issue_for, program, name="Camila Soto Riquelme")


def test_learner_scans_the_wallet_qr_code_and_the_wallet_receives_it(
    browser_page, browser_context, credential, live_server, tmp_path
):
    log_in_as(browser_context, live_server, credential.holder.username)
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 780})
    page.goto("/credentials/mine/")
    page.get_by_role("button", name="Recibir en mi billetera digital").click()

    dialog = page.locator("dialog#wallet-dialog")
    dialog.locator("svg").wait_for()
    assert dialog.is_visible()
    assert axe_violations(page) == []
    assert sideways_overflow(page) == []
    image = tmp_path / "wallet-qr.png"
    dialog.locator("figure.wallet-qr").screenshot(path=str(image))
    scanned = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    link = dialog.get_by_role("link", name="Abrir en la billetera de este dispositivo")
    assert scanned == link.get_attribute("href")
    assert scanned.startswith("openid-credential-offer://?credential_offer=")

    result = run_node(
        "oid4vci_wallet.mjs",
        {
            "offer": scanned,
            "insecure": True,
            "binding": "did:jwk",
            "jwks": f"{live_server.url}/issuers/cl/jwks.json",
        },
    )
    payload = result["verified"]["payload"]
    assert payload["sub"] == result["holder_did"]
    assert payload["iss"] == issuer_did("CL")
    assert payload["jti"].endswith(f"/verify/{credential.public_id}/")
