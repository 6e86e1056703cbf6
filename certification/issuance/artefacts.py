"""Build, write and activate the artefacts of one credential.

Order matters for crash safety: everything is built in memory, then written
atomically to a revision folder nobody points at yet, then the row is switched
to the new revision (and to *active* on first issue) in one transaction. A
worker killed at any point leaves either the previous state or the complete new
one; running the build again overwrites the unreferenced files.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from dataclasses import dataclass

from django.db import transaction

from certification.credentials.keys import (
    issuer_did,
    load_signing_key,
    verification_method_id,
)
from certification.credentials.openbadge import credential_build, credential_sign
from certification.credentials.statuslist import (
    LIFECYCLE_MESSAGES,
    LIFECYCLE_STATUS_SIZE,
)
from certification.credentials.vcjwt import credential_to_jwt
from certification.models import (
    Credential,
    CredentialStatus,
    ProgramKind,
    StatusPurpose,
)
from certification.notifications import credential_issued_record

from . import pdf
from .events import credential_event_record
from .links import program_url, status_list_url, verify_url
from .statuslists import issuer_key_code, status_index_allocate
from .storage import artefact_name, artefact_write

logger = logging.getLogger(__name__)

# Seconds to sleep between writing the files and activating the record; only
# the worker-kill test sets it, to have a window in which to kill the worker.
TEST_DELAY_ENV = "LMS_TEST_ISSUE_DELAY"


@dataclass
class Artefacts:
    credential_json: dict
    jwt: str
    pdf: bytes

    @property
    def pdf_sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


def open_badge_data(credential: Credential) -> dict:
    """The input of ``credential_build`` for this record (see openbadge.py)."""
    code = issuer_key_code(credential.issuer)
    program = credential.program
    alignments = [
        {
            "target_name": credential.standard_title,
            "target_url": credential.standard_url or program_url(program.code),
            "target_code": credential.standard_code,
            "target_framework": program.standard.get_system_display(),
            "target_type": "ceasn:Competency",
        }
    ] + [
        {
            "target_name": unit["title"],
            "target_url": f"{program_url(program.code)}#{unit['code']}",
            "target_code": unit["code"],
            "target_framework": credential.standard_code,
            "target_type": "ceasn:Competency",
        }
        for unit in credential.units
    ]
    units = "; ".join(f"{u['code']} {u['title']}" for u in credential.units)
    return {
        "id": verify_url(credential.public_id),
        "name": credential.program_title,
        "description": program.description or credential.standard_title,
        "valid_from": credential.issued_at,
        "valid_until": credential.valid_until,
        "awarded": credential.issued_at,
        "issuer": {
            "id": issuer_did(code),
            "name": credential.issuer.name,
            "url": credential.issuer.website,
        },
        "holder": {
            "name": credential.holder_name,
            "identity_hash": credential.holder_id_hash,
            "salt": credential.holder_id_salt,
            "email": credential.holder.email,
        },
        "achievement": {
            "id": program_url(program.code),
            "name": credential.program_title,
            "description": program.description or credential.standard_title,
            "criteria": f"{credential.standard_code}: {units}",
            "achievement_type": (
                "Certification"
                if program.kind == ProgramKind.COMPETENCY
                else "CertificateOfCompletion"
            ),
            "human_code": program.code,
            "version": credential.standard_version,
        },
        "alignments": alignments,
        # One entry (OB 3.0 allows at most one): a 2-bit "message" status
        # that says both suspension and revocation (see statuslist.py).
        "status": [
            {
                "list_url": status_list_url(code, StatusPurpose.MESSAGE),
                "index": credential.status_index,
                "purpose": StatusPurpose.MESSAGE.value,
                "status_size": LIFECYCLE_STATUS_SIZE,
                "messages": LIFECYCLE_MESSAGES,
            }
        ],
    }


def artefacts_build(credential: Credential, *, signer=None) -> Artefacts:
    """Sign the Open Badges credential, its VC-JWT and the PDF, in memory."""
    code = issuer_key_code(credential.issuer)
    key = load_signing_key(code)
    method = verification_method_id(code)
    signed = credential_sign(
        credential_build(open_badge_data(credential)),
        private_key=key,
        verification_method=method,
    )
    jwt_key, jwt_kid = pdf.jwt_signer_for(code)
    token = credential_to_jwt(signed, private_key=jwt_key, kid=jwt_kid)
    document = pdf.certificate_pdf(credential, signed, signer=signer)
    return Artefacts(credential_json=signed, jwt=token, pdf=document)


def artefacts_write(credential: Credential, revision: int, artefacts: Artefacts):
    public_id = credential.public_id
    names = {
        "pdf_file": artefact_name(public_id, revision, "certificate.pdf"),
        "json_file": artefact_name(public_id, revision, "credential.json"),
        "jwt_file": artefact_name(public_id, revision, "credential.jwt"),
    }
    body = json.dumps(artefacts.credential_json, ensure_ascii=False, indent=2)
    artefact_write(names["json_file"], body.encode("utf-8"))
    artefact_write(names["jwt_file"], artefacts.jwt.encode("ascii"))
    artefact_write(names["pdf_file"], artefacts.pdf)
    return names


def mark_active(row: Credential, files: dict, artefacts: Artefacts) -> None:
    """Point a pending ``row`` (unsaved) at its first artefacts, active."""
    for field, name in files.items():
        setattr(row, field, name)
    row.pdf_sha256 = artefacts.pdf_sha256
    row.artefact_revision = 1
    row.status = CredentialStatus.ACTIVE
    row.last_error = ""


def _test_delay() -> None:
    delay = float(os.environ.get(TEST_DELAY_ENV) or 0)
    if delay:
        time.sleep(delay)


def credential_activate(credential_id: int, *, signer=None) -> Credential | None:
    """Build the first artefacts of a pending credential and make it active.

    Idempotent: an active (or otherwise non-pending) credential is left as it
    is. Returns the credential when this call activated it, else None.
    """
    credential = Credential.objects.select_related(
        "issuer", "program", "program__standard", "template_revision", "holder"
    ).get(pk=credential_id)
    if credential.status != CredentialStatus.PENDING:
        return None
    status_index_allocate(credential)
    artefacts = artefacts_build(credential, signer=signer)
    names = artefacts_write(credential, 1, artefacts)
    _test_delay()
    with transaction.atomic():
        locked = Credential.objects.select_for_update().get(pk=credential_id)
        if locked.status != CredentialStatus.PENDING:
            return None
        mark_active(locked, names, artefacts)
        locked.save()
        credential_event_record(
            locked, kind="issued", from_status=CredentialStatus.PENDING, actor=None
        )
        credential_issued_record([locked])
    logger.info("credential %s active", locked.public_id)
    return locked


def credential_artefacts_replace(
    credential_id: int, revision: int, *, signer=None
) -> Credential | None:
    """Build artefact ``revision`` of an issued credential (a reissue) and
    switch the record to it. Idempotent: nothing happens when the record is
    already at ``revision`` or later, or no longer active or suspended."""
    credential = Credential.objects.select_related(
        "issuer", "program", "program__standard", "template_revision", "holder"
    ).get(pk=credential_id)
    live = (CredentialStatus.ACTIVE, CredentialStatus.SUSPENDED)
    if credential.artefact_revision >= revision or credential.status not in live:
        return None
    artefacts = artefacts_build(credential, signer=signer)
    names = artefacts_write(credential, revision, artefacts)
    with transaction.atomic():
        locked = Credential.objects.select_for_update().get(pk=credential_id)
        if locked.artefact_revision >= revision or locked.status not in live:
            return None
        for field, name in names.items():
            setattr(locked, field, name)
        locked.pdf_sha256 = artefacts.pdf_sha256
        locked.artefact_revision = revision
        locked.save()
        event = locked.events.filter(kind="reissued").order_by("-at", "-pk").first()
        if event is not None and event.artefact_revision < revision:
            event.artefact_revision = revision
            event.pdf_sha256 = artefacts.pdf_sha256
            event.save(update_fields=["artefact_revision", "pdf_sha256"])
        credential_issued_record([locked])
    logger.info("credential %s reissued as revision %s", locked.public_id, revision)
    return locked
