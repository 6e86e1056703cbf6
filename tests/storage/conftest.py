"""Issuer keys and a program for the operations tests (object storage,
backup and restore, public caching)."""

import pytest

from certification.credentials import keys
from tests.certification.conftest import make_program, make_standard


@pytest.fixture
def issuer_keys(settings, tmp_path):
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    keys.issuer_keys_generate(
        issuer_code="CL",
        organisation="Ministerio de las Culturas, las Artes y el Patrimonio",
    )
    return "CL"


@pytest.fixture
def program(db, issuer_keys):
    standard = make_standard("CL", units=3, criteria=0)
    return make_program(standard, code="cl-edicion", validity_years=3)
