"""Sharing a credential outside the platform: LinkedIn's «Add licence or
certification» form, prefilled.

LinkedIn's "Add to Profile" link for certifications
(``https://www.linkedin.com/profile/add``) takes ``startTask=CERTIFICATION_NAME``
and the form's fields: ``name``, ``organizationName`` (or ``organizationId``,
the issuer's LinkedIn page id), ``issueYear`` and ``issueMonth``,
``expirationYear`` and ``expirationMonth`` (only when the credential expires),
``certUrl`` (the public verify page, LinkedIn's «Credential URL») and
``certId`` (the verification code, «Credential ID»).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.utils import timezone

from certification.issuance.links import verify_url

LINKEDIN_ADD_URL = "https://www.linkedin.com/profile/add"


def linkedin_add_url(credential) -> str:
    """LinkedIn's add-certification link for ``credential``, prefilled."""
    issued = timezone.localtime(credential.issued_at)
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": credential.program_title,
        "organizationName": credential.issuer.name,
        "issueYear": issued.year,
        "issueMonth": issued.month,
    }
    if credential.valid_until:
        until = timezone.localtime(credential.valid_until)
        params["expirationYear"] = until.year
        params["expirationMonth"] = until.month
    params["certUrl"] = verify_url(credential.public_id)
    params["certId"] = credential.public_id
    return f"{LINKEDIN_ADD_URL}?{urlencode(params)}"
