"""Checking and storing the files inside a response or a grading record.

A plugin may return Django ``UploadedFile`` objects anywhere inside the
response (or the grading form's cleaned data). The core checks each one
(size limit, type sniffed from the content) before anything is written, then
stores it under ``PRIVATE_MEDIA_ROOT`` and puts a reference in its place:
``{"file": <AttemptFile id>, "name": <original name>, "type": <mime>}``.
"""

from __future__ import annotations

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

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


def check_uploads(payload, *, allowed_types, max_bytes: int) -> dict[int, str]:
    """Validate every upload in ``payload``; return ``{id(upload): mime}``.
    Raises ``ValidationError`` naming the file and the reason."""
    types: dict[int, str] = {}
    for upload in iter_uploads(payload):
        if not allowed_types:
            raise ValidationError(_("Esta evaluación no admite archivos."))
        if upload.size > max_bytes:
            raise ValidationError(
                _("«%(name)s» supera el tamaño máximo de %(mb)s MB.")
                % {"name": upload.name, "mb": round(max_bytes / 1024 / 1024, 1)}
            )
        mime = sniff(upload)
        if not mime or not mime.startswith(tuple(allowed_types)):
            raise ValidationError(
                _(
                    "«%(name)s» no es de un tipo admitido (se detectó: %(kind)s). "
                    "Tipos admitidos: %(allowed)s."
                )
                % {
                    "name": upload.name,
                    "kind": mime or _("desconocido"),
                    "allowed": ", ".join(allowed_types),
                }
            )
        types[id(upload)] = mime
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
