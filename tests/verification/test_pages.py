"""The public verify pages: verdicts, minimal disclosure, privacy, i18n."""

import re

import pytest

from certification.issuance.lifecycle import (
    credential_expire,
    credential_revoke,
    credential_suspend,
)
from certification.models import VerificationLog
from tests.factories import UserFactory

CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def verdict_of(response) -> str:
    match = re.search(rb'data-verdict="([a-z_]+)"', response.content)
    return match.group(1).decode() if match else ""


def test_qr_target_shows_valid_with_holder_occupation_units_issuer_and_dates(
    client, issued
):
    """The QR URL answers «Válido» in words and with an icon, then the facts."""
    response = client.get(f"/verify/{issued.public_id}/")

    assert response.status_code == 200
    assert verdict_of(response) == "valid"
    html = response.content.decode()
    assert "Válido" in html
    assert 'class="verdict-icon" aria-hidden="true">✔' in html
    for fact in (
        "Ana María Pérez Núñez",
        issued.program_title,
        issued.standard_code,
        "Unidad 1",
        issued.issuer.name,
        "Vigente hasta",
    ):
        assert fact in html


def test_page_never_shows_identity_document_scores_or_hidden_choices(client, issued):
    """No national ID (nor its hash); units and assessors only if chosen."""
    issued.disclose_units = False
    issued.disclose_assessors = False
    issued.save()

    html = client.get(f"/verify/{issued.public_id}/").content.decode()

    assert issued.holder.national_id not in html
    assert issued.holder_id_hash not in html
    assert "Unidad 1" not in html
    assert "Rosa Evaluadora" not in html


def test_revoked_credential_shows_the_verdict_and_its_reason(client, issued):
    credential_revoke(credential=issued, actor=None, reason="Fraude en la evaluación")

    response = client.get(f"/verify/{issued.public_id}/")

    assert verdict_of(response) == "revoked"
    assert "Revocado" in response.content.decode()
    assert "Fraude en la evaluación" in response.content.decode()


def test_suspended_and_expired_credentials_say_so(client, issue):
    suspended, expired = issue(name="Uno Suspendido"), issue(name="Dos Vencido")
    credential_suspend(credential=suspended, actor=None, reason="En revisión")
    expired.valid_until = expired.issued_at.replace(year=expired.issued_at.year - 1)
    expired.save()
    credential_expire(credential=expired)

    assert verdict_of(client.get(f"/verify/{suspended.public_id}/")) == "suspended"
    assert verdict_of(client.get(f"/verify/{expired.public_id}/")) == "expired"


def test_active_credential_past_its_validity_is_expired_before_the_daily_task(
    client, issued
):
    issued.valid_until = issued.issued_at.replace(year=issued.issued_at.year - 1)
    issued.save()

    assert verdict_of(client.get(f"/verify/{issued.public_id}/")) == "expired"


def test_private_and_nonexistent_ids_get_the_same_answer(client, issued):
    """Byte-identical bodies apart from the CSRF token and the id in the URL
    (which the language switcher repeats), same status, same headers."""
    issued.public = False
    issued.save()
    unknown = "0" * 32

    private = client.get(f"/verify/{issued.public_id}/")
    missing = client.get(f"/verify/{unknown}/")

    assert private.status_code == missing.status_code == 404
    assert verdict_of(private) == "not_found"

    def normalised(response, public_id):
        body = CSRF.sub(b"CSRF", response.content)
        return body.replace(public_id.encode(), b"ID")

    assert normalised(private, issued.public_id) == normalised(missing, unknown)
    assert issued.public_id.encode() not in CSRF.sub(b"", private.content).replace(
        f"/verify/{issued.public_id}/".encode(), b""
    )
    assert set(private.headers) == set(missing.headers)
    assert not VerificationLog.objects.exists()


@pytest.mark.parametrize(
    "bad_id",
    [
        "x",
        "0" * 31,
        "0" * 33,
        "g" * 32,
        "%00",
        "'%20OR%201=1--",
        "ñandú",
        "a" * 400,
    ],
)
def test_malformed_ids_get_the_not_found_answer_never_a_server_error(
    client, db, bad_id
):
    response = client.get(f"/verify/{bad_id}/")

    assert response.status_code == 404
    assert verdict_of(response) == "not_found"


def test_ids_with_path_separators_are_a_plain_404(client, db):
    assert client.get("/verify/..%2F..%2Fetc%2Fpasswd/").status_code == 404


def test_pending_credential_is_not_found(client, program):
    from certification.issuance.service import credential_issue
    from tests.factories import make_eligible

    pending = credential_issue(user=make_eligible(program), program=program)

    assert verdict_of(client.get(f"/verify/{pending.public_id}/")) == "not_found"


def test_code_form_accepts_spaced_upper_case_codes_and_whole_links(client, issued):
    spaced = " ".join(issued.public_id.upper()[i : i + 4] for i in range(0, 32, 4))
    link = f"https://example.org/en/verify/{issued.public_id}/"

    for code in (spaced, link):
        response = client.get("/verify/", {"code": code})
        assert response.status_code == 302
        assert response["Location"] == f"/verify/{issued.public_id}/?via=code"


def test_bad_code_in_the_form_gets_not_found(client, db):
    response = client.get("/verify/", {"code": "no es un código"})

    assert response.status_code == 404
    assert verdict_of(response) == "not_found"


def test_english_page_at_en_prefix(client, issued):
    response = client.get(f"/en/verify/{issued.public_id}/")

    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert '<html lang="en">' in response.content.decode()


def test_pages_are_noindex_in_header_and_meta(client, issued):
    for url in ("/verify/", f"/verify/{issued.public_id}/", f"/verify/{'0' * 32}/"):
        response = client.get(url)
        assert "noindex" in response["X-Robots-Tag"]
        assert b'<meta name="robots" content="noindex' in response.content


def test_each_lookup_is_logged_by_method_without_the_client_address(client, issued):
    client.get(f"/verify/{issued.public_id}/", REMOTE_ADDR="203.0.113.7")
    client.get(f"/verify/{issued.public_id}/?via=code", REMOTE_ADDR="203.0.113.7")

    entries = list(VerificationLog.objects.order_by("pk"))
    assert [(e.method, e.result) for e in entries] == [
        ("qr", "valid"),
        ("page", "valid"),
    ]
    assert entries[0].client_hash == entries[1].client_hash
    assert "203.0.113.7" not in entries[0].client_hash
    assert len(entries[0].client_hash) == 16


def test_repeated_lookups_by_one_client_are_logged_once_per_hour(client, issued):
    for _ in range(3):
        client.get(f"/verify/{issued.public_id}/", REMOTE_ADDR="203.0.113.7")
    client.get(f"/verify/{issued.public_id}/", REMOTE_ADDR="203.0.113.8")

    assert VerificationLog.objects.count() == 2


def test_holder_sees_the_verifications_of_their_credentials_only(client, issued):
    client.get(f"/verify/{issued.public_id}/")
    other = UserFactory()

    client.force_login(issued.holder)
    mine = client.get("/verify/mine/").content.decode()
    client.force_login(other)
    theirs = client.get("/verify/mine/").content.decode()

    assert issued.program_title in mine
    assert "Enlace o código QR" in mine
    assert issued.program_title not in theirs


def test_lookups_over_the_limit_get_429_with_retry_after(client, issued, settings):
    settings.LMS_VERIFY_RATE_LIMITS = {"lookup": (3, 60)}
    url = f"/verify/{issued.public_id}/"

    statuses = [client.get(url).status_code for _ in range(4)]
    other_client = client.get(url, REMOTE_ADDR="198.51.100.9")

    assert statuses == [200, 200, 200, 429]
    response = client.get(url)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert other_client.status_code == 200


def test_status_and_disclosure_changes_show_at_once_despite_the_snapshot_cache(
    client, issued
):
    url = f"/verify/{issued.public_id}/"
    assert verdict_of(client.get(url)) == "valid"

    credential_revoke(credential=issued, actor=None, reason="Emitido por error")
    revoked = client.get(url)
    issued.refresh_from_db()
    issued.disclose_units = False
    issued.save()
    hidden = client.get(url)
    issued.public = False
    issued.save()

    assert verdict_of(revoked) == "revoked"
    assert "Emitido por error" in revoked.content.decode()
    assert "Unidad 1" not in hidden.content.decode()
    assert client.get(url).status_code == 404


def test_behind_a_trusted_proxy_clients_are_told_apart_by_x_forwarded_for(
    client, issued, settings
):
    settings.LMS_VERIFY_RATE_LIMITS = {"lookup": (1, 60)}
    settings.LMS_TRUSTED_PROXIES = 1
    url = f"/verify/{issued.public_id}/"

    first = client.get(url, HTTP_X_FORWARDED_FOR="203.0.113.1")
    second = client.get(url, HTTP_X_FORWARDED_FOR="203.0.113.2")
    again = client.get(url, HTTP_X_FORWARDED_FOR="198.51.100.5, 203.0.113.1")

    assert [first.status_code, second.status_code, again.status_code] == [
        200,
        200,
        429,
    ]
