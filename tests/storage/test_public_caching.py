"""Status lists and issuer documents carry ETag and Cache-Control for a CDN,
and a conditional request answers 304. The public documents answer HEAD as
GET without the body."""

import pytest
from django.core.cache import cache
from django.core.handlers.base import BaseHandler
from django.test import RequestFactory

from certification.issuance.lifecycle import credential_revoke
from certification.models import VerificationLog
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


HEAD_PATHS = [
    *STATUS_LIST_PATHS,
    "/en/credentials/status/cl/message/",
    *ISSUER_PATHS,
    "/api/v1/openapi.json",
    "/api/v1/ping",
    "/api/v1/credentials/{public_id}",
    "/verify/",
    "/en/verify/",
    "/verify/{public_id}/",
    "/.well-known/openid-credential-issuer",
    "/.well-known/oauth-authorization-server",
]
SAME_HEADERS = ("Content-Type", "Content-Length", "ETag", "Cache-Control")


def raw_response(request):
    """The application's own answer, before the test client drops a HEAD's
    body as a server would."""
    handler = BaseHandler()
    handler.load_middleware()
    return handler.get_response(request)


@pytest.mark.parametrize("template", HEAD_PATHS)
def test_head_answers_like_get_without_the_body(client, issued, template):
    path = template.format(public_id=issued.public_id)
    got = client.get(path)
    assert got.status_code == 200, path
    head = client.head(path)
    assert head.status_code == 200, path
    assert head["Content-Length"] == str(len(got.content))
    for name in SAME_HEADERS:
        assert head.get(name) == got.get(name), (path, name)

    body = raw_response(RequestFactory().head(path))
    assert body.status_code == 200 and body.content == b""
    assert body["Content-Length"] == str(len(got.content))


@pytest.mark.parametrize("path", STATUS_LIST_PATHS + ISSUER_PATHS)
def test_a_conditional_head_answers_304(client, issued, path):
    etag = client.head(path)["ETag"]
    again = client.head(path, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again["ETag"] == etag
    changed = client.head(path, headers={"if-none-match": '"something-else"'})
    assert changed.status_code == 200 and changed["ETag"] == etag


def test_a_head_of_the_verify_page_logs_no_verification(client, issued):
    cache.clear()  # no earlier test's verification deduplicates this one
    path = f"/verify/{issued.public_id}/"
    assert client.head(path).status_code == 200
    assert client.head(f"/api/v1/credentials/{issued.public_id}").status_code == 200
    assert not VerificationLog.objects.filter(credential=issued).exists()
    client.get(path)
    assert VerificationLog.objects.filter(credential=issued).count() == 1


def test_head_stays_refused_where_get_is_not_public(client, issued):
    assert client.head("/verify/upload/").status_code == 405
    for path in ("/api/v1/ping", "/issuers/cl/did.json"):
        refused = client.delete(path)
        assert refused.status_code == 405
        assert {m.strip() for m in refused["Allow"].split(",")} == {"GET", "HEAD"}
    missing = client.head("/issuers/zz/did.json")
    assert missing.status_code == 404 and not missing.has_header("ETag")
