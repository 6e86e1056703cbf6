"""Settings shared by every environment, read from the process environment."""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from lms.accounts.timezones import TIME_ZONE_CHOICES
from lms.ops.objectstore import s3_storages_from_env
from lms.plugin_loader import plugin_apps
from lms.public_url import public_url_parse

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("DJANGO_SECRET_KEY", "insecure-development-key-change-me")
DEBUG = env_bool("DJANGO_DEBUG", False)

# The one public address of the site. Every absolute URL (QR codes and links in
# certificates, credential, status-list and did:web ids, e-mails, the CMS's
# links) is built from it by lms.public_url; `make demo` sets it to the address
# it serves. A signed certificate keeps the address it was issued under.
LMS_PUBLIC_URL = env("LMS_PUBLIC_URL", "http://127.0.0.1:8000").strip().rstrip("/")
_PUBLIC_SCHEME, _PUBLIC_HOST, _PUBLIC_PORT = public_url_parse(LMS_PUBLIC_URL)
WAGTAILADMIN_BASE_URL = LMS_PUBLIC_URL

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", f"{_PUBLIC_HOST},127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", LMS_PUBLIC_URL)

# The plugin loader extends this list with every app registered under the
# ``lms.assessments``, ``lms.content`` and ``lms.integrations`` entry-point
# groups (see lms.plugin_loader); an app not registered is simply not added.
LMS_PLUGINS_EXCLUDE = env_list("LMS_PLUGINS_EXCLUDE")

INSTALLED_APPS = [
    "lms.accounts",
    "lms.reference",
    "lms.audit",
    "lms.web",
    "lms.notifications",
    "lms.xapi",
    "certification",
    "plugins",
    "courses",
    "courses.reports",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]
# Plugins that load only under the test settings (lms.settings.test): the test
# suite's own plugin, pip-installed by the Makefile, never shows in the site.
LMS_PLUGINS_TEST_ONLY = env_list("LMS_PLUGINS_TEST_ONLY", "testdummy")
# Every assessment plugin declared under the ``lms.assessments`` entry points.
INSTALLED_APPS += plugin_apps(exclude=[*LMS_PLUGINS_EXCLUDE, *LMS_PLUGINS_TEST_ONLY])

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lms.web.caching.PublicHeadMiddleware",
    "lms.web.caching.PublicDocumentCacheMiddleware",
    "lms.web.problems.ApiProblemMiddleware",
    "lms.web.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lms.audit.context.AuditContextMiddleware",
    "lms.accounts.middleware.TimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Persistent connections, each checked before a request reuses it, so a
# database restart costs no failed request.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
# SQLite (the embedded default): write-ahead logging lets readers go on while
# one request writes; transactions take the write lock as they begin, and a
# writer waits up to 20 s for it, so concurrent requests queue instead of
# failing with «database is locked».
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {
        **SQLITE_OPTIONS,
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": (
            "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
        )
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "courses:dashboard"
LOGOUT_REDIRECT_URL = "/"

# django-allauth: e-mail is the login, verified before first sign-in.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_SIGNUP_FORM_CLASS = "lms.accounts.forms.SignupExtraForm"
ACCOUNT_FORMS = {"signup": "lms.accounts.signup.SignupForm"}
# Sign-up and password reset answer alike whether or not an address (or an
# identity document, see lms.accounts.signup) is registered.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_ADAPTER = "lms.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Cultura AP] "
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False

LANGUAGE_CODE = "es"
LANGUAGES = [("es", "Español"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Lima"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "lms" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Learner uploads and credential files never live under MEDIA_ROOT: they are
# served by views that check permissions.
PRIVATE_MEDIA_ROOT = Path(
    env("LMS_PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private"))
)
LMS_KEY_DIR = Path(env("LMS_KEY_DIR", str(BASE_DIR / "var" / "keys")))
# Key custody (README, "Key custody"): private key files are encrypted with
# this passphrase when it is set; keys can instead live in a PKCS#11 token
# (an HSM; SoftHSM2 in the tests): module library, token for new keys, PIN.
LMS_KEY_PASSPHRASE = env("LMS_KEY_PASSPHRASE", "")
LMS_PKCS11_MODULE = env("LMS_PKCS11_MODULE", "")
LMS_PKCS11_TOKEN = env("LMS_PKCS11_TOKEN", "")
LMS_PKCS11_PIN = env("LMS_PKCS11_PIN", "")
# PINs of other tokens, by token label (an issuer's keys in a token of its own).
LMS_PKCS11_PINS: dict = {}
# Certificates are stamped on their template's laid-out page (fast); off,
# each one is laid out in full by WeasyPrint.
LMS_CERTIFICATE_STAMPING = env_bool("LMS_CERTIFICATE_STAMPING", True)
# Uploaded PDFs (verify page, API, credential_verify) are read in a sandboxed
# child process within a budget: the fields of
# certification.credentials.pdfsafe.Budget, overridden here one by one, e.g.
# {"seconds": 10, "memory_bytes": 256 * 1024 * 1024}. See docs/architecture.md.
LMS_PDF_BUDGET: dict = {}
# Verifications of PDFs running at once: per web process, and across every
# process (slots in the shared cache). Beyond them: 503 with Retry-After.
LMS_PDF_VERIFY_CONCURRENCY = int(env("LMS_PDF_VERIFY_CONCURRENCY", "2"))
LMS_PDF_VERIFY_SLOTS = int(env("LMS_PDF_VERIFY_SLOTS", "4"))

# Limits of uploaded content packages (plugins.packages.PackageLimits fields:
# max_upload, max_total, max_entries, max_ratio), for all, then per sector
# code over those: audiovisual packages carry video.
LMS_CONTENT_PACKAGE_LIMITS: dict = {}
LMS_CONTENT_PACKAGE_LIMITS_BY_SECTOR: dict = {
    "audiovisual": {"max_upload": 1024 * 1024 * 1024, "max_total": 2048 * 1024 * 1024},
}

# xAPI statements to an external Learning Record Store (lms.xapi): its xAPI
# endpoint (statements go to <url>/statements) and Basic-auth credentials.
# Empty URL: nothing is sent.
LMS_XAPI_LRS_URL = env("LMS_XAPI_LRS_URL")
LMS_XAPI_LRS_USERNAME = env("LMS_XAPI_LRS_USERNAME")
LMS_XAPI_LRS_PASSWORD = env("LMS_XAPI_LRS_PASSWORD")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Object storage (see lms.ops.objectstore): with LMS_S3_BUCKET set, CMS media,
# credential files and learner uploads live in that S3-compatible bucket
# (LMS_S3_ENDPOINT_URL, LMS_S3_ACCESS_KEY_ID, LMS_S3_SECRET_ACCESS_KEY),
# private, read by the server or through signed URLs valid LMS_S3_URL_SECONDS.
STORAGES.update(s3_storages_from_env(env))
# Shared caches (a CDN) may keep status lists and issuer documents (DID
# documents, JWK Sets, issuer profiles) this long; see lms.web.caching.
LMS_CACHE_STATUS_LIST_SECONDS = int(env("LMS_CACHE_STATUS_LIST_SECONDS", "60"))
LMS_CACHE_ISSUER_SECONDS = int(env("LMS_CACHE_ISSUER_SECONDS", "900"))
# Downloads of credentials and uploads answer with a redirect to a signed URL
# of the bucket instead of passing the bytes through the web process (the
# bucket's address must then be reachable by browsers).
LMS_S3_SIGNED_URLS = env_bool("LMS_S3_SIGNED_URLS", False)

EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "Cultura AP <no-reply@localhost>")

# Celery: with no broker configured every task runs eagerly, in-process.
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", CELERY_BROKER_URL or None)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# With late acknowledgement, Redis hands a task whose worker died to another
# worker once this many seconds have passed (Celery's default is one hour).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(env("CELERY_VISIBILITY_TIMEOUT", "600"))
}
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# Task modules outside an app's top-level ``tasks`` (which autodiscovery finds).
CELERY_IMPORTS = ["certification.issuance.tasks", "certification.issuance.lifecycle"]
# Daily credential upkeep (celery beat): expiry, then renewal reminders sent
# LMS_RENEWAL_REMINDER_DAYS days before a credential's validity ends.
LMS_RENEWAL_REMINDER_DAYS = int(env("LMS_RENEWAL_REMINDER_DAYS", "60"))
CELERY_BEAT_SCHEDULE = {
    "credentials-expire": {
        "task": "certification.expire_credentials",
        "schedule": 24 * 60 * 60,
    },
    "credentials-renewal-reminders": {
        "task": "certification.send_renewal_reminders",
        "schedule": 24 * 60 * 60,
    },
    # The outbox: e-mails recorded but left unsent (a worker killed, the mail
    # server down) are sent again every few minutes.
    # Reports read a summary table: rebuilt from the raw rows every hour, and
    # each country's monthly PDF is e-mailed to its officers on the 1st.
    "reports-rebuild-summaries": {
        "task": "reports.rebuild_summaries",
        "schedule": int(env("LMS_REPORTS_REBUILD_SECONDS", "3600")),
    },
    "reports-send-monthly": {
        "task": "reports.send_monthly",
        "schedule": crontab(minute=0, hour=6, day_of_month=1),
    },
    "notifications-send-pending": {
        "task": "notifications.send_pending",
        "schedule": int(env("LMS_NOTIFICATIONS_SWEEP_SECONDS", "300")),
    },
}
# Seconds a notification waits for its own task before the sweep sends it.
LMS_NOTIFICATIONS_RETRY_AFTER = int(env("LMS_NOTIFICATIONS_RETRY_AFTER", "60"))

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("CACHE_URL"),
        }
        if env("CACHE_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

WAGTAIL_SITE_NAME = "Cultura AP"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "epub",
    "docx",
    "odt",
    "xlsx",
    "ods",
    "csv",
    "txt",
    "zip",
    "mp3",
]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The admin's time zone preference offers the same zones as the site profile.
WAGTAIL_USER_TIME_ZONES = [zone for zone, _label in TIME_ZONE_CHOICES]
WAGTAIL_MODERATION_ENABLED = True

LMS_SITE_NAME = _("Cultura AP")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024

# --- Observability (lms.observability; see docs/operations.md) ---------------
# Request ids (X-Request-ID) bound to every log line and carried into tasks;
# request counts and latencies for /metrics.
MIDDLEWARE = [
    "lms.observability.logs.RequestIdMiddleware",
    "lms.observability.metrics.MetricsMiddleware",
    *MIDDLEWARE,
]
# Logs: "text" (readable lines) or "json" (one JSON object a line, the
# production default), through structlog.
from lms.observability.logs import logging_config  # noqa: E402

LMS_LOG_FORMAT = env("LMS_LOG_FORMAT", "text")
LOGGING = logging_config(fmt=LMS_LOG_FORMAT, level=env("DJANGO_LOG_LEVEL", "INFO"))
# /metrics: loopback requests (not relayed by a proxy), staff users, or
# "Authorization: Bearer <LMS_METRICS_TOKEN>".
LMS_METRICS_TOKEN = env("LMS_METRICS_TOKEN")
LMS_METRICS_ALLOW_LOCALHOST = env_bool("LMS_METRICS_ALLOW_LOCALHOST", True)
# /health/: a worker heartbeat older than this (seconds) fails; the beat
# scheduler stamps every LMS_BEAT_STAMP_SECONDS and fails past twice that.
LMS_HEALTH_HEARTBEAT_MAX_AGE = int(env("LMS_HEALTH_HEARTBEAT_MAX_AGE", "60"))
# /health/: seconds each lookup of an issuer's key in a PKCS#11 token may take.
LMS_HEALTH_HSM_TIMEOUT = float(env("LMS_HEALTH_HSM_TIMEOUT", "5"))
LMS_BEAT_STAMP_SECONDS = int(env("LMS_BEAT_STAMP_SECONDS", "60"))
CELERY_BEAT_SCHEDULE["health-beat-stamp"] = {
    "task": "lms.beat_stamp",
    "schedule": LMS_BEAT_STAMP_SECONDS,
}
# Sentry: errors of the web processes and the workers, when SENTRY_DSN is set.
SENTRY_DSN = env("SENTRY_DSN")
if SENTRY_DSN:
    from lms.observability.sentry import sentry_init

    sentry_init(
        dsn=SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", "production"),
        release=env("SENTRY_RELEASE") or None,
        traces_sample_rate=float(env("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
# --- end Observability --------------------------------------------------------
