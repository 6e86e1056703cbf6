"""Issuer key material on disk, and the public documents derived from it.

Layout of ``settings.LMS_KEY_DIR/<CODE>/`` (directory mode 0700)::

    ed25519-key-1.pem        Ed25519 private key, PKCS#8 PEM, mode 0600
    ed25519-key-1.pub.pem    its public key (SubjectPublicKeyInfo PEM)
    ed25519-key-2.pem ...    added by a rotation; the highest number signs
    rsa-key-1.pem            RSA private key for RS256 VC-JWTs, mode 0600
    rsa-key-1.pub.pem        its public key
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
"""

import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

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
# A key's number comes from its private or its public file: a key directory
# restored from a backup holds the public files only until the private keys
# are put back, and verifies meanwhile.
_ED25519_FILE = re.compile(r"^ed25519-key-(\d+)(?:\.pub)?\.pem$")
_ISSUER_CODE = re.compile(r"^[A-Za-z0-9-]{2,32}$")

DID_CONTEXTS = [
    "https://www.w3.org/ns/did/v1",
    "https://w3id.org/security/multikey/v1",
    "https://w3id.org/security/jwk/v1",
]
RSA_KEY_ID = "rsa-key-1"
RSA_KEY_FILE = "rsa-key-1.pem"
RSA_PUBLIC_KEY_FILE = "rsa-key-1.pub.pem"
RSA_KEY_BITS = 2048
JWK_SUFFIX = "-jwk"


class KeyMaterialError(Exception):
    """Base class; see the specific errors below."""


class IssuerKeysMissing(KeyMaterialError):
    """No key material for this issuer: run ``manage.py issuer_keys``."""


class InvalidKeyMaterial(KeyMaterialError):
    """A key or certificate file is unreadable or does not match."""


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
    """Where a did:web DID document lives, per the did:web method specification."""
    if not did.startswith("did:web:"):
        raise ValueError(f"not a did:web DID: {did!r}")
    parts = did[len("did:web:") :].split("#", 1)[0].split(":")
    domain = unquote(parts[0])
    if len(parts) == 1:
        return f"https://{domain}/.well-known/did.json"
    return f"https://{domain}/{'/'.join(parts[1:])}/did.json"


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
        rsa_public_key = rsa_public_key or load_rsa_public_key(issuer_code)
    else:
        keys = public_keys
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
    if rsa_public_key is not None:
        methods.append(
            {
                "id": f"{did}#{RSA_KEY_ID}",
                "type": "JsonWebKey",
                "controller": did,
                "publicKeyJwk": public_jwk(rsa_public_key),
            }
        )
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
    if not isinstance(key, ed25519.Ed25519PrivateKey):
        raise InvalidKeyMaterial(f"{path} is not an Ed25519 private key")
    return key


def load_public_keys(issuer_code: str) -> dict[str, ed25519.Ed25519PublicKey]:
    """Every Ed25519 public key of the issuer, by key id (``key-1``...)."""
    directory = key_directory(issuer_code)
    keys = {}
    for number in _ed25519_numbers(directory):
        path = directory / f"ed25519-key-{number}.pub.pem"
        try:
            key = serialization.load_pem_public_key(path.read_bytes())
        except (OSError, ValueError) as exc:
            raise InvalidKeyMaterial(f"cannot read {path}: {exc}") from exc
        if not isinstance(key, ed25519.Ed25519PublicKey):
            raise InvalidKeyMaterial(f"{path} is not an Ed25519 public key")
        keys[f"key-{number}"] = key
    return keys


def load_public_key(
    issuer_code: str, key_id: str | None = None
) -> ed25519.Ed25519PublicKey:
    key_id = key_id or current_ed25519_key_id(issuer_code)
    keys = load_public_keys(issuer_code)
    if key_id not in keys:
        raise IssuerKeysMissing(f"issuer {issuer_code} has no key {key_id}")
    return keys[key_id]


def load_rsa_signing_key(issuer_code: str) -> rsa.RSAPrivateKey | None:
    """The RSA key that signs RS256 VC-JWTs, or None when the issuer's key
    directory predates it (``manage.py issuer_keys`` adds it)."""
    path = key_directory(issuer_code) / RSA_KEY_FILE
    if not path.exists():
        return None
    key = _load_private_key(path)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise InvalidKeyMaterial(f"{path} is not an RSA private key")
    return key


def load_rsa_public_key(issuer_code: str) -> rsa.RSAPublicKey | None:
    path = key_directory(issuer_code) / RSA_PUBLIC_KEY_FILE
    if not path.exists():
        return None
    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise InvalidKeyMaterial(f"cannot read {path}: {exc}") from exc
    if not isinstance(key, rsa.RSAPublicKey):
        raise InvalidKeyMaterial(f"{path} is not an RSA public key")
    return key


def rsa_verification_method_id(issuer_code: str, *, host: str | None = None) -> str:
    return f"{issuer_did(issuer_code, host=host)}#{RSA_KEY_ID}"


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
    if not cert_path.exists() or not key_path.exists():
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


def _load_private_key(path: Path):
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise IssuerKeysMissing(f"missing key file {path}") from exc
    try:
        if b"-----BEGIN" in data:
            return serialization.load_pem_private_key(data, password=None)
        return serialization.load_der_private_key(data, password=None)
    except (TypeError, ValueError) as exc:
        raise InvalidKeyMaterial(f"cannot read private key {path}: {exc}") from exc


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


def _private_pem(key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _ensure_directory(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    os.chmod(directory, 0o700)


def _new_ed25519_key(directory: Path) -> str:
    numbers = _ed25519_numbers(directory)
    number = (numbers[-1] + 1) if numbers else 1
    key = ed25519.Ed25519PrivateKey.generate()
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    _write_public(directory / f"ed25519-key-{number}.pub.pem", public_pem)
    _write_private(directory / f"ed25519-key-{number}.pem", _private_pem(key))
    return f"key-{number}"


def _new_rsa_key(directory: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_KEY_BITS)
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    _write_public(directory / RSA_PUBLIC_KEY_FILE, public_pem)
    _write_private(directory / RSA_KEY_FILE, _private_pem(key))


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
    for name in (SIGNING_CERT_FILE, SIGNING_KEY_FILE, SIGNING_CHAIN_FILE):
        if (directory / name).exists():
            shutil.move(str(directory / name), str(target / name))


def issuer_keys_generate(
    *,
    issuer_code: str,
    organisation: str,
    rotate: bool = False,
    certificate_algorithm: str = "ec-p256",
) -> KeyGenerationResult:
    """Create the issuer's keys if missing; with ``rotate``, add new ones.

    Idempotent: without ``rotate`` existing keys are kept untouched. A rotation
    adds a new Ed25519 key (older ones stay for verification) and replaces the
    signing certificate (the old one moves to ``retired/``).
    """
    code = normalise_issuer_code(issuer_code)
    directory = key_directory(code)
    _ensure_directory(directory)
    ed_created = False
    if rotate or not _ed25519_numbers(directory):
        _new_ed25519_key(directory)
        ed_created = True
    rsa_created = False
    if not (directory / RSA_KEY_FILE).exists():
        # Added beside the Ed25519 keys, also to directories made before it.
        _new_rsa_key(directory)
        rsa_created = True
    cert_created = False
    has_cert = (directory / SIGNING_CERT_FILE).exists() and (
        directory / SIGNING_KEY_FILE
    ).exists()
    if rotate or not has_cert:
        if has_cert:
            _retire_signing_certificate(directory)
        certificate, private_key = self_signed_certificate(
            organisation, code, algorithm=certificate_algorithm
        )
        _write_private(directory / SIGNING_KEY_FILE, _private_pem(private_key))
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
    _write_private(directory / SIGNING_KEY_FILE, _private_pem(private_key))
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
