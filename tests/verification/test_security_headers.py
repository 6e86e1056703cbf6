"""Security headers: a strict CSP on the public site, a looser one for the
admins (which must keep working), JSON endpoints locked down, HSTS in
production."""

import os
import subprocess
import sys
from pathlib import Path

from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]


def directives(response) -> dict:
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:]
        for part in (p.strip() for p in policy.split(";"))
        if part
    }


def test_public_pages_get_a_strict_policy_with_a_fresh_nonce(client, db):
    first = directives(client.get("/verify/"))
    second = directives(client.get("/verify/"))

    assert first["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in first["script-src"]
    assert "'unsafe-eval'" not in first["script-src"]
    assert "'unsafe-inline'" not in first["style-src"]
    assert first["object-src"] == ["'none'"]
    assert first["frame-ancestors"] == ["'none'"]
    nonces = [
        [s for s in d["script-src"] if s.startswith("'nonce-")] for d in (first, second)
    ]
    assert len(nonces[0]) == 1 and nonces[0] != nonces[1]


def test_json_endpoints_allow_nothing_to_load(client, db):
    policy = directives(client.get("/api/v1/ping"))

    assert policy["default-src"] == ["'none'"]


def test_wagtail_admin_gets_its_looser_policy_and_still_loads(client, db):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)

    response = client.get("/admin/")

    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert b"wagtail" in response.content.lower()


def test_hardening_headers_everywhere(client, db):
    response = client.get("/verify/")

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Permissions-Policy"].startswith("camera=()")
    assert "Access-Control-Allow-Origin" not in response


def test_hsts_is_sent_over_https_with_the_production_settings():
    """The production settings module turns HSTS on (a year, subdomains,
    preload); checked in a fresh process because it refuses insecure keys."""
    code = (
        "import django; from django.conf import settings; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/health/', secure=True, HTTP_HOST='localhost');"
        "print(r['Strict-Transport-Security'])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "DJANGO_SECRET_KEY": "a-production-like-secret-key-for-this-test-only-9x7Q2",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "DJANGO_ALLOWED_HOSTS": "localhost",
        "LMS_PUBLIC_URL": "https://localhost",
        "LMS_KEY_PASSPHRASE": "una frase de prueba",
        "LMS_KEY_DIR": str(ROOT / "var" / "no-keys"),
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "max-age=31536000; includeSubDomains; preload"
