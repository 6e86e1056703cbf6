"""Where credential artefacts live: ``PRIVATE_MEDIA_ROOT/credentials/``.

Never public media: files are served by views that check the owner. A project
can point the ``credentials`` entry of ``STORAGES`` at object storage; by
default it is the local private directory, written atomically (temporary file
in the same directory, then rename) so a killed worker never leaves a torn file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.files.storage.handler import InvalidStorageError


def credential_storage() -> Storage:
    try:
        return storages["credentials"]
    except InvalidStorageError:
        return FileSystemStorage(
            location=Path(settings.PRIVATE_MEDIA_ROOT) / "credentials",
            base_url=None,
        )


def artefact_name(public_id: str, revision: int, filename: str) -> str:
    """``<aa>/<public id>/r<revision>/<filename>``: fan-out keeps folders small."""
    return f"{public_id[:2]}/{public_id}/r{revision}/{filename}"


def artefact_write(name: str, data: bytes) -> str:
    """Write ``data`` under ``name``, replacing any previous file atomically."""
    storage = credential_storage()
    if not isinstance(storage, FileSystemStorage):
        if storage.exists(name):
            storage.delete(name)
        return storage.save(name, ContentFile(data))
    path = Path(storage.path(name))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return name


def artefact_read(name: str) -> bytes:
    with credential_storage().open(name, "rb") as handle:
        return handle.read()


def artefact_exists(name: str) -> bool:
    return bool(name) and credential_storage().exists(name)
