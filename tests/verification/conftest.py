"""Fixtures for verification: issuer keys and private storage per test, a
Chilean program, and credentials issued through the real issuance service
(eager Celery tasks run when the transaction commits)."""

import pytest
from django.core.cache import cache

from certification.credentials import keys
from certification.issuance.service import credential_issue
from certification.issuance.storage import artefact_read
from tests.certification.conftest import make_program, make_standard
from tests.factories import make_eligible


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache: every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def issuer_keys(settings, tmp_path):
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    keys.issuer_keys_generate(
        issuer_code="CL",
        organisation="Ministerio de las Culturas, las Artes y el Patrimonio",
    )
    return "CL"


@pytest.fixture
def program(db, issuer_keys):
    standard = make_standard("CL", units=3, criteria=0)
    return make_program(standard, code="cl-edicion", validity_years=3)


def issue_for(program, capture=None, *, name="Ana María Pérez Núñez"):
    """Issue ``program`` to a new eligible learner; return the active record.

    ``capture`` is ``django_capture_on_commit_callbacks`` in ordinary tests;
    in transactional tests (browser) on_commit runs at once.
    """
    user = make_eligible(program, name=name)
    if capture is None:
        credential = credential_issue(user=user, program=program)
    else:
        with capture(execute=True):
            credential = credential_issue(user=user, program=program)
    credential.refresh_from_db()
    return credential


@pytest.fixture
def issued(program, django_capture_on_commit_callbacks):
    return issue_for(program, django_capture_on_commit_callbacks)


@pytest.fixture
def issue(program, django_capture_on_commit_callbacks):
    """A factory: ``issue(name=...)`` issues one more credential."""

    def make(**kwargs):
        return issue_for(program, django_capture_on_commit_callbacks, **kwargs)

    return make


def pdf_of(credential) -> bytes:
    return artefact_read(credential.pdf_file)
