"""Key rotation drill: rotate an issuer's keys with ``issuer_keys --rotate``,
issue again, and every credential signed before and after still verifies
online (verify page, PDF upload, JSON API, status) and offline (``lms-verify``
with the published did.json and certificate bundle; the VC-JWTs with jose
against the published JWK Set). The old keys stay published and trusted but
no longer sign."""

import json

import jwt
import pytest
from cryptography import x509
from django.core.management import call_command

from certification.credentials import keys
from certification.credentials.pades import validate_pdf
from certification.issuance.storage import artefact_read
from tests.interop import run_node
from tests.verification.conftest import pdf_of
from tests.verification.test_offline import lms_verify
from tests.verification.test_upload import upload, verdict_of


def signer_certificate(pdf: bytes) -> x509.Certificate:
    from io import BytesIO

    from pyhanko.pdf_utils.reader import PdfFileReader

    embedded = PdfFileReader(BytesIO(pdf), strict=False).embedded_signatures[-1]
    return x509.load_der_x509_certificate(embedded.signer_cert.dump())


def artefacts(credential) -> dict:
    document = json.loads(artefact_read(credential.json_file))
    return {
        "pdf": pdf_of(credential),
        "json": document,
        "jwt": artefact_read(credential.jwt_file).decode().strip(),
    }


@pytest.fixture
def drill(issue, client, tmp_path):
    before = issue(name="Ana María Pérez Núñez")
    old_certificate = keys.load_signing_certificate("CL").certificate
    call_command("issuer_keys", "--issuer", "CL", "--rotate")
    after = issue(name="Beatriz Rojas Vidal")
    return {
        "before": before,
        "after": after,
        "old_certificate": old_certificate,
        "new_certificate": keys.load_signing_certificate("CL").certificate,
        "dir": tmp_path,
    }


def test_after_rotation_the_new_keys_sign_and_the_old_ones_stay_published(
    drill, client
):
    old, new = artefacts(drill["before"]), artefacts(drill["after"])
    did = keys.issuer_did("CL")

    assert old["json"]["proof"][0]["verificationMethod"] == f"{did}#key-1"
    assert new["json"]["proof"][0]["verificationMethod"] == f"{did}#key-2"
    assert jwt.get_unverified_header(old["jwt"])["kid"] == f"{did}#rsa-key-1"
    assert jwt.get_unverified_header(new["jwt"])["kid"] == f"{did}#rsa-key-2"
    assert signer_certificate(old["pdf"]) == drill["old_certificate"]
    # The cached PDF signer of this process noticed the new certificate.
    assert signer_certificate(new["pdf"]) == drill["new_certificate"]
    assert drill["new_certificate"] != drill["old_certificate"]

    document = client.get("/issuers/cl/did.json").json()
    assert {
        f"{did}#key-1",
        f"{did}#key-2",
        f"{did}#rsa-key-1",
        f"{did}#rsa-key-2",
    } <= set(document["assertionMethod"])
    bundle = client.get("/api/v1/issuers/cl").json()["signing_certificates_pem"]
    assert x509.load_pem_x509_certificates(bundle.encode()) == [
        drill["new_certificate"],
        drill["old_certificate"],
    ]


def test_credentials_from_before_and_after_verify_online(drill, client):
    for credential in (drill["before"], drill["after"]):
        page = client.get(f"/verify/{credential.public_id}/")
        assert verdict_of(page) == "valid", credential.public_id
        assert verdict_of(upload(client, pdf_of(credential))) == "valid"
        document = artefacts(credential)["json"]
        body = client.post(
            "/api/v1/verify/credential", document, content_type="application/json"
        ).json()
        assert (body["verdict"], body["valid"]) == ("valid", True)
        status = client.get(f"/api/v1/credentials/{credential.public_id}").json()
        assert (status["status"], status["valid"]) == ("valid", True)


def test_credentials_from_before_and_after_verify_offline(drill, client):
    folder = drill["dir"]
    did_json = folder / "did.json"
    did_json.write_text(json.dumps(client.get("/issuers/cl/did.json").json()))
    bundle = folder / "certificados.pem"
    bundle.write_text(
        client.get("/api/v1/issuers/cl").json()["signing_certificates_pem"]
    )
    for label in ("before", "after"):
        pdf = folder / f"{label}.pdf"
        pdf.write_bytes(pdf_of(drill[label]))
        result = lms_verify(pdf, "--key", did_json, "--cert", bundle)
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.strip().endswith("VALID")
        # pyHanko's validation trusting the published certificates.
        report = validate_pdf(
            pdf.read_bytes(), x509.load_pem_x509_certificates(bundle.read_bytes())
        )
        assert report.ok, report.reason

    jwks = client.get("/issuers/cl/jwks.json").json()
    tokens = [artefacts(drill[label])["jwt"] for label in ("before", "after")]
    answers = run_node("verify_jws.mjs", {"jwks": jwks, "tokens": tokens})
    did = keys.issuer_did("CL")
    assert [(a["ok"], a.get("kid")) for a in answers] == [
        (True, f"{did}#rsa-key-1"),
        (True, f"{did}#rsa-key-2"),
    ], answers


def test_without_the_old_key_published_the_old_credential_fails_offline(drill, client):
    """The drill can fail: a did.json that dropped key-1, or only the new
    certificate, and the credential signed before the rotation is refused."""
    folder = drill["dir"]
    document = client.get("/issuers/cl/did.json").json()
    did = document["id"]
    dropped = {f"{did}#key-1", f"{did}#key-1-jwk", f"{did}#rsa-key-1"}
    document["verificationMethod"] = [
        m for m in document["verificationMethod"] if m["id"] not in dropped
    ]
    document["assertionMethod"] = [
        m for m in document["assertionMethod"] if m not in dropped
    ]
    did_json = folder / "did-new-only.json"
    did_json.write_text(json.dumps(document))
    current = keys.key_directory("CL") / keys.SIGNING_CERT_FILE
    pdf = folder / "before.pdf"
    pdf.write_bytes(pdf_of(drill["before"]))

    without_key = lms_verify(pdf, "--key", did_json, "--cert", current)

    assert without_key.returncode == 1
    assert "proof: FAILED" in without_key.stdout
    assert "signature: FAILED" in without_key.stdout
    jwks = keys.jwks_from_did_document(document)
    [answer] = run_node(
        "verify_jws.mjs", {"jwks": jwks, "tokens": [artefacts(drill["before"])["jwt"]]}
    )
    assert answer["ok"] is False
