"""Reading a status list never writes to the database: lists are published
when they are created and on every status change."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from certification.credentials.statuslist import STATUS_SUSPENDED, status_read
from certification.issuance.lifecycle import credential_reinstate, credential_suspend
from certification.issuance.storage import artefact_read
from certification.models import StatusList

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]


@pytest.mark.parametrize("purpose", ["message", "revocation", "suspension"])
def test_the_first_read_of_a_new_issuers_list_writes_nothing(client, issued, purpose):
    """Issuance creates and publishes the lists; a verifier's first GET only
    reads them."""
    assert StatusList.objects.filter(published__isnull=True).count() == 0
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/api/v1/status-lists/cl/{purpose}")
    assert response.status_code == 200
    assert writes(queries) == []


def test_a_status_change_republishes_and_the_read_serves_it(client, issued):
    before = client.get("/api/v1/status-lists/cl/suspension").json()
    credential_suspend(credential=issued, actor=None)
    with CaptureQueriesContext(connection) as queries:
        after = client.get("/api/v1/status-lists/cl/suspension").json()
    assert writes(queries) == []
    assert after["credentialSubject"] != before["credentialSubject"]


def test_a_list_never_published_is_served_without_being_stored(client, issued):
    StatusList.objects.update(published=None)  # rows from before publishing
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/status-lists/cl/revocation")
    assert response.status_code == 200
    assert response.json()["type"][1] == "BitstringStatusListCredential"
    assert writes(queries) == []
    # All of the issuer's lists (message, revocation, suspension) stay unpublished.
    assert StatusList.objects.filter(published__isnull=True).count() == 3


def test_a_message_list_that_predates_is_served_without_being_stored(client, issued):
    """An issuer whose lists predate the ``message`` list: the GET builds it
    from the statuses for the answer and stores nothing; the next status
    change creates and publishes it."""
    credential_suspend(credential=issued, actor=None)
    StatusList.objects.filter(purpose="message").delete()
    entry = json.loads(artefact_read(issued.json_file))["credentialStatus"]
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/status-lists/cl/message")
    assert response.status_code == 200
    assert writes(queries) == []
    assert not StatusList.objects.filter(purpose="message").exists()
    assert status_read(entry, response.json()) == STATUS_SUSPENDED
    credential_reinstate(credential=issued, actor=None)
    published = StatusList.objects.get(purpose="message").published
    assert published is not None
    assert status_read(entry, published) == 0
