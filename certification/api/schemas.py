"""Response bodies of the verification API (they make its OpenAPI description)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema


class Ping(Schema):
    ok: bool


class Problem(Schema):
    """RFC 9457 problem details: every error answer of this API
    (``application/problem+json``)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str


class Error(Problem):
    pass


class Invalid(Problem):
    """422: the request does not match this description (one entry of
    ``errors`` per invalid field)."""

    errors: list[dict[str, Any]]


class NotFound(Problem):
    pass


class RateLimited(Problem):
    """429: ``retry_after`` seconds (also in the Retry-After header)."""

    retry_after: int


class Standard(Schema):
    code: str
    version: str
    title: str
    url: str


class IssuerRef(Schema):
    name: str
    country: str
    url: str


class Unit(Schema):
    code: str
    title: str


class CredentialStatusOut(Schema):
    public_id: str
    status: str
    valid: bool
    reason: str
    holder_name: str
    occupation: str
    standard: Standard
    issuer: IssuerRef
    issued_at: dt.datetime | None
    valid_until: dt.datetime | None
    units: list[Unit] | None
    national_level: str | None
    regional_level: str | None
    regional_level_provisional: bool | None
    assessors: list[str] | None
    verify_url: str


class Check(Schema):
    name: str
    passed: bool
    reason: str


class EmbeddedVerificationOut(Schema):
    """One credential embedded in a learner record (CLR 2.0)."""

    id: str | None
    name: str | None
    verdict: str
    valid: bool
    public_id: str | None
    checks: list[Check]


class VerificationOut(Schema):
    verdict: str
    valid: bool
    public_id: str | None
    checks: list[Check]
    #: Only for a learner record (ClrCredential): each embedded credential's
    #: own verdict; the record's verdict is valid only when all of them are.
    credentials: list[EmbeddedVerificationOut] | None = None


class PublicKey(Schema):
    id: str
    type: str
    publicKeyMultibase: str | None = None  # noqa: N815 - the DID document's name
    publicKeyJwk: dict | None = None  # noqa: N815 - JsonWebKey methods


class IssuerOut(Schema):
    id: str
    type: list[str]
    code: str
    name: str
    country: str
    url: str
    did: str | None
    did_document_url: str
    public_keys: list[PublicKey]
    jwks_url: str
    signing_certificate_pem: str | None
    signing_certificates_pem: str | None = None
    status_lists: dict[str, str]
