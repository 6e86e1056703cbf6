"""Data Integrity proofs with the ``eddsa-jcs-2022`` cryptosuite.

Implements "Data Integrity EdDSA Cryptosuites v1.0", section 3.3
(eddsa-jcs-2022): Create Proof, Verify Proof, Transformation, Hashing, Proof
Configuration, Proof Serialization and Proof Verification.

    hashData = SHA-256(JCS(proofConfig)) || SHA-256(JCS(unsecuredDocument))
    proofValue = "z" + base58btc(Ed25519.sign(privateKey, hashData))

``proofConfig`` is the proof options without ``proofValue``, with ``@context``
set to the unsecured document's ``@context``.
"""

import copy
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from .jcs import CanonicalizationError, canonicalize
from .multibase import MultibaseError, base58btc_multibase_decode
from .multibase import base58btc_multibase_encode as _z

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-jcs-2022"

# XML Schema dateTimeStamp: a dateTime with a mandatory time zone.
_DATETIME_STAMP = re.compile(
    r"^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
    r"T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$"
)

PublicKeyResolver = Callable[[str], Ed25519PublicKey | None]


class ProofError(ValueError):
    """A proof cannot be created or its configuration is invalid.

    ``code`` is the Data Integrity error name (PROOF_TRANSFORMATION_ERROR,
    INVALID_PROOF_CONFIGURATION, INVALID_PROOF_DATETIME...).
    """

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code


@dataclass(frozen=True)
class ProofResult:
    """The outcome of verifying a secured document's proof(s).

    ``verified`` is True only when every proof verifies; ``reason`` says why
    not, in one line; ``document`` is the unsecured document when verified.
    """

    verified: bool
    reason: str = ""
    verification_methods: tuple[str, ...] = ()
    document: dict | None = field(default=None, repr=False)

    def __bool__(self) -> bool:
        return self.verified


def utc_timestamp(moment: dt.datetime | None = None) -> str:
    """An XML Schema dateTimeStamp in UTC, to the second (``...Z``)."""
    moment = moment or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
    return (
        moment.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    )


def is_datetime_stamp(value) -> bool:
    return isinstance(value, str) and bool(_DATETIME_STAMP.match(value))


# --- the algorithms of the cryptosuite --------------------------------------


def transform(unsecured_document: dict, options: Mapping) -> bytes:
    """Transformation (eddsa-jcs-2022): the JCS canonical form of the document."""
    if options.get("type") != PROOF_TYPE or options.get("cryptosuite") != CRYPTOSUITE:
        raise ProofError(
            "PROOF_TRANSFORMATION_ERROR",
            f"options must be type {PROOF_TYPE} with cryptosuite {CRYPTOSUITE}",
        )
    try:
        return canonicalize(unsecured_document)
    except CanonicalizationError as exc:
        raise ProofError("PROOF_TRANSFORMATION_ERROR", str(exc)) from exc


def proof_configuration(options: Mapping, unsecured_document: Mapping) -> bytes:
    """Proof Configuration (eddsa-jcs-2022): the canonical proof options."""
    proof_config = copy.deepcopy(dict(options))
    if (
        proof_config.get("type") != PROOF_TYPE
        or proof_config.get("cryptosuite") != CRYPTOSUITE
    ):
        raise ProofError(
            "INVALID_PROOF_CONFIGURATION",
            f"type must be {PROOF_TYPE} and cryptosuite {CRYPTOSUITE}",
        )
    if "created" in proof_config and not is_datetime_stamp(proof_config["created"]):
        raise ProofError(
            "INVALID_PROOF_DATETIME", f"created is not a dateTimeStamp: {proof_config}"
        )
    if "@context" in unsecured_document:
        proof_config["@context"] = copy.deepcopy(unsecured_document["@context"])
    try:
        return canonicalize(proof_config)
    except CanonicalizationError as exc:
        raise ProofError("INVALID_PROOF_CONFIGURATION", str(exc)) from exc


def hash_data(transformed_document: bytes, canonical_proof_config: bytes) -> bytes:
    """Hashing (eddsa-jcs-2022): proofConfigHash followed by documentHash."""
    return (
        hashlib.sha256(canonical_proof_config).digest()
        + hashlib.sha256(transformed_document).digest()
    )


# --- create and verify -------------------------------------------------------


def proof_options(
    *,
    verification_method: str,
    created: str | None = None,
    proof_purpose: str = "assertionMethod",
    **extra,
) -> dict:
    """The proof options of a new proof (``created`` defaults to now, UTC)."""
    options = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": created or utc_timestamp(),
        "verificationMethod": verification_method,
        "proofPurpose": proof_purpose,
    }
    options.update(extra)
    return options


def create_proof(
    unsecured_document: dict, options: Mapping, private_key: Ed25519PrivateKey
) -> dict:
    """Create Proof (eddsa-jcs-2022): return the proof object (with proofValue)."""
    if "proof" in unsecured_document:
        raise ProofError(
            "PROOF_GENERATION_ERROR", "the document already carries a proof"
        )
    proof = copy.deepcopy(dict(options))
    proof.pop("proofValue", None)
    canonical_config = proof_configuration(proof, unsecured_document)
    transformed = transform(unsecured_document, proof)
    signature = private_key.sign(hash_data(transformed, canonical_config))
    if "@context" in unsecured_document:
        # The proof carries the context it was configured with, so a verifier
        # can check the document's context starts with it (Verify Proof 4.1).
        proof["@context"] = copy.deepcopy(unsecured_document["@context"])
    proof["proofValue"] = _z(signature)
    return proof


def sign_document(
    unsecured_document: dict,
    *,
    private_key: Ed25519PrivateKey,
    verification_method: str,
    created: str | None = None,
    proof_purpose: str = "assertionMethod",
) -> dict:
    """Add Proof: a deep copy of the document with an eddsa-jcs-2022 ``proof``.

    ``proof`` is a one-element array, as the Open Badges 3.0 JSON Schema
    requires (Data Integrity allows an object or an array; verifiers here read
    both, so documents secured earlier with a proof object still verify).
    """
    options = proof_options(
        verification_method=verification_method,
        created=created,
        proof_purpose=proof_purpose,
    )
    secured = copy.deepcopy(unsecured_document)
    secured["proof"] = [create_proof(unsecured_document, options, private_key)]
    return secured


def _resolver(keys) -> PublicKeyResolver:
    if callable(keys):
        return keys
    if isinstance(keys, Ed25519PublicKey):
        return lambda _method: keys
    if isinstance(keys, Mapping):
        return keys.get
    raise TypeError("public keys must be a key, a mapping or a callable")


def verify_proof(
    secured_document: Mapping,
    proof: Mapping,
    public_key: Ed25519PublicKey,
    *,
    expected_purpose: str | None = "assertionMethod",
) -> ProofResult:
    """Verify Proof (eddsa-jcs-2022) for one proof of ``secured_document``."""
    if not isinstance(proof, Mapping):
        return ProofResult(False, "the proof is not an object")
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        return ProofResult(
            False,
            f"unsupported proof: type {proof.get('type')!r}, "
            f"cryptosuite {proof.get('cryptosuite')!r}",
        )
    if expected_purpose and proof.get("proofPurpose") != expected_purpose:
        return ProofResult(
            False,
            f"proofPurpose is {proof.get('proofPurpose')!r}, "
            f"expected {expected_purpose!r}",
        )
    unsecured = {
        k: copy.deepcopy(v) for k, v in secured_document.items() if k != "proof"
    }
    options = {k: copy.deepcopy(v) for k, v in proof.items() if k != "proofValue"}
    try:
        proof_bytes = base58btc_multibase_decode(proof.get("proofValue"))
    except MultibaseError as exc:
        return ProofResult(False, f"proofValue is not base58btc multibase: {exc}")
    if len(proof_bytes) != 64:
        return ProofResult(False, "proofValue is not a 64-byte Ed25519 signature")
    if "@context" in options:
        document_context = _as_list(secured_document.get("@context"))
        proof_context = _as_list(options["@context"])
        if document_context[: len(proof_context)] != proof_context:
            return ProofResult(
                False, "the document @context does not start with the proof @context"
            )
        unsecured["@context"] = copy.deepcopy(options["@context"])
    try:
        transformed = transform(unsecured, options)
        canonical_config = proof_configuration(options, unsecured)
    except ProofError as exc:
        return ProofResult(False, str(exc))
    try:
        public_key.verify(proof_bytes, hash_data(transformed, canonical_config))
    except InvalidSignature:
        return ProofResult(
            False, "the signature does not match the document (altered or wrong key)"
        )
    return ProofResult(True, "", (options.get("verificationMethod", ""),), unsecured)


def _as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def verify_document(
    secured_document: Mapping,
    public_keys,
    *,
    expected_purpose: str | None = "assertionMethod",
) -> ProofResult:
    """Verify every proof of a secured document.

    ``public_keys`` is an Ed25519 public key, a mapping of verification method
    id to key, or a callable ``method_id -> key | None``. A proof whose
    verification method cannot be resolved fails verification.
    """
    if not isinstance(secured_document, Mapping):
        return ProofResult(False, "the document is not a JSON object")
    proofs = secured_document.get("proof")
    if proofs is None:
        return ProofResult(False, "the document has no proof")
    proofs = proofs if isinstance(proofs, list) else [proofs]
    if not proofs:
        return ProofResult(False, "the document has no proof")
    resolve = _resolver(public_keys)
    methods = []
    document = None
    for proof in proofs:
        method = proof.get("verificationMethod") if isinstance(proof, Mapping) else None
        key = resolve(method) if isinstance(method, str) else None
        if key is None:
            return ProofResult(False, f"unknown verification method {method!r}")
        result = verify_proof(
            secured_document, proof, key, expected_purpose=expected_purpose
        )
        if not result.verified:
            return result
        methods.append(method)
        document = result.document
    return ProofResult(True, "", tuple(methods), document)
