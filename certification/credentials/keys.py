"""Issuer key material on disk, and the public documents derived from it.

Layout of ``settings.LMS_KEY_DIR/<CODE>/`` (directory mode 0700)::

    ed25519-key-1.pem        Ed25519 private key, PKCS#8 PEM, mode 0600
    ed25519-key-1.pub.pem    its public key (SubjectPublicKeyInfo PEM)
    ed25519-key-2.pem ...    added by a rotation; the highest number signs
    rsa-key-1.pem            RSA private key for RS256 VC-JWTs, mode 0600
    rsa-key-1.pub.pem        its public key; rsa-key-2... added by a rotation
    *.pkcs11                 in place of a private *.pem: the key is in an HSM
    signing-key.pem          private key of the PDF signing certificate, 0600
    signing-cert.pem         X.509 certificate used for PAdES signatures
    signing-chain.pem        optional CA chain installed with the certificate
    retired/<timestamp>/     signing certificates replaced by a rotation

Older Ed25519 keys stay after a rotation so credentials signed with them keep
verifying: the did:web document lists every key as an assertion method.

The DID document publishes each Ed25519 key twice: as a ``Multikey`` (for
eddsa-jcs-2022 Data Integrity proofs) and as a ``JsonWebKey`` (``#key-N-jwk``,
the ``kid`` of EdDSA VC-JWTs); the RSA key as a ``JsonWebKey`` (``#rsa-key-1``,
the ``kid`` of RS256 VC-JWTs). The same JWKs are served as a JWK Set. A key
directory made before the RSA key existed keeps working: ``issuer_keys``
adds the RSA key, and until then VC-JWTs are signed with EdDSA.

Private keys never enter the database or the repository. Settings are read at
call time only.

Custody of the private keys (see the README, "Key custody"):

- With ``LMS_KEY_PASSPHRASE`` set, private key files are written as encrypted
  PKCS#8 (PBES2: PBKDF2-HMAC-SHA256 and AES-256-CBC) and read with it;
  :func:`encrypt_key_files` (``issuer_keys --encrypt``) encrypts the files
  written before, or changes the passphrase. Decrypted keys are kept in memory
  by the process that signs, keyed by file, so the key derivation runs once.
- A private key can instead live in an HSM reached through PKCS#11: then, in
  place of ``<name>.pem``, the directory holds ``<name>.pkcs11``, a JSON file
  naming the token and the key label (see :mod:`.hsm`); public keys and
  certificates stay here as files. Loading such a key returns a signer object
  with ``sign(data)`` in place of a ``cryptography`` private key.
"""

import datetime as dt
import hashlib
import os
import re
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from .multibase import (
    MultibaseError,
    ed25519_public_key_from_multikey,
    ed25519_public_key_to_multikey,
)

SIGNING_CERT_FILE = "signing-cert.pem"
SIGNING_KEY_FILE = "signing-key.pem"
SIGNING_CHAIN_FILE = "signing-chain.pem"
SELF_SIGNED_VALIDITY_DAYS = 365 * 10
# A key's number comes from its private file (PEM, or a marker naming a key in
# a PKCS#11 token) or from its public file: a key directory restored from a
# backup holds the public files only until the private keys are put back, and
# verifies meanwhile.
_ED25519_FILE = re.compile(r"^ed25519-key-(\d+)(?:\.pub\.pem|\.pem|\.pkcs11)$")
HSM_SUFFIX = ".pkcs11"
# PBKDF2-HMAC-SHA256 iterations of encrypted key files (OWASP 2023: 600 000).
KDF_ROUNDS = 600_000
_ISSUER_CODE = re.compile(r"^[A-Za-z0-9-]{2,32}$")

DID_CONTEXTS = [
    "https://www.w3.org/ns/did/v1",
    "https://w3id.org/security/multikey/v1",
    "https://w3id.org/security/jwk/v1",
]
# The first RSA key; a rotation adds rsa-key-2... (the highest signs).
RSA_KEY_ID = "rsa-key-1"
RSA_KEY_FILE = "rsa-key-1.pem"
RSA_PUBLIC_KEY_FILE = "rsa-key-1.pub.pem"
_RSA_FILE = re.compile(r"^rsa-key-(\d+)\.(pem|pkcs11)$")
RSA_KEY_BITS = 2048
JWK_SUFFIX = "-jwk"


class KeyMaterialError(Exception):
    """Base class; see the specific errors below."""


class IssuerKeysMissing(KeyMaterialError):
    """No key material for this issuer: run ``manage.py issuer_keys``."""


class InvalidKeyMaterial(KeyMaterialError):
    """A key or certificate file is unreadable or does not match."""


class KeyPassphraseError(InvalidKeyMaterial):
    """An encrypted key file and no passphrase, or the wrong one."""


@dataclass(frozen=True)
class KeyGenerationResult:
    issuer_code: str
    directory: Path
    ed25519_key_id: str
    ed25519_created: bool
    certificate_created: bool
    rsa_created: bool = False


@dataclass(frozen=True)
class SigningCertificate:
    certificate: x509.Certificate
    private_key: object
    chain: tuple[x509.Certificate, ...]
    cert_path: Path
    key_path: Path


def _settings():
    from django.conf import settings

    return settings


def normalise_issuer_code(issuer_code: str) -> str:
    if not isinstance(issuer_code, str) or not _ISSUER_CODE.match(issuer_code):
        raise ValueError(f"invalid issuer code: {issuer_code!r}")
    return issuer_code.upper()


def key_directory(issuer_code: str) -> Path:
    """``settings.LMS_KEY_DIR / <CODE>`` (not created)."""
    return Path(_settings().LMS_KEY_DIR) / normalise_issuer_code(issuer_code)


def public_host() -> str:
    """The did:web host of ``LMS_PUBLIC_URL``, its port percent-encoded
    (``certificados.example.org``, ``127.0.0.1%3A8000``)."""
    from lms.public_url import public_netloc

    return public_netloc().replace(":", "%3A")


# --- did:web ---------------------------------------------------------------


def issuer_did(issuer_code: str, *, host: str | None = None) -> str:
    """``did:web:<host>:issuers:<code>`` with the code in lower case."""
    host = (host or public_host()).replace(":", "%3A")
    return f"did:web:{host}:issuers:{normalise_issuer_code(issuer_code).lower()}"


def verification_method_id(
    issuer_code: str, *, key_id: str | None = None, host: str | None = None
) -> str:
    """The DID URL of an issuer key, ``<did>#key-N`` (the current key by default)."""
    key_id = key_id or current_ed25519_key_id(issuer_code)
    return f"{issuer_did(issuer_code, host=host)}#{key_id}"


def did_web_document_url(did: str) -> str:
    """Where a did:web DID document lives, per the did:web method specification
    (see :mod:`certification.credentials.didweb`)."""
    from .didweb import did_web_document_url as document_url

    return document_url(did, public_url=_settings().LMS_PUBLIC_URL)


def did_document(
    issuer_code: str,
    *,
    host: str | None = None,
    public_keys: dict[str, ed25519.Ed25519PublicKey] | None = None,
    rsa_public_key: rsa.RSAPublicKey | None = None,
) -> dict:
    """The did:web document publishing every key of an issuer.

    ``public_keys`` maps key ids (``key-1``) to Ed25519 keys; by default they
    (and the RSA key, when there is one) are read from the key directory.
    """
    did = issuer_did(issuer_code, host=host)
    if public_keys is None:
        keys = load_public_keys(issuer_code)
        rsa_keys = (
            {RSA_KEY_ID: rsa_public_key}
            if rsa_public_key is not None
            else load_rsa_public_keys(issuer_code)
        )
    else:
        keys = public_keys
        rsa_keys = {RSA_KEY_ID: rsa_public_key} if rsa_public_key is not None else {}
    if not keys:
        raise IssuerKeysMissing(f"no Ed25519 keys for issuer {issuer_code}")
    ordered = sorted(keys.items(), key=lambda kv: _key_number(kv[0]))
    methods = [
        {
            "id": f"{did}#{key_id}",
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": ed25519_public_key_to_multikey(key),
        }
        for key_id, key in ordered
    ]
    multikey_ids = [method["id"] for method in methods]
    methods += [
        {
            "id": f"{did}#{key_id}{JWK_SUFFIX}",
            "type": "JsonWebKey",
            "controller": did,
            "publicKeyJwk": public_jwk(key),
        }
        for key_id, key in ordered
    ]
    # Every RSA key, retired ones too: VC-JWTs signed before a rotation name
    # them as kid.
    methods += [
        {
            "id": f"{did}#{key_id}",
            "type": "JsonWebKey",
            "controller": did,
            "publicKeyJwk": public_jwk(key),
        }
        for key_id, key in sorted(rsa_keys.items(), key=lambda kv: _key_number(kv[0]))
    ]
    method_ids = [method["id"] for method in methods]
    return {
        "@context": DID_CONTEXTS,
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": method_ids,
        "authentication": [multikey_ids[-1]],
    }


def public_jwk(public_key) -> dict:
    """The public JWK (RFC 7517) of an Ed25519 (OKP) or RSA public key."""
    import jwt

    if isinstance(public_key, ed25519.Ed25519PublicKey):
        return jwt.algorithms.OKPAlgorithm.to_jwk(public_key, as_dict=True)
    if isinstance(public_key, rsa.RSAPublicKey):
        return jwt.algorithms.RSAAlgorithm.to_jwk(public_key, as_dict=True)
    raise InvalidKeyMaterial(f"no JWK for {type(public_key).__name__}")


def jwks_from_did_document(document: dict) -> dict:
    """The JWK Set of a DID document's JsonWebKey assertion methods; each
    key's ``kid`` is its verification method id (the VC-JWT ``kid``)."""
    allowed = {
        entry if isinstance(entry, str) else entry.get("id")
        for entry in document.get("assertionMethod") or []
    }
    result = []
    for method in document.get("verificationMethod") or []:
        if not isinstance(method, dict) or method.get("id") not in allowed:
            continue
        jwk = method.get("publicKeyJwk")
        if method.get("type") != "JsonWebKey" or not isinstance(jwk, dict):
            continue
        entry = {**jwk, "kid": method["id"], "use": "sig"}
        entry["alg"] = "RS256" if jwk.get("kty") == "RSA" else "EdDSA"
        result.append(entry)
    return {"keys": result}


def jwt_keys_from_did_document(document: dict) -> dict:
    """Verification method id -> public key, for every JsonWebKey assertion
    method and every Multikey one (VC-JWTs issued before the JWKs were
    published name the Multikey as ``kid``)."""
    import jwt

    keys = dict(public_keys_from_did_document(document))
    for jwk in jwks_from_did_document(document)["keys"]:
        try:
            keys[jwk["kid"]] = jwt.PyJWK(jwk).key
        except (jwt.PyJWKError, ValueError) as exc:
            raise InvalidKeyMaterial(f"bad key {jwk['kid']}: {exc}") from exc
    return keys


def public_keys_from_did_document(document: dict) -> dict:
    """Map each Multikey assertion method of a DID document to its public key.

    This is what an offline verifier needs: the published did.json alone.
    """
    if not isinstance(document, dict):
        raise InvalidKeyMaterial("a DID document is a JSON object")
    allowed = set()
    for entry in document.get("assertionMethod") or []:
        allowed.add(entry if isinstance(entry, str) else entry.get("id"))
    keys = {}
    for method in document.get("verificationMethod") or []:
        if not isinstance(method, dict) or method.get("id") not in allowed:
            continue
        if method.get("type") != "Multikey":
            continue
        try:
            keys[method["id"]] = ed25519_public_key_from_multikey(
                method.get("publicKeyMultibase")
            )
        except (MultibaseError, ValueError) as exc:
            raise InvalidKeyMaterial(f"bad key {method['id']}: {exc}") from exc
    return keys


def verification_methods(issuer_code: str, *, host: str | None = None) -> dict:
    """Every key of an issuer from the key directory, by verification method id."""
    return public_keys_from_did_document(did_document(issuer_code, host=host))


# --- Ed25519 keys ----------------------------------------------------------


def _key_number(key_id: str) -> int:
    return int(key_id.rsplit("-", 1)[1])


def _ed25519_numbers(directory: Path) -> list[int]:
    if not directory.is_dir():
        return []
    numbers = set()
    for path in directory.iterdir():
        match = _ED25519_FILE.match(path.name)
        if match:
            numbers.add(int(match.group(1)))
    return sorted(numbers)


def current_ed25519_key_id(issuer_code: str) -> str:
    numbers = _ed25519_numbers(key_directory(issuer_code))
    if not numbers:
        raise IssuerKeysMissing(
            f"no Ed25519 key for issuer {issuer_code}: run manage.py issuer_keys"
        )
    return f"key-{numbers[-1]}"


def load_signing_key(
    issuer_code: str, key_id: str | None = None
) -> ed25519.Ed25519PrivateKey:
    """The Ed25519 private key that signs credentials (current one by default)."""
    key_id = key_id or current_ed25519_key_id(issuer_code)
    path = key_directory(issuer_code) / f"ed25519-{key_id}.pem"
    key = _load_private_key(path)
    if _in_hsm(key):
        return key
    if not isinstance(key, ed25519.Ed25519PrivateKey):
        raise InvalidKeyMaterial(f"{path} is not an Ed25519 private key")
    return key


def load_public_keys(issuer_code: str) -> dict[str, ed25519.Ed25519PublicKey]:
    """Every Ed25519 public key of the issuer, by key id (``key-1``...)."""
    directory = key_directory(issuer_code)
    keys = {}
    for number in _ed25519_numbers(directory):
        path = directory / f"ed25519-key-{number}.pub.pem"
        keys[f"key-{number}"] = _public_key_read(
            path, ed25519.Ed25519PublicKey, "Ed25519"
        )
    return keys


def _public_key_read(path: Path, kind: type, label: str):
    """The public key in the PEM file ``path``, which must be a ``kind``."""
    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise InvalidKeyMaterial(f"cannot read {path}: {exc}") from exc
    if not isinstance(key, kind):
        raise InvalidKeyMaterial(f"{path} is not an {label} public key")
    return key


def load_public_key(
    issuer_code: str, key_id: str | None = None
) -> ed25519.Ed25519PublicKey:
    key_id = key_id or current_ed25519_key_id(issuer_code)
    keys = load_public_keys(issuer_code)
    if key_id not in keys:
        raise IssuerKeysMissing(f"issuer {issuer_code} has no key {key_id}")
    return keys[key_id]


def _rsa_numbers(directory: Path) -> list[int]:
    if not directory.is_dir():
        return []
    return sorted(
        {int(m.group(1)) for p in directory.iterdir() if (m := _RSA_FILE.match(p.name))}
    )


def current_rsa_key_id(issuer_code: str) -> str | None:
    """``rsa-key-N`` of the RSA key that signs RS256 VC-JWTs, or None."""
    numbers = _rsa_numbers(key_directory(issuer_code))
    return f"rsa-key-{numbers[-1]}" if numbers else None


def load_rsa_signing_key(issuer_code: str) -> rsa.RSAPrivateKey | None:
    """The RSA key that signs RS256 VC-JWTs (the newest), or None when the
    issuer's key directory predates it (``manage.py issuer_keys`` adds it)."""
    key_id = current_rsa_key_id(issuer_code)
    if key_id is None:
        return None
    path = key_directory(issuer_code) / f"{key_id}.pem"
    key = _load_private_key(path)
    if _in_hsm(key):
        return key
    if not isinstance(key, rsa.RSAPrivateKey):
        raise InvalidKeyMaterial(f"{path} is not an RSA private key")
    return key


def load_rsa_public_keys(issuer_code: str) -> dict[str, rsa.RSAPublicKey]:
    """Every RSA public key of the issuer (``rsa-key-1``...), retired ones too."""
    directory = key_directory(issuer_code)
    result = {}
    for number in _rsa_numbers(directory):
        path = directory / f"rsa-key-{number}.pub.pem"
        result[f"rsa-key-{number}"] = _public_key_read(path, rsa.RSAPublicKey, "RSA")
    return result


def load_rsa_public_key(issuer_code: str) -> rsa.RSAPublicKey | None:
    """The current RSA public key, or None."""
    key_id = current_rsa_key_id(issuer_code)
    return load_rsa_public_keys(issuer_code)[key_id] if key_id else None


def rsa_verification_method_id(issuer_code: str, *, host: str | None = None) -> str:
    key_id = current_rsa_key_id(issuer_code) or RSA_KEY_ID
    return f"{issuer_did(issuer_code, host=host)}#{key_id}"


def jwk_verification_method_id(
    issuer_code: str, *, key_id: str | None = None, host: str | None = None
) -> str:
    """The DID URL of the JsonWebKey form of an Ed25519 key (``#key-N-jwk``)."""
    key_id = key_id or current_ed25519_key_id(issuer_code)
    return f"{issuer_did(issuer_code, host=host)}#{key_id}{JWK_SUFFIX}"


def public_key_multibase(public_key: ed25519.Ed25519PublicKey) -> str:
    return ed25519_public_key_to_multikey(public_key)


# --- X.509 signing certificate -------------------------------------------


def load_signing_certificate(issuer_code: str) -> SigningCertificate:
    """The PDF signing certificate, its private key and optional CA chain."""
    directory = key_directory(issuer_code)
    cert_path = directory / SIGNING_CERT_FILE
    key_path = directory / SIGNING_KEY_FILE
    if not cert_path.exists() or not _has_private_key(directory, SIGNING_KEY_FILE):
        raise IssuerKeysMissing(
            f"no signing certificate for issuer {issuer_code}: "
            "run manage.py issuer_keys"
        )
    certificate = _load_certificate(cert_path)
    private_key = _load_private_key(key_path)
    chain_path = directory / SIGNING_CHAIN_FILE
    chain = ()
    if chain_path.exists():
        chain = tuple(x509.load_pem_x509_certificates(chain_path.read_bytes()))
    return SigningCertificate(certificate, private_key, chain, cert_path, key_path)


def signing_certificates(issuer_code: str) -> list[x509.Certificate]:
    """What a PDF verifier trusts for this issuer: the current signing
    certificate, its CA chain, and the certificates retired by rotations
    (certificates signed with them keep verifying), newest first."""
    signing = load_signing_certificate(issuer_code)
    result = [signing.certificate, *signing.chain]
    retired = key_directory(issuer_code) / "retired"
    if retired.is_dir():
        for path in sorted(retired.glob(f"*/{SIGNING_CERT_FILE}"), reverse=True):
            result.append(_load_certificate(path))
    return result


def load_certificate(path: Path) -> x509.Certificate:
    return _load_certificate(Path(path))


def _load_certificate(path: Path) -> x509.Certificate:
    try:
        data = path.read_bytes()
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except (OSError, ValueError) as exc:
        raise InvalidKeyMaterial(f"cannot read certificate {path}: {exc}") from exc


def key_passphrase() -> bytes | None:
    """``settings.LMS_KEY_PASSPHRASE`` (from the environment), or None."""
    value = getattr(_settings(), "LMS_KEY_PASSPHRASE", "") or ""
    return value.encode() if value else None


_decrypted: dict[tuple, object] = {}
_decrypted_lock = threading.Lock()


def _load_private_key(path: Path, *, passphrase: bytes | None = None):
    """A private key: a ``cryptography`` key read from ``path`` (decrypted with
    ``passphrase``, by default ``LMS_KEY_PASSPHRASE``), or the HSM signer
    named by ``<path stem>.pkcs11`` when the key lives in an HSM."""
    from lms.keyfiles import is_encrypted  # not at import: lms loads Celery

    path = Path(path)
    marker = path.with_suffix(HSM_SUFFIX)
    if not path.exists() and marker.exists():
        from .hsm import load_hsm_key

        return load_hsm_key(marker)
    try:
        data = path.read_bytes()
        stat = path.stat()
    except FileNotFoundError as exc:
        raise IssuerKeysMissing(f"missing key file {path}") from exc
    encrypted = is_encrypted(data)
    password = (passphrase or key_passphrase()) if encrypted else None
    if encrypted and password is None:
        raise KeyPassphraseError(
            f"{path} is encrypted: set LMS_KEY_PASSPHRASE to read it"
        )
    cache_key = (
        str(path.resolve()),
        stat.st_mtime_ns,
        stat.st_size,
        hashlib.sha256(password).digest() if password else b"",
    )
    key = _decrypted.get(cache_key)
    if key is not None:
        return key
    try:
        if b"-----BEGIN" in data:
            key = serialization.load_pem_private_key(data, password=password)
        else:
            key = serialization.load_der_private_key(data, password=password)
    except (TypeError, ValueError) as exc:
        if encrypted:
            raise KeyPassphraseError(
                f"cannot decrypt {path}: wrong LMS_KEY_PASSPHRASE"
            ) from exc
        raise InvalidKeyMaterial(f"cannot read private key {path}: {exc}") from exc
    if encrypted:
        with _decrypted_lock:
            if len(_decrypted) > 256:
                _decrypted.clear()
            _decrypted[cache_key] = key
    return key


def _in_hsm(key) -> bool:
    from .hsm import HsmKey

    return isinstance(key, HsmKey)


def _has_private_key(directory: Path, file_name: str) -> bool:
    """A private key file ``file_name`` (``*.pem``) or its HSM marker exists."""
    path = directory / file_name
    return path.exists() or path.with_suffix(HSM_SUFFIX).exists()


def key_files_unencrypted(issuer_code: str | None = None) -> list[Path]:
    """Private key files anyone who reads them can use (one issuer, or all)."""
    from lms.keyfiles import unencrypted_private_keys

    directory = (
        key_directory(issuer_code) if issuer_code else Path(_settings().LMS_KEY_DIR)
    )
    return unencrypted_private_keys(directory)


def encrypt_key_files(
    issuer_code: str | None = None,
    *,
    passphrase: bytes,
    old_passphrase: bytes | None = None,
) -> list[Path]:
    """Encrypt an issuer's private key files (or every issuer's) with
    ``passphrase``: the plain ones, and those encrypted with
    ``old_passphrase`` (a passphrase change). Every file is read first; when
    one cannot be (wrong old passphrase), nothing is written. Returns the
    files rewritten."""
    from lms.keyfiles import is_encrypted, private_key_files

    if not passphrase:
        raise KeyPassphraseError("LMS_KEY_PASSPHRASE is empty")
    directory = (
        key_directory(issuer_code) if issuer_code else Path(_settings().LMS_KEY_DIR)
    )
    pending = []
    for path in private_key_files(directory):
        data = path.read_bytes()
        if is_encrypted(data):
            try:
                _load_private_key(path, passphrase=passphrase)
                continue  # already under the new passphrase
            except KeyPassphraseError:
                if old_passphrase is None:
                    raise KeyPassphraseError(
                        f"{path} is encrypted with another passphrase: set "
                        "LMS_KEY_OLD_PASSPHRASE to it"
                    ) from None
            key = _load_private_key(path, passphrase=old_passphrase)
        else:
            key = _load_private_key(path)
        pending.append((path, key))
    for path, key in pending:
        _write_private(path, private_key_pem(key, passphrase=passphrase))
    return [path for path, _key in pending]


# --- generation ------------------------------------------------------------


def _write_private(path: Path, data: bytes) -> None:
    """Create the file with mode 0600 from the start (no window at 0644)."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def _write_public(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def private_key_pem(key, *, passphrase: bytes | None = None) -> bytes:
    """PKCS#8 PEM, encrypted with ``passphrase`` (by default
    ``LMS_KEY_PASSPHRASE``) when there is one."""
    passphrase = passphrase or key_passphrase()
    der = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    if not passphrase:
        return _pem("PRIVATE KEY", der)
    return _pem("ENCRYPTED PRIVATE KEY", _encrypted_pkcs8(der, passphrase))


def _pem(label: str, der: bytes) -> bytes:
    import base64
    import textwrap

    body = "\n".join(textwrap.wrap(base64.b64encode(der).decode(), 64))
    return f"-----BEGIN {label}-----\n{body}\n-----END {label}-----\n".encode()


def _encrypted_pkcs8(der: bytes, passphrase: bytes) -> bytes:
    """EncryptedPrivateKeyInfo (RFC 5958) with PBES2 (RFC 8018): PBKDF2-HMAC-
    SHA256, :data:`KDF_ROUNDS` iterations, AES-256-CBC. ``cryptography``'s
    BestAvailableEncryption uses 2 048 iterations, too few for a passphrase;
    OpenSSL (``openssl pkey``) and ``cryptography`` both read this form."""
    from asn1crypto import algos, core
    from asn1crypto import keys as asn1_keys
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    salt, iv = os.urandom(16), os.urandom(16)
    secret = PBKDF2HMAC(hashes.SHA256(), 32, salt, KDF_ROUNDS).derive(passphrase)
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(secret), modes.CBC(iv)).encryptor()
    ciphertext = encryptor.update(padder.update(der) + padder.finalize())
    ciphertext += encryptor.finalize()
    pbkdf2 = {
        "salt": algos.Pbkdf2Salt(name="specified", value=core.OctetString(salt)),
        "iteration_count": KDF_ROUNDS,
        "prf": {"algorithm": "sha256"},
    }
    info = asn1_keys.EncryptedPrivateKeyInfo(
        {
            "encryption_algorithm": {
                "algorithm": "pbes2",
                "parameters": {
                    "key_derivation_func": {
                        "algorithm": "pbkdf2",
                        "parameters": pbkdf2,
                    },
                    "encryption_scheme": {
                        "algorithm": "aes256_cbc",
                        "parameters": iv,
                    },
                },
            },
            "encrypted_data": ciphertext,
        }
    )
    return info.dump()


def _ensure_directory(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    os.chmod(directory, 0o700)


def _hsm_label(directory: Path, file_name: str) -> str:
    """``CL/ed25519-key-2``: the issuer code and the key's file stem."""
    return f"{directory.name}/{Path(file_name).stem}"


def _new_ed25519_key(directory: Path, hsm_token: str | None = None) -> str:
    numbers = _ed25519_numbers(directory)
    number = (numbers[-1] + 1) if numbers else 1
    name = f"ed25519-key-{number}.pem"
    if hsm_token:
        from . import hsm

        public_key = hsm.generate_key(
            (directory / name).with_suffix(HSM_SUFFIX),
            kind="ed25519",
            label=_hsm_label(directory, name),
            token=hsm_token,
        )
    else:
        key = ed25519.Ed25519PrivateKey.generate()
        public_key = key.public_key()
    public_pem = public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    _write_public(directory / f"ed25519-key-{number}.pub.pem", public_pem)
    if not hsm_token:
        _write_private(directory / name, private_key_pem(key))
    return f"key-{number}"


def _new_rsa_key(directory: Path, hsm_token: str | None = None) -> None:
    numbers = _rsa_numbers(directory)
    name = f"rsa-key-{(numbers[-1] + 1) if numbers else 1}.pem"
    if hsm_token:
        from . import hsm

        public_key = hsm.generate_key(
            (directory / name).with_suffix(HSM_SUFFIX),
            kind="rsa",
            label=_hsm_label(directory, name),
            token=hsm_token,
        )
    else:
        key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_KEY_BITS)
        public_key = key.public_key()
    public_pem = public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    _write_public(directory / name.replace(".pem", ".pub.pem"), public_pem)
    if not hsm_token:
        _write_private(directory / name, private_key_pem(key))


def _new_hsm_signing_certificate(
    directory: Path, organisation: str, code: str, hsm_token: str
):
    """A self-signed PDF signing certificate whose EC P-256 key is generated
    in the token (labelled ``<CODE>/signing-key-<time>``: a rotation adds a
    new one and leaves the old one, as for files)."""
    from . import hsm

    marker = (directory / SIGNING_KEY_FILE).with_suffix(HSM_SUFFIX)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    public_key = hsm.generate_key(
        marker, kind="ec", label=f"{code}/signing-key-{stamp}", token=hsm_token
    )
    draft, _throwaway = self_signed_certificate(organisation, code)
    return hsm.sign_certificate(draft, public_key, hsm.load_hsm_key(marker))


def subject_name(
    organisation: str, country_code: str, common_name: str | None = None
) -> x509.Name:
    """Subject C/O/CN; X.520 caps O and CN at 64 characters."""
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, country_code[:2].upper()),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64]),
            x509.NameAttribute(NameOID.COMMON_NAME, (common_name or organisation)[:64]),
        ]
    )


def self_signed_certificate(
    organisation: str,
    country_code: str,
    *,
    algorithm: str = "ec-p256",
    valid_days: int = SELF_SIGNED_VALIDITY_DAYS,
):
    """A self-signed document-signing certificate and its private key.

    keyUsage digitalSignature + nonRepudiation (critical), extendedKeyUsage
    documentSigning (1.3.6.1.5.5.7.3.36) and emailProtection for PDF readers.
    """
    if algorithm == "rsa-3072":
        private_key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    elif algorithm == "ec-p256":
        private_key = ec.generate_private_key(ec.SECP256R1())
    else:
        raise ValueError(f"unsupported algorithm {algorithm!r}")
    name = subject_name(organisation, country_code)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    public_key = private_key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage(
                [
                    x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36"),
                    ExtendedKeyUsageOID.EMAIL_PROTECTION,
                ]
            ),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), False)
        .sign(private_key, hashes.SHA256())
    )
    return certificate, private_key


def _retire_signing_certificate(directory: Path) -> None:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = directory / "retired" / stamp
    target.mkdir(parents=True, exist_ok=True)
    os.chmod(target.parent, 0o700)
    hsm_marker = Path(SIGNING_KEY_FILE).with_suffix(HSM_SUFFIX).name
    for name in (SIGNING_CERT_FILE, SIGNING_KEY_FILE, SIGNING_CHAIN_FILE, hsm_marker):
        if (directory / name).exists():
            shutil.move(str(directory / name), str(target / name))


def issuer_keys_generate(
    *,
    issuer_code: str,
    organisation: str,
    rotate: bool = False,
    certificate_algorithm: str = "ec-p256",
    hsm_token: str | None = None,
) -> KeyGenerationResult:
    """Create the issuer's keys if missing; with ``rotate``, add new ones.

    Idempotent: without ``rotate`` existing keys are kept untouched. A rotation
    adds a new Ed25519 key and a new RSA key (older ones stay published for
    verification, no longer used to sign) and replaces the signing
    certificate (the old one moves to ``retired/`` and stays trusted). With
    ``hsm_token``, the keys created are generated in that PKCS#11 token
    (see :mod:`.hsm`; the certificate is then EC P-256).
    """
    code = normalise_issuer_code(issuer_code)
    directory = key_directory(code)
    _ensure_directory(directory)
    ed_created = False
    if rotate or not _ed25519_numbers(directory):
        _new_ed25519_key(directory, hsm_token)
        ed_created = True
    rsa_created = False
    if rotate or not _rsa_numbers(directory):
        # Added beside the Ed25519 keys, also to directories made before it.
        _new_rsa_key(directory, hsm_token)
        rsa_created = True
    cert_created = False
    has_cert = (directory / SIGNING_CERT_FILE).exists() and _has_private_key(
        directory, SIGNING_KEY_FILE
    )
    if rotate or not has_cert:
        if has_cert:
            _retire_signing_certificate(directory)
        if hsm_token:
            certificate = _new_hsm_signing_certificate(
                directory, organisation, code, hsm_token
            )
        else:
            certificate, private_key = self_signed_certificate(
                organisation, code, algorithm=certificate_algorithm
            )
            _write_private(directory / SIGNING_KEY_FILE, private_key_pem(private_key))
        _write_public(
            directory / SIGNING_CERT_FILE,
            certificate.public_bytes(serialization.Encoding.PEM),
        )
        cert_created = True
    return KeyGenerationResult(
        code,
        directory,
        current_ed25519_key_id(code),
        ed_created,
        cert_created,
        rsa_created,
    )


def issuer_certificate_install(
    *, issuer_code: str, cert_path: Path, key_path: Path
) -> SigningCertificate:
    """Install a CA-issued signing certificate and its key for an issuer.

    ``cert_path`` may hold the end-entity certificate followed by its chain
    (PEM). The key must match the certificate; the previous certificate moves
    to ``retired/``.
    """
    code = normalise_issuer_code(issuer_code)
    cert_path, key_path = Path(cert_path), Path(key_path)
    try:
        data = cert_path.read_bytes()
    except OSError as exc:
        raise InvalidKeyMaterial(f"cannot read {cert_path}: {exc}") from exc
    try:
        if b"-----BEGIN" in data:
            certificates = x509.load_pem_x509_certificates(data)
        else:
            certificates = [x509.load_der_x509_certificate(data)]
    except ValueError as exc:
        raise InvalidKeyMaterial(f"cannot read certificate {cert_path}: {exc}") from exc
    certificate, chain = certificates[0], certificates[1:]
    private_key = _load_private_key(key_path)
    if not isinstance(
        private_key,
        rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey,
    ):
        raise InvalidKeyMaterial(f"unsupported private key type in {key_path}")
    if _public_der(private_key.public_key()) != _public_der(certificate.public_key()):
        raise InvalidKeyMaterial("the private key does not match the certificate")
    directory = key_directory(code)
    _ensure_directory(directory)
    if (directory / SIGNING_CERT_FILE).exists():
        _retire_signing_certificate(directory)
    _write_private(directory / SIGNING_KEY_FILE, private_key_pem(private_key))
    _write_public(
        directory / SIGNING_CERT_FILE,
        certificate.public_bytes(serialization.Encoding.PEM),
    )
    if chain:
        _write_public(
            directory / SIGNING_CHAIN_FILE,
            b"".join(c.public_bytes(serialization.Encoding.PEM) for c in chain),
        )
    return load_signing_certificate(code)


def _public_der(public_key) -> bytes:
    return public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
