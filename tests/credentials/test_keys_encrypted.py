"""Issuer private keys encrypted at rest with LMS_KEY_PASSPHRASE: written
encrypted, read with the passphrase (OpenSSL reads them too), a clear error
without it or with a wrong one, ``issuer_keys --encrypt`` for keys written
before, and production settings that refuse plain keys."""

import os
import subprocess
import sys

import pytest
from cryptography.hazmat.primitives import serialization
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command

from certification.credentials import keys, openbadge, proof
from certification.credentials.vcjwt import credential_to_jwt, issuer_jwt_signer
from lms.keyfiles import unencrypted_private_keys

PASSPHRASE = "una frase larga de custodia 2026"
PRIVATE = ("ed25519-key-1.pem", "rsa-key-1.pem", "signing-key.pem")


def snapshot(directory):
    return {p: p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def public_raw(key):
    return key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


@pytest.fixture
def encrypted_keys(key_dir, settings):
    settings.LMS_KEY_PASSPHRASE = PASSPHRASE
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio")
    return key_dir / "CL"


def test_keys_are_written_encrypted_and_openssl_reads_them(encrypted_keys):
    for name in PRIVATE:
        data = (encrypted_keys / name).read_bytes()
        assert data.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----"), name
        # An independent reader: OpenSSL, with the passphrase (PBES2).
        result = subprocess.run(
            [
                "openssl",
                "pkey",
                "-in",
                str(encrypted_keys / name),
                "-noout",
                "-passin",
                "env:PASS",
            ],
            env={**os.environ, "PASS": PASSPHRASE},
            capture_output=True,
        )
        assert result.returncode == 0, result.stderr
        wrong = subprocess.run(
            [
                "openssl",
                "pkey",
                "-in",
                str(encrypted_keys / name),
                "-noout",
                "-passin",
                "pass:otra",
            ],
            capture_output=True,
        )
        assert wrong.returncode != 0
    assert unencrypted_private_keys(encrypted_keys.parent) == []
    parsed = subprocess.run(
        ["openssl", "asn1parse", "-in", str(encrypted_keys / "signing-key.pem")],
        capture_output=True,
        text=True,
    ).stdout
    assert "PBES2" in parsed and "PBKDF2" in parsed and "aes-256-cbc" in parsed
    assert "0927C0" in parsed  # 600 000 iterations


def test_encrypted_keys_sign_credentials_and_pdfs(encrypted_keys, credential_data):
    document = openbadge.credential_build(credential_data)
    signed = openbadge.credential_sign_for_issuer(document, issuer_code="CL")
    assert proof.verify_document(signed, keys.verification_methods("CL"))
    key, kid = issuer_jwt_signer("CL")
    assert kid.endswith("#rsa-key-1")
    assert credential_to_jwt(signed, private_key=key, kid=kid).count(".") == 2
    certificate = keys.load_signing_certificate("CL")
    assert public_raw(
        certificate.private_key
    ) == certificate.certificate.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def test_without_the_passphrase_or_with_a_wrong_one_a_clear_error(
    encrypted_keys, settings
):
    before = snapshot(encrypted_keys)
    settings.LMS_KEY_PASSPHRASE = ""
    with pytest.raises(keys.KeyPassphraseError, match="set LMS_KEY_PASSPHRASE"):
        keys.load_signing_key("CL")
    settings.LMS_KEY_PASSPHRASE = "no es la frase"
    with pytest.raises(keys.KeyPassphraseError, match="wrong LMS_KEY_PASSPHRASE"):
        keys.load_signing_certificate("CL")
    assert snapshot(encrypted_keys) == before


def test_encrypt_command_encrypts_plain_keys_and_keeps_them(key_dir, settings):
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio")
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio", rotate=True)
    plain = unencrypted_private_keys(key_dir)
    # Both Ed25519 and RSA keys, the signing key and the retired one.
    assert len(plain) == 6
    publics = {p: public_raw(keys._load_private_key(p)) for p in plain}
    settings.LMS_KEY_PASSPHRASE = PASSPHRASE

    call_command("issuer_keys", "--issuer", "CL", "--encrypt")

    assert unencrypted_private_keys(key_dir) == []
    for path in plain:
        assert path.read_bytes().startswith(b"-----BEGIN ENCRYPTED")
        assert oct(path.stat().st_mode & 0o777) == "0o600"
        assert public_raw(keys._load_private_key(path)) == publics[path]
    # Idempotent: already under this passphrase, nothing rewritten.
    before = snapshot(key_dir)
    call_command("issuer_keys", "--issuer", "CL", "--encrypt")
    assert snapshot(key_dir) == before


def test_a_passphrase_change_needs_the_old_one_and_loses_nothing(
    encrypted_keys, settings, monkeypatch
):
    before = snapshot(encrypted_keys)
    settings.LMS_KEY_PASSPHRASE = "la frase nueva de 2027"
    with pytest.raises(CommandError, match="LMS_KEY_OLD_PASSPHRASE"):
        call_command("issuer_keys", "--issuer", "CL", "--encrypt")
    monkeypatch.setenv("LMS_KEY_OLD_PASSPHRASE", "tampoco es esta")
    with pytest.raises(CommandError, match="wrong LMS_KEY_PASSPHRASE"):
        call_command("issuer_keys", "--issuer", "CL", "--encrypt")
    assert snapshot(encrypted_keys) == before

    monkeypatch.setenv("LMS_KEY_OLD_PASSPHRASE", PASSPHRASE)
    call_command("issuer_keys", "--issuer", "CL", "--encrypt")

    assert keys.load_signing_key("CL")
    settings.LMS_KEY_PASSPHRASE = PASSPHRASE
    with pytest.raises(keys.KeyPassphraseError):
        keys.load_signing_key("CL")


def test_encrypt_without_a_passphrase_is_refused(key_dir, settings):
    settings.LMS_KEY_PASSPHRASE = ""
    with pytest.raises(CommandError, match="LMS_KEY_PASSPHRASE"):
        call_command("issuer_keys", "--all", "--encrypt")


# --- production settings ------------------------------------------------------

GOOD_KEY = "k3Jw9-pQz7VxT2mLr8sYb4NcFh6GdAe1UiOo5WqZyXtRvBnMpLkJhGfDsA"


def production(key_dir, argv=(), **environment):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "LMS_")) and k != "DATABASE_URL"
    }
    env.update(
        DJANGO_SECRET_KEY=GOOD_KEY,
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        LMS_PUBLIC_URL="https://certificados.example.org",
        LMS_KEY_DIR=str(key_dir),
    )
    env.update(environment)
    code = (
        f"import sys; sys.argv = {['manage.py', *argv]!r}; "
        "import lms.settings.production; print('ok')"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )


def last_line(result) -> str:
    assert result.returncode != 0, result.stdout
    return result.stderr.strip().splitlines()[-1]


def test_production_refuses_without_a_passphrase(tmp_path):
    line = last_line(production(tmp_path))
    assert "LMS_KEY_PASSPHRASE is not set" in line


def test_production_refuses_plain_keys_except_to_encrypt_them(key_dir):
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio")

    refused = production(key_dir, LMS_KEY_PASSPHRASE=PASSPHRASE)
    encrypting = production(
        key_dir, ["issuer_keys", "--all", "--encrypt"], LMS_KEY_PASSPHRASE=PASSPHRASE
    )

    line = last_line(refused)
    assert "3 issuer private key file(s) are not encrypted" in line
    assert "issuer_keys --all --encrypt" in line
    assert encrypting.returncode == 0, encrypting.stderr


def test_production_starts_with_encrypted_keys_or_an_hsm(encrypted_keys, tmp_path):
    started = production(encrypted_keys.parent, LMS_KEY_PASSPHRASE=PASSPHRASE)
    with_hsm = production(tmp_path, LMS_PKCS11_MODULE="/usr/lib/softhsm/libsofthsm2.so")

    assert started.returncode == 0, started.stderr
    assert with_hsm.returncode == 0, with_hsm.stderr
