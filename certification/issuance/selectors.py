"""Reads of issued credentials: public lookup, the learner's list, queues."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q

from certification.eligibility import cohort_eligibility
from certification.models import (
    ApplicationStatus,
    CertificationProgram,
    Credential,
    CredentialStatus,
    IssuanceMode,
    ProgramApplication,
    ProgramEligibility,
)

from .permissions import issuers_for


def credential_public_get(public_id: str) -> Credential | None:
    """The credential behind a verify link, or None when unknown or pending.

    A pending credential does not exist yet for the outside world: its artefacts
    are still being built. (Whether the holder made it private is the verify
    page's business: see ``Credential.public``.)
    """
    if not isinstance(public_id, str) or len(public_id) != 32:
        return None
    return (
        Credential.objects.visible()
        .select_related("issuer", "program", "program__standard")
        .filter(public_id=public_id.lower())
        .first()
    )


def learner_credentials(user):
    """The credentials of ``user`` shown in «Mis certificados» (not pending)."""
    return (
        Credential.objects.visible()
        .filter(holder=user)
        .select_related("issuer", "program")
        .order_by("-issued_at")
    )


def learner_credential_get(user, public_id: str) -> Credential | None:
    """One of the user's own visible credentials, else None (404 for others)."""
    return learner_credentials(user).filter(public_id=public_id).first()


def approval_queue(officer):
    """Eligibilities awaiting an officer: approval programs of the officer's
    issuers, learner without a live credential for the program and whose
    application was neither rejected nor withdrawn."""
    live = Credential.objects.live().filter(
        holder=OuterRef("learner"), program=OuterRef("program")
    )
    closed = ProgramApplication.objects.filter(
        learner=OuterRef("learner"),
        program=OuterRef("program"),
        status__in=[ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN],
    )
    return (
        ProgramEligibility.objects.filter(
            program__issuance=IssuanceMode.OFFICER_APPROVAL,
            program__issuer__in=issuers_for(officer),
        )
        .annotate(has_credential=Exists(live), closed=Exists(closed))
        .filter(has_credential=False, closed=False)
        .select_related("learner", "program", "program__issuer")
        .order_by("eligible_at")
    )


def cohort_preview(program: CertificationProgram, users):
    """For a bulk issue: who would get a credential, who already has one."""
    users = list(users)
    verdicts = cohort_eligibility(program=program, learners=[u.pk for u in users])
    holders = set(
        Credential.objects.live()
        .filter(program=program, holder__in=users)
        .values_list("holder_id", flat=True)
    )
    return [
        {
            "user": user,
            "eligible": verdicts[user.pk].eligible,
            "missing": verdicts[user.pk].missing,
            "has_credential": user.pk in holders,
        }
        for user in users
    ]


def bulk_progress(credential_ids) -> dict:
    """Counts by status of the credentials of one bulk issue."""
    counts = Credential.objects.filter(pk__in=credential_ids).aggregate(
        total=Count("pk"),
        pending=Count("pk", filter=Q(status=CredentialStatus.PENDING)),
        active=Count("pk", filter=Q(status=CredentialStatus.ACTIVE)),
        failed=Count(
            "pk", filter=Q(status=CredentialStatus.PENDING) & ~Q(last_error="")
        ),
    )
    counts["done"] = counts["total"] - counts["pending"]
    counts["finished"] = counts["pending"] == counts["failed"]
    return counts
