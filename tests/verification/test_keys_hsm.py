"""Issuer keys in an HSM through PKCS#11, with SoftHSM2: ``issuer_keys
--hsm`` generates every key in the token (sensitive, not extractable); a
credential is issued, its PDF signed by the token (the batch signer and
pyHanko's PKCS11Signer), its proof and VC-JWT too; each verifies with
pyHanko trusting the issuer certificate, the verify page and API,
``lms-verify``, and jose against the published JWK Set. A rotation in the
HSM keeps the earlier credentials verifying."""

import json

import jwt
import pytest
from cryptography import x509
from django.core.management import CommandError, call_command
from pkcs11 import Attribute

from certification.credentials import hsm, keys, pades
from certification.issuance.storage import artefact_read
from lms.keyfiles import private_key_files
from tests.interop import run_node
from tests.softhsm import softhsm_token
from tests.verification.conftest import pdf_of
from tests.verification.test_offline import lms_verify
from tests.verification.test_upload import upload, verdict_of


@pytest.fixture
def token(tmp_path, monkeypatch, settings):
    yield softhsm_token(tmp_path, monkeypatch, settings)
    hsm.sessions_close()


@pytest.fixture
def issuer_keys(settings, tmp_path, token):
    """Overrides the file keys of tests/verification/conftest.py."""
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    call_command("issuer_keys", "--issuer", "CL", "--hsm")
    return "CL"


def signer_certificate(pdf: bytes) -> x509.Certificate:
    from io import BytesIO

    from pyhanko.pdf_utils.reader import PdfFileReader

    embedded = PdfFileReader(BytesIO(pdf), strict=False).embedded_signatures[-1]
    return x509.load_der_x509_certificate(embedded.signer_cert.dump())


def test_the_key_directory_holds_no_private_key_and_the_token_will_not_export_it(
    issuer_keys, token, settings
):
    directory = keys.key_directory("CL")
    assert private_key_files(settings.LMS_KEY_DIR) == []
    markers = sorted(p.name for p in directory.glob("*.pkcs11"))
    assert markers == ["ed25519-key-1.pkcs11", "rsa-key-1.pkcs11", "signing-key.pkcs11"]
    spec = json.loads((directory / "ed25519-key-1.pkcs11").read_text())
    assert spec == {
        "token": token.token,
        "label": "CL/ed25519-key-1",
        "type": "ed25519",
    }
    objects = token.private_keys()
    assert len(objects) == 3
    for handle in objects:
        assert handle[Attribute.SENSITIVE] is True
        assert handle[Attribute.EXTRACTABLE] is False
    # The published certificate carries the token's EC key and its signature.
    signing = keys.load_signing_certificate("CL")
    certificate = signing.certificate
    certificate.verify_directly_issued_by(certificate)
    assert isinstance(signing.private_key, hsm.HsmKey)
    assert keys.did_document("CL")["assertionMethod"][-1].endswith("#rsa-key-1")


def test_a_credential_issued_with_hsm_keys_verifies_everywhere(
    issued, client, tmp_path
):
    pdf = pdf_of(issued)
    document = json.loads(artefact_read(issued.json_file))
    token = artefact_read(issued.jwt_file).decode().strip()
    certificate = keys.load_signing_certificate("CL").certificate
    did = keys.issuer_did("CL")

    # PDF: signed by the token's key, valid for pyHanko trusting the issuer.
    assert signer_certificate(pdf) == certificate
    report = pades.validate_pdf(pdf, [certificate])
    assert report.ok, report.reason
    # Online: the verify page, the upload, the JSON API.
    assert verdict_of(client.get(f"/verify/{issued.public_id}/")) == "valid"
    assert verdict_of(upload(client, pdf)) == "valid"
    body = client.post(
        "/api/v1/verify/credential", document, content_type="application/json"
    ).json()
    assert (body["verdict"], body["valid"]) == ("valid", True)
    assert document["proof"][0]["verificationMethod"] == f"{did}#key-1"
    # The VC-JWT, RS256 from the token, checked by jose.
    assert jwt.get_unverified_header(token) == {
        "alg": "RS256",
        "kid": f"{did}#rsa-key-1",
        "typ": "JWT",
    }
    jwks = client.get("/issuers/cl/jwks.json").json()
    [answer] = run_node("verify_jws.mjs", {"jwks": jwks, "tokens": [token]})
    assert answer == {"ok": True, "alg": "RS256", "kid": f"{did}#rsa-key-1", "iss": did}
    # Offline.
    (tmp_path / "c.pdf").write_bytes(pdf)
    (tmp_path / "did.json").write_text(json.dumps(keys.did_document("CL")))
    result = lms_verify(
        tmp_path / "c.pdf",
        "--key",
        tmp_path / "did.json",
        "--cert",
        keys.key_directory("CL") / keys.SIGNING_CERT_FILE,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("VALID")


def test_pyhankos_pkcs11_signer_signs_with_the_token(issued):
    """The one-off path (PadesSigner: pyHanko's PKCS11Signer), beside the
    batch path issuance uses."""
    signer = pades.PadesSigner.for_issuer("CL")
    from pyhanko.sign.pkcs11 import PKCS11Signer

    assert isinstance(signer.signer, PKCS11Signer)
    signed = signer.sign(pades._blank_pdf(), reason="Prueba HSM")
    certificate = keys.load_signing_certificate("CL").certificate

    assert pades.validate_pdf(signed, [certificate]).ok
    other = keys.self_signed_certificate("Otro", "CL")[0]
    assert not pades.validate_pdf(signed, [other]).trusted


def test_an_eddsa_jwt_from_the_token_verifies_with_jose(program, client):
    from certification.credentials.vcjwt import credential_to_jwt, verify_jwt

    did = keys.issuer_did("CL")
    credential = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential"],
        "issuer": {"id": did},
        "credentialSubject": {"name": "Prueba"},
    }
    token = credential_to_jwt(
        credential,
        private_key=keys.load_signing_key("CL"),
        kid=keys.jwk_verification_method_id("CL"),
    )
    jwks = client.get("/issuers/cl/jwks.json").json()
    [answer] = run_node("verify_jws.mjs", {"jwks": jwks, "tokens": [token]})

    assert answer["ok"] and answer["alg"] == "EdDSA", answer
    assert verify_jwt(token, keys.jwt_keys_from_did_document(keys.did_document("CL")))


def test_rotation_in_the_hsm_keeps_earlier_credentials_verifying(
    issue, client, tmp_path, token
):
    before = issue(name="Ana María Pérez Núñez")
    call_command("issuer_keys", "--issuer", "CL", "--rotate", "--hsm")
    after = issue(name="Beatriz Rojas Vidal")

    assert len(token.private_keys()) == 6
    did = keys.issuer_did("CL")
    proofs = [
        json.loads(artefact_read(c.json_file))["proof"][0]["verificationMethod"]
        for c in (before, after)
    ]
    assert proofs == [f"{did}#key-1", f"{did}#key-2"]
    bundle = tmp_path / "certificados.pem"
    bundle.write_text(
        client.get("/api/v1/issuers/cl").json()["signing_certificates_pem"]
    )
    (tmp_path / "did.json").write_text(json.dumps(keys.did_document("CL")))
    for credential in (before, after):
        assert verdict_of(client.get(f"/verify/{credential.public_id}/")) == "valid"
        pdf = tmp_path / f"{credential.public_id}.pdf"
        pdf.write_bytes(pdf_of(credential))
        result = lms_verify(pdf, "--key", tmp_path / "did.json", "--cert", bundle)
        assert result.returncode == 0, result.stdout + result.stderr


def test_a_wrong_pin_or_no_module_is_a_clear_error(issuer_keys, settings):
    hsm.sessions_close()
    settings.LMS_PKCS11_PIN = "0000"
    with pytest.raises(keys.KeyPassphraseError, match="wrong PIN"):
        keys.load_signing_key("CL").sign(b"x")
    settings.LMS_PKCS11_MODULE = ""
    with pytest.raises(hsm.HsmError, match="LMS_PKCS11_MODULE is not set"):
        keys.load_signing_key("CL").sign(b"x")
    with pytest.raises(CommandError, match="LMS_PKCS11_MODULE"):
        call_command("issuer_keys", "--issuer", "PE", "--hsm")
