"""Checking and storing the files inside a response or a grading record.

A plugin may return Django ``UploadedFile`` objects anywhere inside the
response (or the grading form's cleaned data). The core checks each one
(size limit, type sniffed from the content) before anything is written, then
stores it under ``PRIVATE_MEDIA_ROOT`` and puts a reference in its place:
``{"file": <AttemptFile id>, "name": <original name>, "type": <mime>}``.
"""

from __future__ import annotations

import math

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from plugins.base import FixableError

DEFAULT_MAX_UPLOAD_MB = 50


def max_upload_bytes(config: dict) -> int:
    ceiling = getattr(settings, "LMS_ASSESSMENT_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB)
    configured = config.get("max_file_mb") or ceiling
    return int(min(float(configured), float(ceiling)) * 1024 * 1024)


def iter_uploads(payload):
    if isinstance(payload, UploadedFile):
        yield payload
    elif isinstance(payload, dict):
        for value in payload.values():
            yield from iter_uploads(value)
    elif isinstance(payload, list | tuple):
        for value in payload:
            yield from iter_uploads(value)


def sniff(upload: UploadedFile) -> str:
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    return kind.mime if kind else ""


#: Formats named to people, in this order, when the allowed MIME types (or
#: prefixes such as ``image/``) cover them. A family prefix is named by its
#: common formats only: the list never promises a format that is refused.
COMMON_FORMATS = (
    ("application/pdf", "PDF"),
    ("image/jpeg", "JPG"),
    ("image/png", "PNG"),
    ("video/mp4", "MP4"),
    ("audio/mpeg", "MP3"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml", "DOCX"),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml", "XLSX"),
    ("application/vnd.openxmlformats-officedocument.presentationml", "PPTX"),
    ("application/vnd.oasis.opendocument.text", "ODT"),
    ("application/vnd.oasis.opendocument.spreadsheet", "ODS"),
    ("application/vnd.oasis.opendocument.presentation", "ODP"),
)


def format_names(allowed_types) -> list[str]:
    """Short names of the formats ``allowed_types`` accepts, for people:
    ``("application/pdf", "image/")`` -> ``["PDF", "JPG", "PNG"]``."""
    allowed = tuple(allowed_types)
    names = [name for mime, name in COMMON_FORMATS if mime.startswith(allowed)]
    for prefix in allowed:
        if any(mime.startswith(prefix) for mime, _name in COMMON_FORMATS):
            continue
        known = [
            kind.extension.upper()
            for kind in filetype.types
            if kind.mime.startswith(prefix)
        ]
        names += known or [prefix.rstrip("/").rsplit("/", 1)[-1].upper()]
    return list(dict.fromkeys(names))


def describe_formats(allowed_types) -> str:
    """«PDF, JPG, PNG, MP4, MP3»: the accepted formats in one line."""
    return ", ".join(format_names(allowed_types))


def accept_attribute(allowed_types) -> str:
    """The file input's ``accept``: ``image/*`` for a family, extensions
    (``.pdf``, ``.docx``) for the rest. It only eases choosing; the server
    still checks every file's content."""
    tokens = []
    for prefix in allowed_types:
        if prefix.endswith("/"):
            tokens.append(prefix + "*")
            continue
        tokens += [
            "." + kind.extension
            for kind in filetype.types
            if kind.mime.startswith(prefix)
        ] or [prefix]
    return ",".join(dict.fromkeys(tokens))


def megabytes(size: int, *, up: bool = False) -> str:
    """A size in MB as people read it: «20», «1,5» (rounded up with ``up``,
    so a file just over the limit never reads as the limit itself)."""
    value = size / 1024 / 1024
    value = math.ceil(value * 10) / 10 if up else round(value, 1)
    places = 0 if value == int(value) else 1
    return number_format(value, decimal_pos=places, use_l10n=True)


def check_uploads(payload, *, allowed_types, max_bytes: int) -> dict[int, str]:
    """Validate every upload in ``payload``; return ``{id(upload): mime}``.

    A plugin that takes no files but receives one raises a plain
    ``ValidationError`` (its form has no file input). A file too big or of a
    format not accepted raises :class:`~plugins.base.FixableError` naming
    every such file, under the name of the input it came from (its
    ``field_name``), in words a person reads: the accepted formats and the
    sizes in MB."""
    types: dict[int, str] = {}
    errors: dict[str | None, list[str]] = {}
    for upload in iter_uploads(payload):
        if not allowed_types:
            raise ValidationError(_("Esta evaluación no admite archivos."))
        field = getattr(upload, "field_name", None) or None
        if upload.size > max_bytes:
            errors.setdefault(field, []).append(
                _("«%(name)s» pesa %(size)s MB; el máximo es %(max)s MB por archivo.")
                % {
                    "name": upload.name,
                    "size": megabytes(upload.size, up=True),
                    "max": megabytes(max_bytes),
                }
            )
            continue
        mime = sniff(upload)
        if not mime or not mime.startswith(tuple(allowed_types)):
            errors.setdefault(field, []).append(
                _(
                    "«%(name)s» no tiene un formato admitido. "
                    "Formatos permitidos: %(formats)s."
                )
                % {"name": upload.name, "formats": describe_formats(allowed_types)}
            )
            continue
        types[id(upload)] = mime
    if errors:
        raise FixableError(errors)
    return types


def store_uploads(payload, *, attempt, role: str, user, types: dict[int, str]):
    """Return ``payload`` with every upload replaced by a stored reference."""
    from plugins.models import AttemptFile

    if isinstance(payload, UploadedFile):
        stored = AttemptFile(
            attempt=attempt,
            role=role,
            original_name=payload.name[:255],
            content_type=types[id(payload)],
            size=payload.size,
            uploaded_by=user,
        )
        stored.file.save(payload.name, payload, save=False)
        stored.save()
        return {
            "file": stored.pk,
            "name": stored.original_name,
            "type": stored.content_type,
        }
    if isinstance(payload, dict):
        return {
            key: store_uploads(
                value, attempt=attempt, role=role, user=user, types=types
            )
            for key, value in payload.items()
        }
    if isinstance(payload, list | tuple):
        return [
            store_uploads(value, attempt=attempt, role=role, user=user, types=types)
            for value in payload
        ]
    return payload
