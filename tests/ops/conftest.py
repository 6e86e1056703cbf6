"""Fixtures shared with the issuance tests (keys, private storage, a
program), officers, and a credential whose build failed."""

import pytest

from certification.credentials import keys
from certification.issuance.service import credential_issue
from certification.models import Credential
from certification.roles import officer_roles_sync
from tests.factories import UserFactory
from tests.issuance.conftest import issuer_keys, make_eligible, program  # noqa: F401


@pytest.fixture
def groups(db):
    return officer_roles_sync()


@pytest.fixture
def chile_officer(client, groups):
    officer = UserFactory(username="oficial-cl")
    officer.groups.add(groups["CL"])
    client.force_login(officer)
    return officer


@pytest.fixture
def failed(program, settings, django_capture_on_commit_callbacks):  # noqa: F811
    """A credential whose build failed for good: its issuer's keys are gone."""
    hidden = settings.LMS_KEY_DIR / "hidden-CL"
    keys.key_directory("CL").rename(hidden)
    learner = make_eligible(program)
    with (
        pytest.raises(keys.IssuerKeysMissing),
        django_capture_on_commit_callbacks(execute=True),
    ):
        credential_issue(user=learner, program=program)
    credential = Credential.objects.get(holder=learner)
    credential.hidden_keys = hidden
    return credential


def keys_restore(credential):
    credential.hidden_keys.rename(keys.key_directory("CL"))
