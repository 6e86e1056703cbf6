"""Issuer private keys held in an HSM, reached through PKCS#11.

A key that lives in a token is named in the issuer's key directory by a marker
file ``<name>.pkcs11`` in place of ``<name>.pem`` (see :mod:`.keys`)::

    {"token": "lms-issuers", "label": "CL/ed25519-key-2", "type": "ed25519"}

The public key (``*.pub.pem``) and the PDF signing certificate stay beside it
as files: they are published, and backed up with the data. The private key is
generated inside the token, sensitive and not extractable, and never leaves
it: :class:`HsmKey` asks the token to sign.

Settings (read at call time): ``LMS_PKCS11_MODULE``, the PKCS#11 library
(``/usr/lib/softhsm/libsofthsm2.so`` for SoftHSM2); ``LMS_PKCS11_TOKEN``, the
label of the token new keys go to; ``LMS_PKCS11_PIN``, the user PIN (from
the environment). Each marker names its own token, so issuers can use
different tokens of the same module; the PIN of a token other than
``LMS_PKCS11_TOKEN`` is read from ``LMS_PKCS11_PINS`` (token label -> PIN).

Mechanisms: Ed25519 with CKM_EDDSA (eddsa-jcs-2022 proofs, EdDSA JWTs), RSA
with CKM_SHA256_RSA_PKCS (RS256 JWTs) and ECDSA P-256 with CKM_ECDSA over a
SHA-256 digest computed here (the PAdES signature, through pyHanko's
``PKCS11Signer``, or the batch template signer below; SoftHSM2 2.6 has no
CKM_ECDSA_SHA256). SoftHSM2 2.6 supports all three.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import threading
from pathlib import Path

from .keys import IssuerKeysMissing, KeyMaterialError, KeyPassphraseError

ED25519_OID = "1.3.101.112"
P256_OID = "1.2.840.10045.3.1.7"
KINDS = ("ed25519", "rsa", "ec")

_sessions: dict[tuple, object] = {}
_lock = threading.RLock()


class HsmError(KeyMaterialError):
    """The HSM is not configured, unreachable, or refused an operation."""


def _settings():
    from django.conf import settings

    return settings


def _pin(token: str) -> str:
    settings = _settings()
    pins = getattr(settings, "LMS_PKCS11_PINS", None) or {}
    if token in pins:
        return pins[token]
    if token == getattr(settings, "LMS_PKCS11_TOKEN", "") or not pins:
        pin = getattr(settings, "LMS_PKCS11_PIN", "")
        if pin:
            return pin
    raise HsmError(f"no PIN for PKCS#11 token {token!r}: set LMS_PKCS11_PIN")


def session(token: str):
    """A logged-in read-write session on ``token``, one per process."""
    import pkcs11
    from pkcs11 import exceptions

    module = getattr(_settings(), "LMS_PKCS11_MODULE", "")
    if not module:
        raise HsmError("a key is in an HSM but LMS_PKCS11_MODULE is not set")
    cache_key = (os.getpid(), module, token)
    with _lock:
        opened = _sessions.get(cache_key)
        if opened is not None:
            return opened
        try:
            library = pkcs11.lib(module)
            found = library.get_token(token_label=token)
        except exceptions.NoSuchToken as exc:
            raise IssuerKeysMissing(f"no PKCS#11 token labelled {token!r}") from exc
        except (RuntimeError, exceptions.PKCS11Error) as exc:
            raise HsmError(f"cannot load the PKCS#11 module {module}: {exc}") from exc
        try:
            opened = found.open(user_pin=_pin(token), rw=True)
        except exceptions.PinIncorrect as exc:
            raise KeyPassphraseError(
                f"wrong PIN for PKCS#11 token {token!r} (LMS_PKCS11_PIN)"
            ) from exc
        except exceptions.PKCS11Error as exc:
            raise HsmError(f"cannot open PKCS#11 token {token!r}: {exc!r}") from exc
        _sessions[cache_key] = opened
        return opened


def session_forget(token: str) -> None:
    """Drop this process's session on ``token`` (after the token failed it),
    so the next use opens a new one."""
    with _lock:
        for cache_key in [key for key in _sessions if key[2] == token]:
            with contextlib.suppress(Exception):
                _sessions.pop(cache_key).close()


def sessions_close() -> None:
    """Close this process's sessions (tests, after a token is removed)."""
    with _lock:
        for opened in _sessions.values():
            with contextlib.suppress(Exception):  # the token may be gone
                opened.close()
        _sessions.clear()


class HsmKey:
    """A private key in a PKCS#11 token, with ``sign(data)``.

    Stands in for a ``cryptography`` private key where the issuer's keys are
    used: eddsa-jcs-2022 proofs call ``sign``; VC-JWTs read
    ``jws_algorithm``; the PAdES signers call :meth:`pades_signer`.
    """

    def __init__(self, *, token: str, label: str, kind: str, marker: Path):
        if kind not in KINDS:
            raise HsmError(f"{marker}: unknown key type {kind!r}")
        self.token, self.label, self.kind, self.marker = token, label, kind, marker

    def __repr__(self) -> str:
        return f"<HsmKey {self.kind} {self.token}/{self.label}>"

    @property
    def jws_algorithm(self) -> str:
        return {"ed25519": "EdDSA", "rsa": "RS256", "ec": "ES256"}[self.kind]

    def _handle(self):
        from pkcs11 import ObjectClass, exceptions

        try:
            return session(self.token).get_key(
                object_class=ObjectClass.PRIVATE_KEY, label=self.label
            )
        except exceptions.NoSuchKey as exc:
            raise IssuerKeysMissing(
                f"{self.marker}: no private key {self.label!r} in token {self.token!r}"
            ) from exc
        except exceptions.PKCS11Error as exc:
            session_forget(self.token)  # a token gone or reset: reopen next time
            raise HsmError(f"{self.marker}: {exc!r}") from exc

    def probe(self, timeout: float) -> None:
        """Find this key's private key object in its token, opening the
        process's session on it if none is open, within ``timeout`` seconds
        (a PKCS#11 call that hangs is left behind in its thread). Raises
        :class:`HsmProblem`, its ``problem`` saying what is wrong."""
        outcome: list[BaseException | None] = []

        def find():
            try:
                self._handle()
                outcome.append(None)
            except BaseException as exc:  # handed to the caller
                outcome.append(exc)

        thread = threading.Thread(target=find, name="hsm-probe", daemon=True)
        thread.start()
        thread.join(timeout)
        if not outcome:
            raise HsmProblem(self, f"no answer from the token within {timeout:g} s")
        exc = outcome[0]
        if exc is None:
            return
        raise HsmProblem(self, _problem(exc)) from exc

    def sign(self, data: bytes) -> bytes:
        """Ed25519 (64 bytes), RSA PKCS#1 v1.5 with SHA-256, or ECDSA P-256
        with SHA-256 (DER, as X.509 and CMS carry it)."""
        from pkcs11 import Mechanism, exceptions
        from pkcs11.util.ec import encode_ecdsa_signature

        mechanism = {
            "ed25519": Mechanism.EDDSA,
            "rsa": Mechanism.SHA256_RSA_PKCS,
            # SoftHSM2 (and many tokens) offer raw CKM_ECDSA only: the digest
            # is computed here, the token signs it.
            "ec": Mechanism.ECDSA,
        }[self.kind]
        if self.kind == "ec":
            data = hashlib.sha256(data).digest()
        with _lock:
            try:
                signature = self._handle().sign(data, mechanism=mechanism)
            except exceptions.PKCS11Error as exc:
                raise HsmError(f"the HSM refused to sign ({self!r}): {exc!r}") from exc
        return encode_ecdsa_signature(signature) if self.kind == "ec" else signature

    def pades_signer(self, signer_class, certificate, chain):
        """The pyHanko signer for this key: pyHanko's own ``PKCS11Signer``,
        or, for the batch signer (:class:`._cms_template.TemplateCmsSigner`),
        the template signer whose per-document signature the token makes."""
        from pyhanko.sign.pkcs11 import PKCS11Signer
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        from ._cms_template import TemplateCmsSigner

        if issubclass(signer_class, TemplateCmsSigner):
            signer = _template_signer_class()(
                signing_cert=certificate,
                signing_key=None,
                cert_registry=SimpleCertificateStore.from_certs([certificate, *chain]),
            )
            signer.private_key = self
            return signer
        return PKCS11Signer(
            session(self.token),
            key_label=self.label,
            signing_cert=certificate,
            ca_chain=list(chain),
            other_certs_to_pull=(),
            use_raw_mechanism=self.kind == "ec",
        )


class HsmProblem(HsmError):
    """A key of an issuer cannot be used: ``problem`` says why in a few
    words that name no file (they are shown by ``/health/``)."""

    def __init__(self, key: HsmKey, problem: str):
        super().__init__(f"{key!r}: {problem}")
        self.key, self.problem = key, problem


def _problem(exc: BaseException) -> str:
    from pkcs11 import exceptions

    from .keys import KeyPassphraseError

    cause = exc.__cause__
    if isinstance(exc, KeyPassphraseError):
        return "wrong PIN for the token"
    if isinstance(cause, exceptions.NoSuchToken):
        return "token not found"
    if isinstance(cause, exceptions.NoSuchKey):
        return "key not found in the token"
    if isinstance(exc, HsmError) and "LMS_PKCS11_MODULE" in str(exc):
        return "no PKCS#11 module configured"
    if isinstance(exc, HsmError) and "PIN" in str(exc):
        return "no PIN configured for the token"
    return "token unreachable"


@functools.cache
def _template_signer_class():
    """Built on first use: pyHanko is imported only where PDFs are signed."""
    from ._cms_template import TemplateCmsSigner

    class _HsmTemplateCmsSigner(TemplateCmsSigner):
        """The batch signer's template, filled per document; the token signs
        the signed attributes (and pyHanko's own path, for anything else)."""

        def _raw_signature(self, data: bytes) -> bytes | None:
            return self.private_key.sign(data)

        async def async_sign_raw(self, data, digest_algorithm, dry_run=False):
            if digest_algorithm.lower() != "sha256":
                raise HsmError(f"the HSM signer signs SHA-256, not {digest_algorithm}")
            return self.private_key.sign(data)

    return _HsmTemplateCmsSigner


def load_hsm_key(marker: Path) -> HsmKey:
    try:
        spec = json.loads(Path(marker).read_text())
        return HsmKey(
            token=spec["token"], label=spec["label"], kind=spec["type"], marker=marker
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KeyMaterialError(f"unreadable HSM key marker {marker}: {exc}") from exc


def generate_key(marker: Path, *, kind: str, label: str, token: str | None = None):
    """Generate a key pair in the token (private half sensitive and not
    extractable), write ``marker`` naming it, and return the public key
    (a ``cryptography`` public key)."""
    from asn1crypto.core import OctetString
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
    from pkcs11 import Attribute, KeyType, ObjectClass, exceptions
    from pkcs11.util.ec import encode_named_curve_parameters

    token = token or getattr(_settings(), "LMS_PKCS11_TOKEN", "")
    if not token:
        raise HsmError("LMS_PKCS11_TOKEN is not set: which token holds new keys?")
    opened = session(token)
    existing = list(
        opened.get_objects(
            {Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.LABEL: label}
        )
    )
    if existing:
        raise HsmError(f"token {token!r} already holds a key labelled {label!r}")
    private_template = {
        Attribute.SENSITIVE: True,
        Attribute.EXTRACTABLE: False,
        Attribute.TOKEN: True,
        Attribute.PRIVATE: True,
    }
    key_id = os.urandom(16)
    with _lock:
        try:
            if kind == "rsa":
                public, _private = opened.generate_keypair(
                    KeyType.RSA,
                    2048,
                    id=key_id,
                    label=label,
                    store=True,
                    private_template=private_template,
                )
            else:
                oid = ED25519_OID if kind == "ed25519" else P256_OID
                key_type = KeyType.EC_EDWARDS if kind == "ed25519" else KeyType.EC
                parameters = opened.create_domain_parameters(
                    key_type,
                    {Attribute.EC_PARAMS: encode_named_curve_parameters(oid)},
                    local=True,
                )
                public, _private = parameters.generate_keypair(
                    id=key_id,
                    label=label,
                    store=True,
                    private_template=private_template,
                )
        except exceptions.PKCS11Error as exc:
            raise HsmError(f"the HSM cannot generate a {kind} key: {exc!r}") from exc
    if kind == "rsa":
        public_key = rsa.RSAPublicNumbers(
            int.from_bytes(public[Attribute.PUBLIC_EXPONENT], "big"),
            int.from_bytes(public[Attribute.MODULUS], "big"),
        ).public_key()
    else:
        point = OctetString.load(public[Attribute.EC_POINT]).native
        if kind == "ed25519":
            public_key = ed25519.Ed25519PublicKey.from_public_bytes(point)
        else:
            public_key = ec.EllipticCurvePublicKey.from_encoded_point(
                ec.SECP256R1(), point
            )
    tmp = Path(marker).with_suffix(".tmp")
    tmp.write_text(json.dumps({"token": token, "label": label, "type": kind}) + "\n")
    os.chmod(tmp, 0o600)
    os.replace(tmp, marker)
    return public_key


def sign_certificate(certificate, public_key, key: HsmKey):
    """``certificate`` (built and signed by ``cryptography`` with a throwaway
    key) re-issued for ``public_key`` and signed by ``key`` in the token:
    same names, validity and extensions, the subject key identifier of
    ``public_key``; ECDSA with SHA-256."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    if key.kind != "ec":
        raise HsmError("the PDF signing certificate is signed with an EC key")
    spki = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    loaded = asn1_x509.Certificate.load(
        certificate.public_bytes(serialization.Encoding.DER)
    )
    tbs = loaded["tbs_certificate"]
    tbs["subject_public_key_info"] = asn1_keys.PublicKeyInfo.load(spki)
    ski = x509.SubjectKeyIdentifier.from_public_key(public_key).digest
    for extension in tbs["extensions"]:
        if extension["extn_id"].native == "key_identifier":
            extension["extn_value"] = ski
    signed = asn1_x509.Certificate(
        {
            "tbs_certificate": tbs,
            "signature_algorithm": loaded["signature_algorithm"],
            "signature_value": key.sign(tbs.dump(force=True)),
        }
    )
    return x509.load_der_x509_certificate(signed.dump(force=True))
