"""Object storage (S3-compatible, through django-storages).

With ``LMS_S3_BUCKET`` set, three ``STORAGES`` entries live in that bucket under
their own prefixes: ``default`` (CMS media, ``media/``), ``credentials``
(issued PDF, JSON and JWT, ``credentials/``) and ``private`` (learner and
assessor uploads, ``private/``). Nothing is written with a public ACL: every
object is read by the server with its keys, and the only URLs ever handed to a
browser are signed and short-lived (``LMS_S3_URL_SECONDS``).

Without the bucket, files stay on the local disk (the default, and what
``make demo`` uses).
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import Storage

S3_BACKEND = "storages.backends.s3.S3Storage"

# STORAGES alias -> (prefix in the bucket, overwrite a name already taken)
PREFIXES = {
    "default": ("media", False),
    "credentials": ("credentials", True),
    "private": ("private", False),
}


def s3_storages(
    *,
    bucket: str,
    endpoint_url: str = "",
    access_key: str = "",
    secret_key: str = "",
    region: str = "us-east-1",
    url_seconds: int = 60,
    media_url_seconds: int = 3600,
    addressing_style: str = "path",
) -> dict[str, dict]:
    """The ``STORAGES`` entries for one bucket (see the module docstring)."""
    entries = {}
    for alias, (prefix, overwrite) in PREFIXES.items():
        options = {
            "bucket_name": bucket,
            "location": prefix,
            "region_name": region or None,
            "signature_version": "s3v4",
            "addressing_style": addressing_style,
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": media_url_seconds
            if alias == "default"
            else url_seconds,
            "file_overwrite": overwrite,
            "object_parameters": {"CacheControl": "private, no-store"}
            if alias != "default"
            else {},
        }
        if endpoint_url:
            options["endpoint_url"] = endpoint_url
        if access_key:
            options["access_key"] = access_key
            options["secret_key"] = secret_key
        entries[alias] = {"BACKEND": S3_BACKEND, "OPTIONS": options}
    return entries


def s3_storages_from_env(env) -> dict[str, dict]:
    """``s3_storages`` from the ``LMS_S3_*`` variables; ``{}`` without a bucket."""
    bucket = env("LMS_S3_BUCKET") or env("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return {}
    return s3_storages(
        bucket=bucket,
        endpoint_url=env("LMS_S3_ENDPOINT_URL"),
        access_key=env("LMS_S3_ACCESS_KEY_ID"),
        secret_key=env("LMS_S3_SECRET_ACCESS_KEY"),
        region=env("LMS_S3_REGION", "us-east-1"),
        url_seconds=int(env("LMS_S3_URL_SECONDS", "60")),
        media_url_seconds=int(env("LMS_S3_MEDIA_URL_SECONDS", "3600")),
        addressing_style=env("LMS_S3_ADDRESSING_STYLE", "path"),
    )


def is_object_storage(storage: Storage) -> bool:
    """Whether ``storage`` is remote object storage (no local path)."""
    try:
        storage.path("probe")
    except NotImplementedError:
        return True
    return False


def signed_url(storage: Storage, name: str, *, filename: str, content_type: str):
    """A short-lived signed URL that downloads ``name`` as ``filename``, or
    ``None`` when ``storage`` is not object storage or signed URLs are off
    (``LMS_S3_SIGNED_URLS``): the caller then streams the file itself."""
    if not getattr(settings, "LMS_S3_SIGNED_URLS", False):
        return None
    if not is_object_storage(storage):
        return None
    return storage.url(
        name,
        parameters={
            "ResponseContentDisposition": f'attachment; filename="{filename}"',
            "ResponseContentType": content_type,
            "ResponseCacheControl": "private, no-store",
        },
    )
