"""The offline verifier: ``lms-verify`` (no Django) and ``credential_verify``."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from certification.credentials import keys
from tests.verification.conftest import pdf_of

from .pdfmutations import flip_byte_in_page_content, swap_attachment

ROOT = Path(__file__).resolve().parents[2]


def lms_verify(*args):
    """Run the console entry point in a clean process without Django settings."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run(
        [sys.executable, "-m", "certification.verification.offline", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


@pytest.fixture
def published(issued, tmp_path):
    """What an employer downloads: the PDF, did.json and the signing cert."""
    pdf = tmp_path / "certificado.pdf"
    pdf.write_bytes(pdf_of(issued))
    did = tmp_path / "did.json"
    did.write_text(json.dumps(keys.did_document("CL")))
    cert = keys.key_directory("CL") / keys.SIGNING_CERT_FILE
    return {"pdf": pdf, "did": did, "cert": cert, "dir": tmp_path}


def test_genuine_pdf_exits_0_with_did_json_and_certificate(published):
    result = lms_verify(
        published["pdf"], "--key", published["did"], "--cert", published["cert"]
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("VALID")
    assert "proof: passed" in result.stdout
    assert "achievement: " in result.stdout


def test_pem_public_key_is_accepted_and_no_cert_means_integrity_only(published):
    pem = keys.key_directory("CL") / "ed25519-key-1.pub.pem"

    result = lms_verify(published["pdf"], "--key", pem)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "integrity only" in result.stdout


def test_tampered_pdf_exits_1_with_the_failed_check(published, issued):
    bad = published["dir"] / "bad.pdf"
    bad.write_bytes(flip_byte_in_page_content(pdf_of(issued)))

    result = lms_verify(bad, "--key", published["did"], "--cert", published["cert"])

    assert result.returncode == 1
    assert "signature: FAILED" in result.stdout
    assert result.stdout.strip().endswith("INVALID")


def test_someone_elses_key_fails_the_proof(published, settings, tmp_path):
    settings.LMS_KEY_DIR = tmp_path / "other-keys"
    keys.issuer_keys_generate(issuer_code="CL", organisation="Otro")
    other = tmp_path / "other.json"
    other.write_text(json.dumps(keys.did_document("CL")))

    result = lms_verify(published["pdf"], "--key", other)

    assert result.returncode == 1
    assert "proof: FAILED" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["missing.pdf", "--key", "missing.json"],
        ["{pdf}"],
        ["{pdf}", "--key", "{pdf}"],
        ["{pdf}", "--key", "{did}", "--cert", "{did}"],
        ["{pdf}", "--key", "{did}", "--bogus"],
    ],
)
def test_bad_arguments_exit_2_with_one_line(published, args):
    args = [a.format(pdf=published["pdf"], did=published["did"]) for a in args]

    result = lms_verify(*args)

    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("lms-verify: error:")


def test_installed_console_script_runs(published):
    script = Path(sys.executable).with_name("lms-verify")
    if not script.exists():
        pytest.skip("package not installed in this environment")

    result = subprocess.run(
        [script, published["pdf"], "--key", published["did"]],
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr


def test_management_command_uses_the_key_directory_by_default(published, capsys):
    call_command("credential_verify", str(published["pdf"]))

    assert capsys.readouterr().out.strip().endswith("VALID")


def test_management_command_exits_1_for_a_forged_attachment(published, issue, tmp_path):
    other = issue(name="Otra Persona")
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(swap_attachment(published["pdf"].read_bytes(), pdf_of(other)))

    with pytest.raises(SystemExit) as exit_info:
        call_command("credential_verify", str(forged))

    assert exit_info.value.code == 1


def test_management_command_bad_key_file_exits_2(published):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as error:
        call_command("credential_verify", str(published["pdf"]), key="/nonexistent")

    assert error.value.returncode == 2


def test_downloaded_status_lists_are_read_offline(
    published, issued, tmp_path, django_capture_on_commit_callbacks
):
    """With the issuer's status lists saved beside the PDF, revocation is seen
    without the network; a list whose bits were altered fails its proof."""
    from certification.credentials.statuslist import Bitstring
    from certification.issuance.lifecycle import credential_revoke
    from certification.issuance.statuslists import issuer_key_code, status_list_get

    code = issuer_key_code(issued.issuer)

    def save(purpose):
        path = tmp_path / f"{purpose}.json"
        path.write_text(json.dumps(status_list_get(code, purpose)))
        return path

    base = [published["pdf"], "--key", published["did"], "--cert", published["cert"]]
    result = lms_verify(*base, "--status-list", save("message"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "status (message): passed" in result.stdout
    assert "status list (message): http" in result.stdout

    with django_capture_on_commit_callbacks(execute=True):
        credential_revoke(credential=issued, actor=None, reason="Documento falso")
    result = lms_verify(*base, "--status-list", save("message"))
    assert result.returncode == 1
    assert "status (message): FAILED: revoked in the list of" in result.stdout

    forged = json.loads((tmp_path / "message.json").read_text())
    size = len(Bitstring.decode(forged["credentialSubject"]["encodedList"]))
    forged["credentialSubject"]["encodedList"] = Bitstring(size).encode()
    (tmp_path / "forged.json").write_text(json.dumps(forged))
    result = lms_verify(*base, "--status-list", tmp_path / "forged.json")
    assert result.returncode == 1
    assert "the status list's proof fails" in result.stdout


def test_a_status_list_that_is_not_one_exits_2(published):
    result = lms_verify(
        published["pdf"], "--key", published["did"], "--status-list", published["did"]
    )
    assert result.returncode == 2
    assert "not a BitstringStatusListCredential" in result.stderr
