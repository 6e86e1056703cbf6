"""Every error of ``/api/v1/`` is RFC 9457 problem details
(``application/problem+json``: type, title, status, detail)."""

import pytest
from django.db import OperationalError

PROBLEM = "application/problem+json"


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert body["title"] and body["detail"]
    return body


def test_an_unknown_credential_is_a_404_problem(client, db):
    body = assert_problem(client.get("/api/v1/credentials/nope"), 404)
    assert body["detail"] == "no public credential with this id"


def test_an_unknown_path_is_a_404_problem(client, db):
    assert_problem(client.get("/api/v1/no-such-thing"), 404)


def test_a_wrong_method_is_a_405_problem_with_allow(client, db):
    response = client.delete("/api/v1/ping")
    assert_problem(response, 405)
    assert "GET" in response["Allow"]


def test_an_invalid_body_is_a_422_problem_listing_the_errors(client, db):
    response = client.post(
        "/api/v1/verify/credential", data="[1, 2]", content_type="application/json"
    )
    body = assert_problem(response, 422)
    assert body["errors"] and isinstance(body["errors"], list)


def test_over_the_limit_is_a_429_problem_with_retry_after(client, issued, settings):
    settings.LMS_VERIFY_RATE_LIMITS = {"lookup": (1, 60), "upload": (1, 60)}
    client.get(f"/api/v1/credentials/{issued.public_id}")
    response = client.get(f"/api/v1/credentials/{issued.public_id}")
    body = assert_problem(response, 429)
    assert int(response["Retry-After"]) == body["retry_after"] > 0


def test_a_server_error_is_a_500_problem_that_reveals_nothing(client, db, monkeypatch):
    from certification.api import api as module

    def broken(public_id):
        raise OperationalError("connection to server at 10.0.0.5 failed")

    monkeypatch.setattr(module, "credential_status_public", broken)
    client.raise_request_exception = False
    body = assert_problem(client.get("/api/v1/credentials/abc"), 500)
    assert "10.0.0.5" not in body["detail"]


@pytest.mark.parametrize("path", ["/api/v1/openapi.json"])
def test_the_description_documents_problem_details(client, db, path):
    schema = client.get(path).json()
    assert "application/problem+json" in schema["info"]["description"]
    assert set(schema["components"]["schemas"]["Problem"]["required"]) >= {
        "title",
        "status",
        "detail",
    }
    for operations in schema["paths"].values():
        for operation in operations.values():
            responses = operation["responses"]
            assert "default" in responses
            for code, answer in responses.items():
                if code == "default" or int(code) >= 400:
                    assert list(answer["content"]) == ["application/problem+json"]
