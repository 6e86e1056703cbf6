"""Reads for verification: public ids, the record's verdict, what may be shown."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from certification.models import Credential, CredentialStatus, VerificationLog

from .verdicts import Verdict

SNAPSHOT_SECONDS = 300
PUBLIC_ID = re.compile(r"^[0-9a-f]{32}$")
# A pasted verify link (or anything ending in a public id) is accepted too.
_IN_LINK = re.compile(r"/verify/([0-9a-fA-F]{32})/?(?:[?#].*)?$")


def public_id_normalise(raw) -> str | None:
    """The 32 lower-case hex characters of a public id, or None if malformed.

    Accepts surrounding spaces, upper case, dashes or spaces inside (read from
    paper) and a whole verify link.
    """
    if not isinstance(raw, str) or len(raw) > 300:
        return None
    text = raw.strip()
    match = _IN_LINK.search(text)
    if match:
        text = match.group(1)
    text = re.sub(r"[\s-]", "", text).lower()
    return text if PUBLIC_ID.match(text) else None


# What the verify page and the status API read: the record's snapshot and the
# issuer, nothing of the program or standard rows (the hot path stays one
# narrow query).
LOOKUP_FIELDS = (
    "public_id",
    "holder_id",
    "holder_name",
    "program_title",
    "program_title_en",
    "standard_code",
    "standard_version",
    "standard_title",
    "standard_title_en",
    "standard_url",
    "units",
    "national_level",
    "regional_level",
    "regional_level_provisional",
    "assessors",
    "issued_at",
    "valid_until",
    "status",
    "status_reason",
    "public",
    "disclose_units",
    "disclose_levels",
    "disclose_assessors",
    "issuer__name",
    "issuer__country",
    "issuer__website",
)


def credential_lookup(public_id) -> Credential | None:
    """The credential a public lookup may see: None when the id is malformed,
    unknown, pending or made private by its holder (all answered alike).

    The same visibility rule as ``issuance.selectors.credential_public_get``
    (not pending), plus the holder's choice to be public.
    """
    public_id = public_id_normalise(public_id)
    if public_id is None:
        return None
    credential = (
        Credential.objects.visible()
        .select_related("issuer")
        .only(*LOOKUP_FIELDS)
        .filter(public_id=public_id)
        .first()
    )
    if credential is None or not credential.public:
        return None
    return credential


def credential_verdict(credential: Credential | None, *, now=None) -> Verdict:
    """The live verdict of an issued record (revoked > suspended > expired)."""
    if credential is None:
        return Verdict.NOT_FOUND
    return status_verdict(credential.status, credential.valid_until, now=now)


def status_verdict(status: str, valid_until, *, now=None) -> Verdict:
    if status == CredentialStatus.REVOKED:
        return Verdict.REVOKED
    if status == CredentialStatus.SUSPENDED:
        return Verdict.SUSPENDED
    now = now or timezone.now()
    # The daily expiry task may not have run yet: validity decides.
    if status == CredentialStatus.EXPIRED or (
        valid_until is not None and valid_until <= now
    ):
        return Verdict.EXPIRED
    if status == CredentialStatus.ACTIVE:
        return Verdict.VALID
    return Verdict.NOT_FOUND


def credential_live_row(public_id: str):
    """``(pk, status, status_reason, public, updated_at)`` of a record, or None.

    One hand-written statement: the lookup hot path skips the ORM's query
    compiler, which costs several times the query itself.
    """
    meta = Credential._meta
    quote = connection.ops.quote_name
    columns = ", ".join(
        quote(meta.get_field(name).column)
        for name in ("id", "status", "status_reason", "public", "updated_at")
    )
    where = quote(meta.get_field("public_id").column)
    sql = f"SELECT {columns} FROM {quote(meta.db_table)} WHERE {where} = %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [public_id])
        return cursor.fetchone()


def credential_status_public(public_id) -> tuple[int, Verdict, dict] | None:
    """``(pk, verdict, disclosed data)`` for a public lookup, or None.

    The status, its reason and the holder's «public» choice are read live on
    every call; the rest of the disclosed snapshot is cached per version of
    the record (its ``updated_at``: any save, including a disclosure change or
    a reissue, makes a new key) for ``SNAPSHOT_SECONDS``.
    """
    public_id = public_id_normalise(public_id)
    if public_id is None:
        return None
    row = credential_live_row(public_id)
    if row is None:
        return None
    pk, status, reason, public, updated_at = row
    if status == CredentialStatus.PENDING or not public:
        return None
    version = re.sub(r"\W", "", str(updated_at))
    key = f"verify-snapshot:{public_id}:{version}"
    snapshot = cache.get(key)
    if snapshot is None:
        credential = credential_lookup(public_id)
        if credential is None:
            return None
        snapshot = {
            "valid_until": credential.valid_until,
            "data": credential_disclosed(credential, Verdict.VALID),
        }
        cache.set(key, snapshot, SNAPSHOT_SECONDS)
    verdict = status_verdict(status, snapshot["valid_until"])
    data = {
        **snapshot["data"],
        "status": verdict.value,
        "reason": reason if verdict == Verdict.REVOKED else "",
    }
    return pk, verdict, data


def credential_disclosed(credential: Credential, verdict: Verdict) -> dict:
    """What the public may read of a credential, honouring the holder's choices.

    Never the identity document (not even its hash), scores or evidence.
    Assessors, units and levels only as the holder chose.
    """
    data = {
        "public_id": credential.public_id,
        "status": verdict.value,
        "reason": credential.status_reason if verdict == Verdict.REVOKED else "",
        "holder_name": credential.holder_name,
        # The record's texts (program, standard, units, reason) are kept in
        # the credential's first language.
        "language": (credential.languages or [settings.LANGUAGE_CODE])[0],
        "occupation": credential.program_title,
        # English texts are empty when the record has none (the page then
        # shows the first language, marked as such).
        "occupation_en": credential.program_title_en,
        "standard": {
            "code": credential.standard_code,
            "version": credential.standard_version,
            "title": credential.standard_title,
            "title_en": credential.standard_title_en,
            "url": credential.standard_url,
        },
        "issuer": {
            "name": credential.issuer.name,
            "name_en": credential.issuer.name_en or credential.issuer.name,
            "country": credential.issuer.country_id,
            "url": credential.issuer.website,
        },
        "issued_at": credential.issued_at,
        "valid_until": credential.valid_until,
        "units": None,
        "national_level": None,
        "regional_level": None,
        "regional_level_provisional": None,
        "assessors": None,
    }
    if credential.disclose_units:
        data["units"] = [
            {
                "code": unit.get("code", ""),
                "title": unit.get("title", ""),
                "title_en": unit.get("title_en", ""),
            }
            for unit in credential.units
        ]
    if credential.disclose_levels:
        data["national_level"] = credential.national_level
        data["regional_level"] = credential.regional_level
        data["regional_level_provisional"] = credential.regional_level_provisional
    if credential.disclose_assessors:
        data["assessors"] = [a.get("name", "") for a in credential.assessors]
    return data


def holder_verifications(user):
    """The verifications of every credential of ``user``, newest first."""
    return (
        VerificationLog.objects.filter(credential__holder=user)
        .select_related("credential")
        .order_by("-at", "-pk")
    )


def holder_email_matches(public_id):
    """For a public credential, a function telling whether an e-mail address
    is the holder's: True or False against the credential's hashed
    ``emailAddress`` identifier, None when the credential carries none
    (issued before it did). None for an id the public may not see."""
    import json

    from certification.credentials.openbadge import identity_matches
    from certification.issuance.storage import artefact_read

    credential = credential_lookup(public_id)
    if credential is None or not credential.json_file:
        return None
    document = json.loads(artefact_read(credential.json_file))
    subject = document.get("credentialSubject") or {}
    hashed = [
        item
        for item in subject.get("identifier") or []
        if isinstance(item, dict) and item.get("identityType") == "emailAddress"
    ]

    def check(email: str) -> bool | None:
        if not hashed:
            return None
        return any(identity_matches(email, item) for item in hashed)

    return check
