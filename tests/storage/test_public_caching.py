"""Status lists and issuer documents carry ETag and Cache-Control for a CDN,
and a conditional request answers 304."""

import pytest

from certification.issuance.lifecycle import credential_revoke
from tests.verification.conftest import issue_for

STATUS_LIST_PATHS = [
    "/api/v1/status-lists/cl/message",
    "/credentials/status/cl/message/",
    "/credentials/status/cl/revocation/",
]
ISSUER_PATHS = [
    "/issuers/cl/did.json",
    "/issuers/cl/jwks.json",
    "/api/v1/issuers",
    "/api/v1/issuers/cl",
    "/api/v1/issuers/cl/did.json",
]


@pytest.fixture
def issued(program, django_capture_on_commit_callbacks):
    return issue_for(program, django_capture_on_commit_callbacks)


@pytest.mark.parametrize(
    ("path", "max_age"),
    [(path, 60) for path in STATUS_LIST_PATHS] + [(path, 900) for path in ISSUER_PATHS],
)
def test_public_documents_are_cacheable_and_answer_304(client, issued, path, max_age):
    first = client.get(path)
    assert first.status_code == 200, path
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    directives = {part.strip() for part in first["Cache-Control"].split(",")}
    assert directives == {"public", f"max-age={max_age}"}

    again = client.get(path, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert "max-age" in again["Cache-Control"]

    other = client.get(path, headers={"if-none-match": '"something-else"'})
    assert other.status_code == 200 and other.content == first.content


def test_a_revocation_changes_the_status_list_etag(client, issued):
    path = "/credentials/status/cl/message/"
    before = client.get(path)["ETag"]
    credential_revoke(credential=issued, actor=None, reason="Fraude documental")
    after = client.get(path, headers={"if-none-match": before})
    assert after.status_code == 200
    assert after["ETag"] != before


def test_errors_and_private_pages_are_not_publicly_cached(client, issued):
    missing = client.get("/issuers/zz/did.json")
    assert missing.status_code == 404
    assert "public" not in missing.get("Cache-Control", "")
    assert not missing.has_header("ETag")
    page = client.get(f"/verify/{issued.public_id}/")
    assert "public" not in page.get("Cache-Control", "")
