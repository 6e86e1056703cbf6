"""Proof of possession (OID4VCI 1.0, appendix F.1 "jwt Key Proof Type"):
verify a wallet's ``openid4vci-proof+jwt`` and name its key as a DID.

The key comes from the header: a ``jwk`` (the holder becomes
``did:jwk:<base64url of the public JWK>``) or a ``kid`` that is a ``did:key``
or ``did:jwk`` DID URL (the holder is that DID). Ed25519 (``EdDSA``) and P-256
(``ES256``) keys are accepted.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import jwt
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from certification.credentials.multibase import (
    MultibaseError,
    base58btc_multibase_decode,
    base64url_decode,
    base64url_encode,
)

PROOF_TYP = "openid4vci-proof+jwt"
ALGORITHMS = {"EdDSA": ed25519.Ed25519PublicKey, "ES256": ec.EllipticCurvePublicKey}
BINDING_METHODS = ["did:jwk", "did:key"]
# Multicodec prefixes (unsigned varints) of did:key public keys.
ED25519_PUB = b"\xed\x01"
P256_PUB = b"\x80\x24"
# How far a proof's ``iat`` may be from the issuer's clock.
IAT_LEEWAY = dt.timedelta(minutes=5)


class ProofError(ValueError):
    """The proof is not acceptable; ``error`` is the OID4VCI error code."""

    def __init__(self, description: str, error: str = "invalid_proof"):
        super().__init__(description)
        self.error = error


@dataclass(frozen=True)
class Proof:
    holder_did: str
    nonce: str


def _public_jwk(jwk: dict) -> dict:
    if not isinstance(jwk, dict) or "d" in jwk:
        raise ProofError("the jwk header must be a public JSON Web Key")
    members = {"OKP": ("crv", "kty", "x"), "EC": ("crv", "kty", "x", "y")}.get(
        jwk.get("kty")
    )
    if members is None or any(not isinstance(jwk.get(m), str) for m in members):
        raise ProofError("the jwk must be an OKP (Ed25519) or EC (P-256) key")
    return {member: jwk[member] for member in members}


def _key_from_jwk(jwk: dict):
    try:
        return jwt.PyJWK(jwk).key
    except (jwt.PyJWKError, ValueError, TypeError) as exc:
        raise ProofError(f"unusable jwk: {exc}") from exc


def did_jwk(jwk: dict) -> str:
    """``did:jwk`` of a public JWK (its public members only)."""
    data = json.dumps(_public_jwk(jwk), separators=(",", ":"), sort_keys=True)
    return "did:jwk:" + base64url_encode(data.encode("utf-8"))


def _key_from_did_key(identifier: str):
    try:
        data = base58btc_multibase_decode(identifier)
    except (MultibaseError, ValueError) as exc:
        raise ProofError(f"did:key is not base58btc multibase: {exc}") from exc
    if data.startswith(ED25519_PUB) and len(data) == 34:
        return ed25519.Ed25519PublicKey.from_public_bytes(data[2:])
    if data.startswith(P256_PUB) and len(data) == 35:
        try:
            return ec.EllipticCurvePublicKey.from_encoded_point(
                ec.SECP256R1(), data[2:]
            )
        except ValueError as exc:
            raise ProofError(f"did:key is not a P-256 point: {exc}") from exc
    raise ProofError("did:key must be an Ed25519 or a P-256 key")


def holder_key(header: dict):
    """``(holder DID, public key)`` named by a proof's header."""
    jwk, kid = header.get("jwk"), header.get("kid")
    if (jwk is None) == (kid is None):
        raise ProofError("the proof header must carry exactly one of jwk and kid")
    if jwk is not None:
        public = _public_jwk(jwk)
        return did_jwk(public), _key_from_jwk(public)
    if not isinstance(kid, str):
        raise ProofError("kid must be a DID URL")
    did = kid.split("#", 1)[0]
    if did.startswith("did:key:"):
        return did, _key_from_did_key(did[len("did:key:") :])
    if did.startswith("did:jwk:"):
        try:
            document = json.loads(base64url_decode(did[len("did:jwk:") :]))
        except (MultibaseError, ValueError) as exc:
            raise ProofError("did:jwk does not hold a JSON Web Key") from exc
        return did, _key_from_jwk(_public_jwk(document))
    raise ProofError("kid must be a did:key or did:jwk DID URL")


def _check_key_fits(algorithm: str, key) -> None:
    if not isinstance(key, ALGORITHMS[algorithm]):
        raise ProofError(f"the key is not a {algorithm} key")
    if algorithm == "ES256" and not isinstance(key.curve, ec.SECP256R1):
        raise ProofError("ES256 needs a P-256 key")


def proof_verify(token, *, audience: str, now: dt.datetime) -> Proof:
    """Verify a ``jwt`` key proof against ``audience`` (the credential
    issuer identifier); return the holder's DID and the proof's nonce.
    Whether the nonce is current is the caller's business."""
    if not isinstance(token, str):
        raise ProofError("a jwt proof is a compact JWS string")
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as exc:
        raise ProofError(f"the proof is not a compact JWS: {exc}") from exc
    if header.get("typ") != PROOF_TYP:
        raise ProofError(f"the proof typ must be {PROOF_TYP}")
    algorithm = header.get("alg")
    if algorithm not in ALGORITHMS:
        raise ProofError(f"unsupported proof alg {algorithm!r}")
    did, key = holder_key(header)
    _check_key_fits(algorithm, key)
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=[algorithm],
            audience=audience,
            options={"require": ["aud", "iat"], "verify_iat": False},
        )
    except jwt.InvalidAudienceError as exc:
        raise ProofError("the proof aud is not this credential issuer") from exc
    except jwt.InvalidSignatureError as exc:
        raise ProofError("the proof signature does not match its key") from exc
    except jwt.PyJWTError as exc:
        raise ProofError(f"invalid proof: {exc}") from exc
    issued = claims.get("iat")
    if (
        not isinstance(issued, int | float)
        or abs(dt.datetime.fromtimestamp(issued, dt.UTC) - now) > IAT_LEEWAY
    ):
        raise ProofError("the proof iat is not current")
    nonce = claims.get("nonce")
    if not isinstance(nonce, str) or not nonce:
        raise ProofError("the proof has no nonce", "invalid_nonce")
    return Proof(holder_did=did, nonce=nonce)
