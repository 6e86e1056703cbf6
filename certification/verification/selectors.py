"""Reads for verification: public ids, the record's verdict, what may be shown."""

from __future__ import annotations

import re

from django.utils import timezone

from certification.issuance.selectors import credential_public_get
from certification.models import Credential, CredentialStatus, VerificationLog

from .verdicts import Verdict

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


def credential_lookup(public_id) -> Credential | None:
    """The credential a public lookup may see: None when the id is malformed,
    unknown, pending or made private by its holder (all answered alike)."""
    public_id = public_id_normalise(public_id)
    if public_id is None:
        return None
    credential = credential_public_get(public_id)
    if credential is None or not credential.public:
        return None
    return credential


def credential_verdict(credential: Credential | None, *, now=None) -> Verdict:
    """The live verdict of an issued record (revoked > suspended > expired)."""
    if credential is None:
        return Verdict.NOT_FOUND
    status = credential.status
    if status == CredentialStatus.REVOKED:
        return Verdict.REVOKED
    if status == CredentialStatus.SUSPENDED:
        return Verdict.SUSPENDED
    now = now or timezone.now()
    # The daily expiry task may not have run yet: validity decides.
    if status == CredentialStatus.EXPIRED or (
        credential.valid_until is not None and credential.valid_until <= now
    ):
        return Verdict.EXPIRED
    if status == CredentialStatus.ACTIVE:
        return Verdict.VALID
    return Verdict.NOT_FOUND


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
        "occupation": credential.program_title,
        "standard": {
            "code": credential.standard_code,
            "version": credential.standard_version,
            "title": credential.standard_title,
            "url": credential.standard_url,
        },
        "issuer": {
            "name": credential.issuer.name,
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
            {"code": unit.get("code", ""), "title": unit.get("title", "")}
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
