"""Settings for the verification benchmark's gunicorn server (not a test module).

Production-like (DEBUG off, the full middleware stack), over plain HTTP on
loopback, with the rate limits raised so the load generator is not throttled.
"""

from lms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "benchmark-only-secret-key"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LMS_VERIFY_RATE_LIMITS = {"lookup": (10**9, 60), "upload": (10**9, 60)}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
