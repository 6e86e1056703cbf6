"""Production settings refuse to start with a weak secret key or with e-mail
silently left on the console; each refusal is one clear line."""

import os
import subprocess
import sys

from django.conf import settings

GOOD_KEY = "k3Jw9-pQz7VxT2mLr8sYb4NcFh6GdAe1UiOo5WqZyXtRvBnMpLkJhGfDsA"
SMTP = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE = "django.core.mail.backends.console.EmailBackend"


def load(**environment) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    env.setdefault("LMS_PUBLIC_URL", "https://certificados.example.org")
    # Key custody (see tests/credentials/test_keys_encrypted.py): encrypted
    # keys, here none at all.
    env.setdefault("LMS_KEY_PASSPHRASE", "una frase de prueba")
    env.setdefault("LMS_KEY_DIR", str(settings.BASE_DIR / "var" / "no-keys"))
    env.update(environment)
    code = "import lms.settings.production as s; print('ok', s.EMAIL_BACKEND)"
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )


def refusal(result) -> str:
    assert result.returncode != 0
    return result.stderr.strip().splitlines()[-1]


def test_a_strong_key_and_a_chosen_backend_start():
    result = load(DJANGO_SECRET_KEY=GOOD_KEY, DJANGO_EMAIL_BACKEND=SMTP)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ok {SMTP}"


def test_the_console_backend_chosen_on_purpose_starts():
    result = load(DJANGO_SECRET_KEY=GOOD_KEY, DJANGO_EMAIL_BACKEND=CONSOLE)
    assert result.returncode == 0, result.stderr


def test_an_unset_key_is_refused():
    line = refusal(load(DJANGO_EMAIL_BACKEND=SMTP))
    assert "DJANGO_SECRET_KEY must be set" in line


def test_a_short_key_is_refused():
    line = refusal(load(DJANGO_SECRET_KEY="x", DJANGO_EMAIL_BACKEND=SMTP))
    assert "at least 50" in line


def test_a_missing_public_address_is_refused():
    env = {"DJANGO_SECRET_KEY": GOOD_KEY, "DJANGO_EMAIL_BACKEND": SMTP}
    line = refusal(load(LMS_PUBLIC_URL="", **env))
    assert "LMS_PUBLIC_URL must be" in line


def test_a_development_key_is_refused():
    for key in ("insecure-development-key-change-me", "django-insecure-" + "a1" * 30):
        line = refusal(load(DJANGO_SECRET_KEY=key, DJANGO_EMAIL_BACKEND=SMTP))
        assert "development key" in line


def test_a_long_but_uniform_key_is_refused():
    line = refusal(load(DJANGO_SECRET_KEY="x" * 80, DJANGO_EMAIL_BACKEND=SMTP))
    assert "at least 50 varied" in line


def test_an_unset_e_mail_backend_is_refused():
    line = refusal(load(DJANGO_SECRET_KEY=GOOD_KEY))
    assert "DJANGO_EMAIL_BACKEND is not set" in line
