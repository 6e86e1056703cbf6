"""Production: PostgreSQL, a Redis broker, separate workers, WhiteNoise, HSTS."""

import sys

from django.core.exceptions import ImproperlyConfigured

from lms.keyfiles import unencrypted_private_keys

from .base import *  # noqa: F403
from .base import EMAIL_BACKEND, LMS_KEY_DIR, SECRET_KEY, env, env_bool

DEBUG = False

# Refuse to start rather than run with a guessable key or drop every e-mail.
MIN_SECRET_KEY_LENGTH = 50
KNOWN_SECRET_KEYS = {"insecure-development-key-change-me", "test-secret-key"}
if not env("DJANGO_SECRET_KEY"):
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
if SECRET_KEY in KNOWN_SECRET_KEYS or SECRET_KEY.startswith(
    ("insecure", "django-insecure", "dev-", "change-me")
):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is a development key: set a random one in production."
    )
if len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        f"DJANGO_SECRET_KEY must be at least {MIN_SECRET_KEY_LENGTH} varied "
        "characters in production (python -c 'import secrets; "
        "print(secrets.token_urlsafe(64))')."
    )
if EMAIL_BACKEND.endswith("console.EmailBackend") and not env("DJANGO_EMAIL_BACKEND"):
    raise ImproperlyConfigured(
        "DJANGO_EMAIL_BACKEND is not set: production would print e-mails on the "
        "console. Set it (django.core.mail.backends.smtp.EmailBackend), or to "
        "the console backend on purpose."
    )
if not env("LMS_PUBLIC_URL"):
    raise ImproperlyConfigured(
        "LMS_PUBLIC_URL must be set in production (e.g. https://certificados.example.org)."
    )

# Key custody: private keys in an HSM, or in files encrypted with the
# passphrase; never in the clear (``issuer_keys --all --encrypt`` encrypts
# them, and is the one command allowed to start while they are not).
if not env("LMS_KEY_PASSPHRASE") and not env("LMS_PKCS11_MODULE"):
    raise ImproperlyConfigured(
        "LMS_KEY_PASSPHRASE is not set: production keeps issuer private keys "
        "encrypted (or set LMS_PKCS11_MODULE to keep them in an HSM)."
    )
if sys.argv[1:2] != ["issuer_keys"]:
    _plain = unencrypted_private_keys(LMS_KEY_DIR)
    if _plain:
        raise ImproperlyConfigured(
            f"{len(_plain)} issuer private key file(s) are not encrypted (first: "
            f"{_plain[0]}): run manage.py issuer_keys --all --encrypt."
        )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Observability: JSON log lines unless LMS_LOG_FORMAT says otherwise ------
from lms.observability.logs import logging_config  # noqa: E402

LMS_LOG_FORMAT = env("LMS_LOG_FORMAT", "json")
LOGGING = logging_config(fmt=LMS_LOG_FORMAT, level=env("DJANGO_LOG_LEVEL", "INFO"))
# --- end Observability --------------------------------------------------------
