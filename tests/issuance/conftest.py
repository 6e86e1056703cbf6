"""Fixtures for credential issuance: keys and private storage per test, a
Chilean program with three units, an eligible learner."""

import uuid

import pytest

from certification.credentials import keys
from lms.celery import app
from tests.certification.conftest import make_program, make_standard
from tests.factories import make_eligible


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


@pytest.fixture
def eligible(program):
    return make_eligible(program)


@pytest.fixture
def queue():
    """Route this process's tasks to a private queue through the broker."""
    name = f"test-issue-{uuid.uuid4().hex[:8]}"
    app.conf.task_always_eager = False
    previous = app.conf.task_default_queue
    app.conf.task_default_queue = name
    try:
        yield name
    finally:
        app.conf.task_always_eager = True
        app.conf.task_default_queue = previous
