"""Production: PostgreSQL, a Redis broker, separate workers, WhiteNoise, HSTS."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import EMAIL_BACKEND, SECRET_KEY, env, env_bool

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
