"""Issuer keys: generation into LMS_KEY_DIR, idempotence, permissions,
rotation, CA certificate installation, Multikey and did:web."""

import stat

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.management import CommandError, call_command

from certification.credentials import keys
from certification.credentials.multibase import (
    base58btc_multibase_decode,
    ed25519_public_key_from_multikey,
)


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_generation_writes_private_keys_with_mode_0600(key_dir):
    result = keys.issuer_keys_generate(issuer_code="cl", organisation="Ministerio")
    directory = key_dir / "CL"
    assert result.directory == directory
    assert result.ed25519_key_id == "key-1"
    assert mode(directory) == 0o700
    assert mode(directory / "ed25519-key-1.pem") == 0o600
    assert mode(directory / "signing-key.pem") == 0o600
    assert (directory / "signing-cert.pem").exists()


def test_generation_is_idempotent_without_rotate(key_dir):
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio")
    before = {p.name: p.read_bytes() for p in (key_dir / "CL").iterdir()}
    result = keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio")
    after = {p.name: p.read_bytes() for p in (key_dir / "CL").iterdir()}
    assert before == after
    assert not result.ed25519_created and not result.certificate_created


def test_rotation_adds_a_key_and_keeps_the_old_one_published(key_dir):
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio")
    old_cert = (key_dir / "CL" / "signing-cert.pem").read_bytes()
    result = keys.issuer_keys_generate(
        issuer_code="CL", organisation="Ministerio", rotate=True
    )
    assert result.ed25519_key_id == "key-2"
    assert keys.current_ed25519_key_id("CL") == "key-2"
    assert set(keys.load_public_keys("CL")) == {"key-1", "key-2"}
    assert (key_dir / "CL" / "signing-cert.pem").read_bytes() != old_cert
    retired = list((key_dir / "CL" / "retired").glob("*/signing-cert.pem"))
    assert [p.read_bytes() for p in retired] == [old_cert]
    document = keys.did_document("CL")
    # Each Ed25519 key as a Multikey and as a JWK; both RSA keys.
    assert [m["id"].rsplit("#")[1] for m in document["verificationMethod"]] == [
        "key-1",
        "key-2",
        "key-1-jwk",
        "key-2-jwk",
        "rsa-key-1",
        "rsa-key-2",
    ]
    assert keys.current_rsa_key_id("CL") == "rsa-key-2"


def test_self_signed_certificate_names_the_ministry_and_signs_documents(key_dir):
    keys.issuer_keys_generate(issuer_code="PE", organisation="Ministerio de Cultura")
    signing = keys.load_signing_certificate("PE")
    cert = signing.certificate
    org = cert.subject.get_attributes_for_oid(x509.NameOID.ORGANIZATION_NAME)
    assert org[0].value == "Ministerio de Cultura"
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.digital_signature and usage.value.content_commitment
    assert isinstance(signing.private_key, ec.EllipticCurvePrivateKey)


def test_multikey_is_z_base58btc_of_ed25519_pub_multicodec(issuer_keys):
    public_key = keys.load_public_key(issuer_keys)
    multikey = keys.public_key_multibase(public_key)
    assert multikey.startswith("z6Mk")
    raw = base58btc_multibase_decode(multikey)
    assert raw[:2] == b"\xed\x01" and len(raw) == 34
    assert ed25519_public_key_from_multikey(multikey) == public_key


def test_did_web_identifiers_encode_the_port(issuer_keys):
    assert keys.issuer_did("CL") == "did:web:cultura.example%3A8443:issuers:cl"
    assert keys.verification_method_id("CL").endswith(":issuers:cl#key-1")
    assert (
        keys.did_web_document_url(keys.issuer_did("CL"))
        == "https://cultura.example:8443/issuers/cl/did.json"
    )
    assert (
        keys.did_web_document_url("did:web:w3c-ccg.github.io")
        == "https://w3c-ccg.github.io/.well-known/did.json"
    )


def test_did_host_is_the_public_address(settings):
    settings.LMS_PUBLIC_URL = "http://127.0.0.1:8100"
    assert keys.issuer_did("MX") == "did:web:127.0.0.1%3A8100:issuers:mx"
    settings.LMS_PUBLIC_URL = "https://certificados.example.org"
    assert keys.issuer_did("MX") == "did:web:certificados.example.org:issuers:mx"


def test_did_document_publishes_a_multikey_assertion_method(issuer_keys):
    document = keys.did_document("CL")
    method = document["verificationMethod"][0]
    assert document["id"] == keys.issuer_did("CL")
    assert method == {
        "id": keys.verification_method_id("CL"),
        "type": "Multikey",
        "controller": document["id"],
        "publicKeyMultibase": keys.public_key_multibase(keys.load_public_key("CL")),
    }
    # The same key as a JsonWebKey (EdDSA JWTs) and the RSA key (RS256 JWTs).
    assert document["assertionMethod"] == [
        method["id"],
        f"{document['id']}#key-1-jwk",
        f"{document['id']}#rsa-key-1",
    ]
    assert document["verificationMethod"][1]["publicKeyJwk"]["crv"] == "Ed25519"
    assert document["verificationMethod"][2]["publicKeyJwk"]["kty"] == "RSA"
    assert "https://w3id.org/security/multikey/v1" in document["@context"]
    assert "https://w3id.org/security/jwk/v1" in document["@context"]


def test_missing_keys_raise_a_clear_error(key_dir):
    with pytest.raises(keys.IssuerKeysMissing, match="issuer_keys"):
        keys.load_signing_key("CO")


def test_command_generates_all_issuers_and_is_idempotent(key_dir, capsys):
    call_command("issuer_keys", "--all")
    assert sorted(p.name for p in key_dir.iterdir()) == ["CL", "CO", "MX", "PE"]
    first = (key_dir / "CO" / "ed25519-key-1.pem").read_bytes()
    call_command("issuer_keys", "--issuer", "CO")
    assert (key_dir / "CO" / "ed25519-key-1.pem").read_bytes() == first
    assert "kept" in capsys.readouterr().out


def test_command_rejects_an_unknown_issuer(key_dir):
    with pytest.raises(CommandError, match="XX"):
        call_command("issuer_keys", "--issuer", "XX")


def test_command_installs_a_ca_certificate_and_refuses_a_mismatched_key(
    key_dir, tmp_path
):
    cert, key = keys.self_signed_certificate("Secretaría de Cultura", "MX")
    other_cert, other_key = keys.self_signed_certificate("Otro", "MX")
    from cryptography.hazmat.primitives import serialization

    cert_path = tmp_path / "ca-cert.pem"
    key_path = tmp_path / "ca-key.pem"
    wrong_key_path = tmp_path / "wrong-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    for path, private in ((key_path, key), (wrong_key_path, other_key)):
        path.write_bytes(
            private.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
    with pytest.raises(CommandError, match="does not match"):
        call_command(
            "issuer_keys",
            "--issuer",
            "MX",
            "--install-cert",
            str(cert_path),
            "--install-key",
            str(wrong_key_path),
        )
    call_command(
        "issuer_keys",
        "--issuer",
        "MX",
        "--install-cert",
        str(cert_path),
        "--install-key",
        str(key_path),
    )
    installed = keys.load_signing_certificate("MX")
    assert installed.certificate == cert
    assert mode(installed.key_path) == 0o600
