"""VC-JWT: a credential as a JSON Web Token, per Open Badges 3.0 section
"JSON Web Token Proof Format" (as aligned with VC Data Model 2.0).

The protected header carries ``alg`` (RS256, which every OB 3.0 verifier
supports, or EdDSA), ``kid`` (a DID URL that dereferences to a JWK in the
issuer's DID document, also published as a JWK Set) and ``typ`` ``JWT``; no
other header. The JWT payload is the JSON object of the credential itself
(with its embedded eddsa-jcs-2022 ``proof``: OB 3.0 asks that embedded proofs
be added before the payload is made) plus the registered claims derived from
it:

- ``iss`` = ``issuer.id``; ``jti`` = ``id``; ``nbf`` = ``validFrom``;
- ``sub`` = ``credentialSubject.id`` (when the holder has a DID);
- ``exp`` = ``validUntil`` (when the credential expires).

There is no ``vc`` claim: that wrapper is VC Data Model 1.1's form, which OB
3.0 verifiers still read (its note on ``vc``), so tokens issued earlier in
that form (``vc`` claim, no proof) keep verifying with :func:`verify_jwt`, as
do the VC-JOSE-COSE ones issued before them (``typ`` ``vc+jwt``, the credential
as the payload without registered claims, EdDSA).
"""

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey

TYP = "JWT"
LEGACY_TYP = "vc+jwt"
ALGORITHMS = {"RS256": RSAPublicKey, "EdDSA": Ed25519PublicKey}


@dataclass(frozen=True)
class JwtResult:
    verified: bool
    reason: str = ""
    kid: str | None = None
    credential: dict | None = field(default=None, repr=False)

    def __bool__(self) -> bool:
        return self.verified


def _epoch(value) -> int | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return int(moment.timestamp())


REGISTERED = ("iss", "jti", "sub", "nbf", "exp")


def jwt_claims(credential: Mapping) -> dict:
    """The JWT payload of ``credential`` (OB 3.0, JSON Web Token Proof
    Format): the credential's members and the registered claims mapped from
    them."""
    vc = dict(credential)
    issuer = vc.get("issuer")
    claims = {"iss": issuer.get("id") if isinstance(issuer, Mapping) else issuer}
    if vc.get("id"):
        claims["jti"] = vc["id"]
    subject = vc.get("credentialSubject")
    if isinstance(subject, Mapping) and subject.get("id"):
        claims["sub"] = subject["id"]
    nbf = _epoch(vc.get("validFrom"))
    if nbf is not None:
        claims["nbf"] = nbf
    exp = _epoch(vc.get("validUntil"))
    if exp is not None:
        claims["exp"] = exp
    clash = set(claims) & set(vc)
    if clash:
        raise ValueError(f"the credential has members named like JWT claims: {clash}")
    return {**vc, **claims}


def credential_from_payload(claims: dict) -> dict | None:
    """The credential a VC-JWT payload carries: the payload without its
    registered claims, or the ``vc`` claim of tokens issued in VC Data Model
    1.1's form."""
    if isinstance(claims.get("vc"), dict) and "@context" not in claims:
        return claims["vc"]
    return {k: v for k, v in claims.items() if k not in REGISTERED}


def credential_to_jwt(credential: Mapping, *, private_key, kid: str) -> str:
    """Encode the credential as a compact JWS: RS256 for an RSA key, EdDSA for
    an Ed25519 one; ``kid`` is the verification method of the key's JWK."""
    if getattr(private_key, "jws_algorithm", None) in ALGORITHMS:
        # A key in an HSM (keys.py, hsm.py): it signs the JWS input itself.
        return _jws_external(jwt_claims(credential), private_key, kid)
    if isinstance(private_key, RSAPrivateKey):
        algorithm = "RS256"
    elif isinstance(private_key, Ed25519PrivateKey):
        algorithm = "EdDSA"
    else:
        raise TypeError("a VC-JWT is signed with an RSA or an Ed25519 key")
    return jwt.encode(
        jwt_claims(credential),
        private_key,
        algorithm=algorithm,
        headers={"typ": TYP, "kid": kid},
        json_encoder=json.JSONEncoder,
    )


def _jws_external(claims: dict, private_key, kid: str) -> str:
    """The compact JWS (RFC 7515) of ``claims`` signed by ``private_key.sign``,
    the same serialisation PyJWT writes."""
    from jwt.utils import base64url_encode

    header = {"alg": private_key.jws_algorithm, "kid": kid, "typ": TYP}

    def part(value: dict) -> bytes:
        return base64url_encode(
            json.dumps(value, separators=(",", ":"), sort_keys=True).encode()
        )

    signing_input = part(header) + b"." + part(claims)
    signature = base64url_encode(private_key.sign(signing_input))
    return (signing_input + b"." + signature).decode()


def verify_jwt(token: str, public_keys) -> JwtResult:
    """Verify a VC-JWT; ``public_keys`` is a key, a kid->key mapping or callable.

    Checks the signature with the key ``kid`` names (its type must fit
    ``alg``), that the key belongs to the issuer, and that the registered
    claims agree with the credential in ``vc``. Expiry is not a signature
    matter: the caller reads ``validUntil`` of the returned credential.
    """
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as exc:
        return JwtResult(False, f"not a compact JWS: {exc}")
    algorithm = header.get("alg")
    if algorithm not in ALGORITHMS:
        return JwtResult(False, f"unsupported alg {algorithm!r}")
    typ = header.get("typ")
    if typ not in (None, TYP, LEGACY_TYP):
        return JwtResult(False, f"typ is {typ!r}, expected {TYP!r}")
    kid = header.get("kid")
    key = _resolve(public_keys, kid)
    if key is None:
        return JwtResult(False, f"unknown key id {kid!r}", kid)
    if not isinstance(key, ALGORITHMS[algorithm]):
        return JwtResult(False, f"the key {kid!r} is not a {algorithm} key", kid)
    try:
        payload = jwt.api_jws.decode(token, key, algorithms=[algorithm])
    except jwt.InvalidSignatureError:
        return JwtResult(False, "the signature does not match the payload", kid)
    except jwt.PyJWTError as exc:
        return JwtResult(False, f"invalid JWS: {exc}", kid)
    try:
        claims = json.loads(payload)
    except ValueError:
        return JwtResult(False, "the payload is not JSON", kid)
    if not isinstance(claims, dict):
        return JwtResult(False, "the payload is not a JSON object", kid)
    # VC-JOSE-COSE tokens issued before carry the bare credential as payload.
    credential = claims if typ == LEGACY_TYP else credential_from_payload(claims)
    if not isinstance(credential, dict) or "VerifiableCredential" not in (
        credential.get("type") or []
    ):
        return JwtResult(False, "the payload is not a verifiable credential", kid)
    if typ != LEGACY_TYP:
        expected = jwt_claims(credential)
        for name in REGISTERED:
            if claims.get(name) != expected.get(name):
                return JwtResult(
                    False, f"the {name} claim does not match the credential", kid
                )
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    did = kid.split("#", 1)[0] if isinstance(kid, str) else ""
    if did.startswith("did:") and issuer_id and did != issuer_id:
        return JwtResult(False, "the key does not belong to the issuer", kid)
    return JwtResult(True, "", kid, credential)


def _resolve(public_keys, kid):
    if isinstance(public_keys, Ed25519PublicKey | RSAPublicKey):
        return public_keys
    if isinstance(public_keys, Mapping):
        return public_keys.get(kid)
    if callable(public_keys):
        return public_keys(kid)
    raise TypeError("public keys must be a key, a mapping or a callable")


def issuer_jwt_signer(issuer_code: str):
    """``(private key, kid)`` for the issuer's VC-JWTs: the RSA key (RS256)
    when the key directory has one, else the current Ed25519 key (EdDSA)."""
    import logging

    from . import keys

    rsa_key = keys.load_rsa_signing_key(issuer_code)
    if rsa_key is not None:
        return rsa_key, keys.rsa_verification_method_id(issuer_code)
    logging.getLogger(__name__).warning(
        "issuer %s has no RSA key: VC-JWTs are signed with EdDSA "
        "(run manage.py issuer_keys --issuer %s to add the RS256 key)",
        issuer_code,
        issuer_code,
    )
    return keys.load_signing_key(issuer_code), keys.jwk_verification_method_id(
        issuer_code
    )
