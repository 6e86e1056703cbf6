"""Issuance: create the pending record, then build its artefacts in a task.

``credential_issue`` is the one entry point for every path (automatic on
eligibility, officer approval, bulk, command). It is idempotent: the partial
unique constraint allows one non-revoked credential per holder and program, so a
second call (or a concurrent one) returns the existing row.
"""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction

from certification import integrity
from certification.eligibility import cohort_eligibility, learner_eligibility
from certification.models import (
    CertificationProgram,
    Credential,
    CredentialEvent,
    CredentialStatus,
    IssuanceMode,
)

from .batch import chunks
from .snapshot import credential_new, credentials_new
from .tasks import issue_credential, issue_credentials_batch

logger = logging.getLogger(__name__)


class NotEligible(Exception):
    """The learner has not demonstrated every unit the program requires."""


def credential_issue(
    *,
    user,
    program: CertificationProgram,
    issued_by=None,
    force: bool = False,
    queue: bool = True,
) -> Credential:
    """Issue ``program`` to ``user``: return the pending (or existing) credential.

    The artefacts are built by the ``issue_credential`` task, queued after the
    transaction commits; until then the credential is pending and invisible to
    verification. Unless ``force``, the learner must be eligible (NotEligible).
    A live (not revoked) credential for the same holder and program is returned
    as it is. ``queue=False`` leaves queuing the build to the caller (bulk).
    """
    integrity.issuance_check(holders=[user], program=program, issued_by=issued_by)
    existing = _live_credential(user, program)
    if existing is not None:
        return existing
    if not force:
        _eligibility_check(user, program)
    credential = credential_new(user=user, program=program, requested_by=issued_by)
    try:
        with transaction.atomic():
            credential.save()
            CredentialEvent.objects.create(
                credential=credential,
                kind=CredentialEvent.Kind.REQUESTED,
                from_status=CredentialStatus.PENDING,
                to_status=CredentialStatus.PENDING,
                actor=issued_by,
            )
            integrity.issuance_audit([credential], issued_by=issued_by)
    except IntegrityError:
        existing = _live_credential(user, program)
        if existing is None:
            raise
        return existing
    if queue:
        credential_build_queue(credential)
    logger.info("credential %s requested for %s", credential.public_id, user.pk)
    return credential


def credential_build_queue(credential: Credential, *, robust: bool = False) -> None:
    """Queue the artefact build once the surrounding transaction commits
    (``robust``: a failure to queue, or of an in-process build, is logged and
    does not reach the caller)."""
    pk = credential.pk
    transaction.on_commit(lambda: issue_credential.delay(pk), robust=robust)


def _live_credential(user, program) -> Credential | None:
    return Credential.objects.live().filter(holder=user, program=program).first()


def _eligibility_check(user, program) -> None:
    if not learner_eligibility(learner=user, program=program).eligible:
        raise NotEligible(f"{user} is not eligible for {program.code}")


def credential_on_eligible(*, learner, program) -> None:
    """A learner just became eligible for ``program`` (called before
    ``program_eligible`` is sent): issue at once when the program is automatic;
    otherwise the learner shows in the officers' approval queue."""
    if program.issuance == IssuanceMode.AUTOMATIC:
        credential_issue(user=learner, program=program, force=True)


def credential_bulk_issue(
    *, users, program: CertificationProgram, issued_by, force: bool = False
) -> list[Credential]:
    """Issue ``program`` to every user of a confirmed cohort (eligible ones,
    unless ``force``).

    The new pending credentials are built in chunks by the
    ``issue_credentials_batch`` task (see ``certification.issuance.batch``),
    queued after the transaction commits.
    """
    users = list(users)
    integrity.issuance_check(holders=users, program=program, issued_by=issued_by)
    live = {
        credential.holder_id: credential
        for credential in Credential.objects.live().filter(
            holder__in=users, program=program
        )
    }
    eligible = [user for user in users if user.pk not in live]
    if not force:
        eligible = _eligible_only(eligible, program)
    created = {
        credential.holder_id: credential
        for credential in _credentials_create(eligible, program, issued_by)
    }
    credentials = [
        live.get(user.pk) or created.get(user.pk)
        for user in users
        if user.pk in live or user.pk in created
    ]
    pending = [c.pk for c in credentials if c.status == CredentialStatus.PENDING]
    credential_batches_queue(pending)
    return credentials


def _eligible_only(users, program) -> list:
    report = cohort_eligibility(learners=[user.pk for user in users], program=program)
    eligible = {learner for learner, verdict in report.items() if verdict.eligible}
    for user in users:
        if user.pk not in eligible:
            logger.warning("bulk issue skipped %s: not eligible", user.pk)
    return [user for user in users if user.pk in eligible]


def _credentials_create(users, program, issued_by) -> list[Credential]:
    """Pending credentials for ``users`` (none live yet) in one transaction;
    if another request issued one of them meanwhile (the database constraint
    says so), each is issued on its own instead, which returns the live one."""
    if not users:
        return []
    credentials = credentials_new(users=users, program=program, requested_by=issued_by)
    try:
        with transaction.atomic():
            Credential.objects.bulk_create(credentials)
            CredentialEvent.objects.bulk_create(
                CredentialEvent(
                    credential=credential,
                    kind=CredentialEvent.Kind.REQUESTED,
                    from_status=CredentialStatus.PENDING,
                    to_status=CredentialStatus.PENDING,
                    actor=issued_by,
                )
                for credential in credentials
            )
            integrity.issuance_audit(credentials, issued_by=issued_by)
    except IntegrityError:
        return [
            credential_issue(
                user=user, program=program, issued_by=issued_by, force=True, queue=False
            )
            for user in users
        ]
    for credential in credentials:
        logger.info(
            "credential %s requested for %s", credential.public_id, credential.holder_id
        )
    return credentials


def credential_batches_queue(credential_ids: list[int]) -> None:
    """Queue the builds of ``credential_ids`` in chunks, after commit."""

    def queue():
        for chunk in chunks(credential_ids):
            issue_credentials_batch.delay(chunk)

    if credential_ids:
        transaction.on_commit(queue)
