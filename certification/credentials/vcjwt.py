"""VC-JWT: a credential secured with JOSE, per "Securing Verifiable Credentials
using JOSE and COSE" (W3C VC-JOSE-COSE), section 3.1.

The JWS payload is the unsecured credential itself (any embedded ``proof`` is
removed); the protected header carries ``alg`` EdDSA, ``typ`` ``vc+jwt``,
``cty`` ``vc`` and ``kid`` the verification method (DID URL). The compact
serialisation is the media type ``application/vc+jwt``.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

MEDIA_TYPE = "application/vc+jwt"
TYP = "vc+jwt"


@dataclass(frozen=True)
class JwtResult:
    verified: bool
    reason: str = ""
    kid: str | None = None
    credential: dict | None = field(default=None, repr=False)

    def __bool__(self) -> bool:
        return self.verified


def credential_to_jwt(
    credential: Mapping, *, private_key: Ed25519PrivateKey, kid: str
) -> str:
    """Encode the credential as a compact JWS (``application/vc+jwt``)."""
    payload = {k: v for k, v in credential.items() if k != "proof"}
    headers = {"typ": TYP, "cty": "vc", "kid": kid}
    return jwt.encode(
        payload,
        private_key,
        algorithm="EdDSA",
        headers=headers,
        json_encoder=json.JSONEncoder,
    )


def verify_jwt(token: str, public_keys) -> JwtResult:
    """Verify a VC-JWT; ``public_keys`` is a key, a kid->key mapping or callable."""
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as exc:
        return JwtResult(False, f"not a compact JWS: {exc}")
    if header.get("alg") != "EdDSA":
        return JwtResult(False, f"unsupported alg {header.get('alg')!r}")
    if header.get("typ") != TYP:
        return JwtResult(False, f"typ is {header.get('typ')!r}, expected {TYP!r}")
    kid = header.get("kid")
    key = _resolve(public_keys, kid)
    if key is None:
        return JwtResult(False, f"unknown key id {kid!r}", kid)
    try:
        payload = jwt.api_jws.decode(token, key, algorithms=["EdDSA"])
    except jwt.InvalidSignatureError:
        return JwtResult(False, "the signature does not match the payload", kid)
    except jwt.PyJWTError as exc:
        return JwtResult(False, f"invalid JWS: {exc}", kid)
    try:
        credential = json.loads(payload)
    except ValueError:
        return JwtResult(False, "the payload is not JSON", kid)
    if not isinstance(credential, dict) or "VerifiableCredential" not in (
        credential.get("type") or []
    ):
        return JwtResult(False, "the payload is not a verifiable credential", kid)
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    did = kid.split("#", 1)[0] if isinstance(kid, str) else ""
    if did.startswith("did:") and issuer_id and did != issuer_id:
        return JwtResult(False, "the key does not belong to the issuer", kid)
    return JwtResult(True, "", kid, credential)


def _resolve(public_keys, kid):
    if isinstance(public_keys, Ed25519PublicKey):
        return public_keys
    if isinstance(public_keys, Mapping):
        return public_keys.get(kid)
    if callable(public_keys):
        return public_keys(kid)
    raise TypeError("public keys must be a key, a mapping or a callable")
