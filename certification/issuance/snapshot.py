"""The frozen facts a credential records about its holder, program and standard."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.utils import timezone

from certification.credentials.openbadge import identity_hash
from certification.models import (
    CertificateTemplate,
    CertificateTemplateRevision,
    CertificationProgram,
    Credential,
    Evidence,
)
from lms.accounts.names import printable_name

from .templates import default_template_ensure

DEFAULT_LANGUAGES = ["es", "en"]


def holder_snapshot(user, *, legal_name: str | None = None) -> dict:
    """Name, country and a salted hash of the identity document (never the ID)."""
    salt = secrets.token_hex(16)
    id_hash = identity_hash(user.national_id, salt) if user.national_id else ""
    # Names saved before the name rules lose what would alter the certificate.
    name = printable_name(
        legal_name or user.legal_name or user.get_full_name() or user.username
    )
    return {
        "holder_name": name,
        "holder_country": user.country or "",
        "holder_id_salt": salt if id_hash else "",
        "holder_id_hash": id_hash,
    }


def _level_label(level) -> str:
    return f"{level.framework} {level.number}" if level else ""


def program_snapshot(program: CertificationProgram) -> dict:
    standard = program.standard
    level = standard.level
    mapping = getattr(level, "regional_mapping", None) if level else None
    units = [
        {"code": unit.code, "title": unit.title, "title_en": unit.title_en}
        for unit in program.required_units.order_by("sort_order", "code")
    ]
    return {
        "program_title": program.title,
        "program_title_en": program.title_en,
        "standard_code": standard.code,
        "standard_version": standard.version,
        "standard_title": standard.title,
        "standard_title_en": standard.title_en,
        "standard_url": standard.source_url,
        "units": units,
        "national_level": _level_label(level),
        "regional_level": _level_label(mapping.regional_level) if mapping else "",
        "regional_level_provisional": bool(mapping and mapping.provisional),
    }


def assessors_snapshots(users, program: CertificationProgram) -> dict:
    """By learner id, the assessors whose evidence counts towards the
    program, in order (a learner without any is left out)."""
    names: dict[int, list[str]] = {}
    rows = (
        Evidence.objects.current()
        .filter(learner__in=users, unit__in=program.required_units.all())
        .exclude(assessor=None)
        .select_related("assessor")
        .order_by("assessed_at", "pk")
    )
    for evidence in rows:
        name = evidence.assessor.legal_name or evidence.assessor.get_full_name()
        name = name or evidence.assessor.username
        learner_names = names.setdefault(evidence.learner_id, [])
        if name not in learner_names:
            learner_names.append(name)
    return {
        learner: [{"name": name} for name in learner_names]
        for learner, learner_names in names.items()
    }


def valid_until_for(program: CertificationProgram, issued_at):
    if not program.validity_years:
        return None
    return issued_at + timedelta(days=round(365.25 * program.validity_years))


def template_revision_for(program: CertificationProgram) -> CertificateTemplateRevision:
    """The revision in force of the issuer's template (or the default one)."""
    template = (
        CertificateTemplate.objects.filter(issuer=program.issuer).first()
        or CertificateTemplate.objects.filter(issuer__isnull=True).first()
    )
    if template is None:
        template = default_template_ensure()
    return template.revision_in_force()


def credential_new(*, user, program: CertificationProgram, requested_by=None):
    """An unsaved pending ``Credential`` with every snapshot filled in."""
    return credentials_new(users=[user], program=program, requested_by=requested_by)[0]


def credentials_new(*, users, program: CertificationProgram, requested_by=None):
    """Unsaved pending credentials of ``program`` for ``users``, in their
    order; what they share (program, standard, template revision) and the
    assessors are read once for all."""
    issued_at = timezone.now()
    shared = program_snapshot(program)
    revision = template_revision_for(program)
    assessors = assessors_snapshots(users, program)
    return [
        Credential(
            holder=user,
            program=program,
            issuer=program.issuer,
            requested_by=requested_by,
            issued_at=issued_at,
            valid_until=valid_until_for(program, issued_at),
            languages=list(DEFAULT_LANGUAGES),
            assessors=assessors.get(user.pk, []),
            template_revision=revision,
            **holder_snapshot(user),
            **shared,
        )
        for user in users
    ]
