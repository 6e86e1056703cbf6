"""Settings for the test suite. Services come from the environment when set."""

from lms.plugin_loader import plugin_apps

from .base import *  # noqa: F403
from .base import BASE_DIR, INSTALLED_APPS, LMS_PLUGINS_EXCLUDE, env

# The test-only plugins (LMS_PLUGINS_TEST_ONLY) load here, and only here.
INSTALLED_APPS = [
    *INSTALLED_APPS,
    *(
        app
        for app in plugin_apps(exclude=LMS_PLUGINS_EXCLUDE)
        if app not in INSTALLED_APPS
    ),
]

SECRET_KEY = "test-secret-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if env("LMS_TEST_EMAIL_DIR"):  # worker processes of the worker-kill tests
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env("LMS_TEST_EMAIL_DIR")
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private"
LMS_KEY_DIR = BASE_DIR / "var" / "test-keys"
LMS_PUBLIC_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = LMS_PUBLIC_URL
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if not env("DATABASE_URL"):
    DATABASES = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
    }
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": "WARNING"},
}

# Ordinary tests run tasks in-process even when a broker is configured; the
# worker tests (marked ``services``) switch this off to go through the broker.
CELERY_TASK_ALWAYS_EAGER = True
# A worker started by those tests queues its own follow-up tasks (e-mails) on
# the private queue it consumes.
CELERY_TASK_DEFAULT_QUEUE = env("LMS_TEST_CELERY_QUEUE", "celery")

# --- Observability: a worker started by a test may be asked for its log lines.
if env("LMS_LOG_FORMAT"):
    from lms.observability.logs import logging_config

    LOGGING = logging_config(fmt=env("LMS_LOG_FORMAT"), level="INFO")
# --- end Observability --------------------------------------------------------
