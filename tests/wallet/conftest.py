"""An active credential of a learner, issued on the live server's address
(``active``) or on the test client's (``issued``)."""

import pytest

from certification.issuance.service import credential_issue
from tests.issuance.conftest import eligible, issuer_keys, program  # noqa: F401


@pytest.fixture
def public_address(settings, live_server):
    settings.LMS_PUBLIC_URL = live_server.url
    return live_server.url


@pytest.fixture
def active(public_address, eligible, program, django_capture_on_commit_callbacks):  # noqa: F811
    with django_capture_on_commit_callbacks(execute=True):
        credential = credential_issue(user=eligible, program=program)
    credential.refresh_from_db()
    return credential


@pytest.fixture
def issued(settings, eligible, program, django_capture_on_commit_callbacks):  # noqa: F811
    settings.LMS_PUBLIC_URL = "http://testserver"
    with django_capture_on_commit_callbacks(execute=True):
        credential = credential_issue(user=eligible, program=program)
    credential.refresh_from_db()
    return credential
