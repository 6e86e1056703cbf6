"""Reading a status list never writes to the database: lists are published
when they are created and on every status change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from certification.lifecycle import credential_suspend
from certification.models import StatusList

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]


@pytest.mark.parametrize("purpose", ["revocation", "suspension"])
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
    assert StatusList.objects.filter(published__isnull=True).count() == 2
