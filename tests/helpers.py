"""Helpers shared by test modules: people in their roles, a rubric assessment
and its attempts, an issuer's public keys as a verifier resolves them."""

from pathlib import Path

from django.contrib.auth.models import Group
from django.utils import timezone

from certification.credentials.keys import issuer_did, load_public_keys
from certification.issuance.storage import artefact_name, credential_storage
from certification.roles import officer_roles_sync
from lms.reference.models import Sector
from plugins.models import Attempt, AttemptStatus
from plugins.roles import ASSESSORS_GROUP, OFFICERS_GROUP, assessor_permissions_grant
from tests.assessments.conftest import RUBRIC_DATA, author
from tests.factories import UserFactory, assessor_roles_grant

PE_DNI = iter(f"{n:08d}" for n in range(41000000, 41999999))


def make_peruvian(**fields):
    return UserFactory(country="PE", national_id=next(PE_DNI), **fields)


def make_assessor(country="CL", sector="publishing", **fields):
    assessor_permissions_grant()
    user = UserFactory(**fields) if country == "CL" else make_peruvian(**fields)
    user.groups.add(Group.objects.get(name=ASSESSORS_GROUP))
    return assessor_roles_grant(user, countries=(country,), sectors=(sector,))


def make_officer(country="CL", **fields):
    assessor_permissions_grant()
    user = UserFactory(**fields) if country == "CL" else make_peruvian(**fields)
    user.groups.add(
        Group.objects.get(name=OFFICERS_GROUP), officer_roles_sync()[country]
    )
    return user


def make_rubric(sector="publishing"):
    return author("rubric", RUBRIC_DATA, sector=Sector.objects.get(code=sector))


def make_pending_attempt(assessment, learner) -> Attempt:
    return Attempt.objects.create(
        assessment=assessment,
        learner=learner,
        status=AttemptStatus.AWAITING_GRADING,
        submitted_at=timezone.now(),
        presented=assessment.config,
        response={"text": "Plan"},
    )


def rubric_grading_form(attempt):
    form = attempt.assessment.plugin.grading_form(
        config=attempt.presented,
        response=attempt.response,
        data={
            criterion["id"]: criterion["levels"][-1]["id"]
            for criterion in attempt.presented["rubric"]
        },
        files=None,
    )
    assert form.is_valid(), form.errors
    return form


def issuer_public_keys(code="CL"):
    """The issuer's keys by verification method id, as a verifier resolves them."""
    return {
        f"{issuer_did(code)}#{kid}": key for kid, key in load_public_keys(code).items()
    }


def storage_block(credential) -> Path:
    """A plain file where ``credential``'s artefact folder goes: writing its
    files fails with an OSError (a transient failure, retried) until the
    returned file is removed."""
    name = artefact_name(credential.public_id, 1, "x")
    blocker = Path(credential_storage().path(name)).parent.parent
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("not a folder")
    return blocker
