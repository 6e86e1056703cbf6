"""Settings of the horizontal-scale benchmarks' processes (not a test module):
production-like, PostgreSQL and Redis from the environment, every task (the
builds and the e-mails they queue) on the benchmark's own queue."""

from lms.settings.base import *  # noqa: F403
from lms.settings.base import env

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
CELERY_TASK_DEFAULT_QUEUE = env("BENCH_QUEUE", "celery")
