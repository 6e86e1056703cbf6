"""A learner's Comprehensive Learner Record (CLR 2.0), built on request.

It embeds every credential issued to the learner that still stands (active,
suspended or expired: not revoked, not pending), as issued, and lists the
competency units they demonstrated as achievements, each associated
(``isChildOf``) with the program it counts towards. It is signed with the key
of the issuer of the learner's country (the issuer of their latest credential
when their country has none), which vouches for the record as a whole; each
embedded credential keeps its own issuer's proof and status entry.
"""

from __future__ import annotations

import json

from django.utils import timezone
from django.utils.translation import gettext as _

from certification.credentials.clr import clr_build
from certification.credentials.keys import (
    KeyMaterialError,
    issuer_did,
    load_signing_key,
    verification_method_id,
)
from certification.credentials.openbadge import credential_sign
from certification.models import CredentialStatus, Issuer
from certification.selectors import competency_record

from .links import program_url
from .selectors import learner_credentials
from .statuslists import issuer_key_code
from .storage import artefact_read


class NothingToRecord(Exception):
    """The learner holds no credential a CLR could embed."""


def record_credentials(user) -> list:
    """The learner's credentials a CLR embeds (newest first)."""
    return [
        credential
        for credential in learner_credentials(user)
        if credential.status != CredentialStatus.REVOKED and credential.json_file
    ]


def clr_issuer(user, credentials) -> Issuer:
    """The issuer of the learner's country (when it has keys), else the issuer
    of their latest credential."""
    if getattr(user, "country", None):
        issuer = (
            Issuer.objects.select_related("credential_profile")
            .filter(country_id=str(user.country).upper())
            .first()
        )
        if issuer is not None:
            try:
                load_signing_key(issuer_key_code(issuer))
            except (KeyMaterialError, ValueError):
                pass
            else:
                return issuer
    return credentials[0].issuer


def _unit_achievements(user) -> tuple[list[dict], list[dict]]:
    """The demonstrated units as achievements and their associations."""
    achievements: dict[str, dict] = {}
    associations = []
    for item in competency_record(learner=user).programs:
        program = item.program
        program_id = program_url(program.code)
        demonstrated = [row for row in item.units if row.demonstrated]
        if not demonstrated:
            continue
        if item.credential is None and program_id not in achievements:
            # The program the units count towards, not (yet) awarded.
            achievements[program_id] = {
                "id": program_id,
                "name": program.title,
                "description": program.description or program.standard.title,
                "criteria": program.standard.code,
                "achievement_type": "LearningProgram",
                "human_code": program.code,
            }
        for row in demonstrated:
            unit = row.unit
            unit_id = f"{program_id}#{unit.code}"
            achievements.setdefault(
                unit_id,
                {
                    "id": unit_id,
                    "name": unit.title,
                    "description": unit.title,
                    "criteria": f"{program.standard.code}: {unit.code}",
                    "achievement_type": "Competency",
                    "human_code": unit.code,
                },
            )
            associations.append(
                {"type": "isChildOf", "source": unit_id, "target": program_id}
            )
    return list(achievements.values()), associations


def learner_clr(user) -> dict:
    """The signed ClrCredential of ``user``; NothingToRecord without credentials."""
    credentials = record_credentials(user)
    if not credentials:
        raise NothingToRecord
    embedded = [json.loads(artefact_read(c.json_file)) for c in credentials]
    issuer = clr_issuer(user, credentials)
    code = issuer_key_code(issuer)
    achievements, associations = _unit_achievements(user)
    # Units of a program whose credential is embedded point at its achievement.
    awarded = {
        (doc.get("credentialSubject") or {}).get("achievement", {}).get("id")
        for doc in embedded
    }
    listed = {item["id"] for item in achievements} | awarded
    associations = [a for a in associations if a["target"] in listed]
    name = credentials[0].holder_name
    document = clr_build(
        {
            "name": _("Historial de aprendizaje de %(name)s") % {"name": name},
            "description": _(
                "Certificados, cursos y unidades de competencia registrados en "
                "Cultura AP."
            ),
            "valid_from": timezone.now(),
            "issuer": {
                "id": issuer_did(code),
                "name": issuer.name,
                "url": issuer.website,
            },
            "holder": {"name": name, "email": user.email},
            "credentials": embedded,
            "achievements": achievements,
            "associations": associations,
        }
    )
    return credential_sign(
        document,
        private_key=load_signing_key(code),
        verification_method=verification_method_id(code),
    )
