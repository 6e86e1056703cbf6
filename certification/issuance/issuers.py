"""Issuer profiles as the API and the did:web endpoint publish them."""

from __future__ import annotations

import json

from django.conf import settings
from django.urls import Resolver404, resolve, reverse

from certification.credentials import keys
from certification.credentials.didweb import DidWebError, did_web_resolve
from certification.models import Issuer, StatusPurpose

from .links import public_base_url, status_list_url
from .statuslists import issuer_key_code


def issuer_did_document(code: str) -> dict | None:
    """The issuer's did:web document, or None when it has no keys."""
    try:
        return keys.did_document(code)
    except (keys.KeyMaterialError, ValueError):
        return None


def site_fetch(url: str) -> bytes:
    """The issuer DID document this site serves at ``url`` (a did:web
    address on the public host), read without a round trip over the network."""
    base = public_base_url()
    if not url.startswith(base + "/"):
        raise DidWebError(f"{url} is not on this site ({base})")
    try:
        match = resolve(url[len(base) :])
    except Resolver404 as exc:
        raise DidWebError(f"nothing is published at {url}") from exc
    code = match.kwargs.get("code")
    document = None
    if match.url_name == "issuer_did" and issuer_by_code(code):
        document = issuer_did_document(code)
    if document is None:
        raise DidWebError(f"no DID document at {url}")
    return json.dumps(document).encode("utf-8")


def issuer_did_resolve(code: str) -> dict:
    """The issuer's DID document as did:web resolution finds it at the
    public address (the same resolver as ``lms-verify --key did:web:…``)."""
    return did_web_resolve(
        keys.issuer_did(code), fetch=site_fetch, public_url=settings.LMS_PUBLIC_URL
    )


def signing_certificate_pem(code: str) -> str | None:
    """The public PDF signing certificate (for ``lms-verify --cert``)."""
    try:
        path = keys.key_directory(code) / keys.SIGNING_CERT_FILE
        return path.read_text() if path.is_file() else None
    except (OSError, ValueError):
        return None


def signing_certificates_pem(code: str) -> str | None:
    """Every certificate a PDF of this issuer may be signed with, as one PEM
    bundle: the current one, its chain and those retired by key rotations
    (``lms-verify --cert`` trusts each)."""
    from cryptography.hazmat.primitives.serialization import Encoding

    try:
        certificates = keys.signing_certificates(code)
    except (keys.KeyMaterialError, ValueError):
        return None
    return "".join(c.public_bytes(Encoding.PEM).decode() for c in certificates)


def issuers_public() -> list[tuple[str, Issuer]]:
    issuers = Issuer.objects.select_related("credential_profile").order_by("pk")
    return [(issuer_key_code(issuer).lower(), issuer) for issuer in issuers]


def issuer_by_code(code: str) -> Issuer | None:
    for key_code, issuer in issuers_public():
        if key_code == str(code).lower():
            return issuer
    return None


def issuer_profile(issuer: Issuer) -> dict:
    code = issuer_key_code(issuer)
    document = issuer_did_document(code)
    methods = (document or {}).get("verificationMethod", [])
    return {
        # An Open Badges 3.0 Profile (its schema's ``id`` and ``type``), the
        # same issuer the credentials embed.
        "id": keys.issuer_did(code),
        "type": ["Profile"],
        "code": code.lower(),
        "name": issuer.name,
        "country": issuer.country_id,
        "url": issuer.website,
        "did": document["id"] if document else None,
        "did_document_url": public_base_url()
        + reverse("issuer_did", args=[code.lower()]),
        "public_keys": [
            {
                key: m[key]
                for key in ("id", "type", "publicKeyMultibase", "publicKeyJwk")
                if key in m
            }
            for m in methods
        ],
        "jwks_url": public_base_url() + reverse("issuer_jwks", args=[code.lower()]),
        "signing_certificate_pem": signing_certificate_pem(code),
        "signing_certificates_pem": signing_certificates_pem(code),
        "status_lists": {
            purpose: status_list_url(code, purpose) for purpose in StatusPurpose.values
        },
    }
