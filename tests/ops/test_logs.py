"""JSON log lines with a request id, returned to the client and carried into
the tasks the request starts (in-process here; through the broker to a real
worker in test_workers)."""

import re

import pytest

from certification.models import CredentialStatus

from .conftest import keys_restore
from .logcapture import json_log_lines

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_request_and_the_task_it_queues_log_the_same_id(
    failed, chile_officer, client
):
    keys_restore(failed)
    with json_log_lines("lms.request", "lms.task") as records:
        response = client.post(
            f"/admin/credentials/queue/{failed.public_id}/retry/",
            HTTP_X_REQUEST_ID="req-7f3a9c",
        )
    assert response.status_code == 302
    assert response["X-Request-ID"] == "req-7f3a9c"
    failed.refresh_from_db()
    assert failed.status == CredentialStatus.ACTIVE

    lines = records()
    (request_line,) = [line for line in lines if line["logger"] == "lms.request"]
    assert request_line["request_id"] == "req-7f3a9c"
    assert request_line["status"] == 302 and request_line["method"] == "POST"
    assert request_line["level"] == "info" and "timestamp" in request_line
    task_lines = [line for line in lines if line["logger"] == "lms.task"]
    assert {line["task"] for line in task_lines} >= {"certification.issue_credential"}
    assert {line["request_id"] for line in task_lines} == {"req-7f3a9c"}
    events = [line["event"] for line in task_lines]
    assert events[0] == "task certification.issue_credential started"
    assert "task certification.issue_credential succeeded" in events
    # The e-mail task the build queued carries the same id.
    assert "task notifications.send succeeded" in events


def test_each_request_gets_its_own_id_and_odd_ones_are_replaced(client):
    with json_log_lines("lms.request") as records:
        first = client.get("/health/live/")["X-Request-ID"]
        second = client.get("/health/live/")["X-Request-ID"]
        odd = client.get("/health/live/", HTTP_X_REQUEST_ID="two words\nand a newline")[
            "X-Request-ID"
        ]
    assert re.fullmatch(r"[0-9a-f]{32}", first) and first != second
    assert re.fullmatch(r"[0-9a-f]{32}", odd)
    assert [line["request_id"] for line in records()] == [first, second, odd]
