"""Backup and restore: the database, the issuers' public material and every
stored file, in one archive (``backup_create`` / ``backup_restore``).

The archive is a gzip'd tar::

    manifest.json          format, date, database vendor, counts
    database.json          ``dumpdata`` of every app (primary keys kept)
    keys/<CODE>/<file>     issuer public keys and certificates (never a file
                           holding a private key, unless asked for explicitly)
    files/<alias>/<name>   media, credential files and learner uploads, read
                           through their storage (local disk or a bucket)

The database part is Django-level, so an archive taken on SQLite restores on
PostgreSQL and the other way round. Restoring runs the migrations, refuses a
target that holds any account, issuer, credential or stored file, then
replaces every row (content types and permissions included, with their ids)
and writes the files back through the configured storages.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.files.storage.handler import InvalidStorageError
from django.core.management import call_command
from django.db import connection, transaction

from certification.issuance.storage import credential_storage

FORMAT = 1
# Rows that describe no lasting state: sign-in sessions.
EXCLUDED_MODELS = ["sessions.session"]
# Models whose rows make a database "not empty" for a restore.
OCCUPIED_MODELS = ["accounts.User", "certification.Issuer", "certification.Credential"]
PRIVATE_MARKER = b"PRIVATE KEY"


class BackupError(Exception):
    """A refusal with one line for the operator."""


def file_storages() -> dict[str, Storage]:
    """Every storage that holds files worth keeping, by alias."""
    from django.core.files.storage import default_storage

    result: dict[str, Storage] = {
        "media": default_storage,
        "credentials": credential_storage(),
    }
    try:
        result["private"] = storages["private"]
    except InvalidStorageError:
        result["private"] = FileSystemStorage(
            location=settings.PRIVATE_MEDIA_ROOT, base_url=None
        )
    return result


def storage_walk(storage: Storage, path: str = ""):
    """Every file name under ``path`` in ``storage`` (recursively)."""
    try:
        directories, files = storage.listdir(path)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{path}/{name}" if path else name
    for directory in directories:
        yield from storage_walk(storage, f"{path}/{directory}" if path else directory)


def _private_skipped(storage: Storage, alias: str, name: str) -> bool:
    """Credential files live beside the private uploads on local disk:
    ``private`` leaves the ``credentials/`` folder to its own alias."""
    return (
        alias == "private"
        and isinstance(storage, FileSystemStorage)
        and name.startswith("credentials/")
    )


def key_files(include_private: bool):
    """``(relative path, bytes)`` of the issuers' key directory: public
    material only, unless ``include_private``."""
    root = Path(settings.LMS_KEY_DIR)
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.name.endswith(".tmp"):
            continue
        data = path.read_bytes()
        if PRIVATE_MARKER in data and not include_private:
            continue
        yield path.relative_to(root).as_posix(), data


def _add(archive: tarfile.TarFile, name: str, data: bytes, mode: int = 0o644):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = mode
    info.mtime = int(dt.datetime.now(dt.UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


@dataclass
class Summary:
    rows: int
    files: int
    keys: int
    private_keys: int


def backup_create(target: Path, *, include_private_keys: bool = False) -> Summary:
    target = Path(target)
    if target.exists():
        raise BackupError(f"{target} already exists: choose a new file name.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / "database.json"
        # One transaction: every row read from the same snapshot.
        with transaction.atomic():
            call_command(
                "dumpdata",
                exclude=EXCLUDED_MODELS,
                output=str(dump),
                verbosity=0,
            )
        rows = len(json.loads(dump.read_text(encoding="utf-8")))
        files = keys = private_keys = 0
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(dump, "database.json")
            for relative, data in key_files(include_private_keys):
                private = PRIVATE_MARKER in data
                _add(archive, f"keys/{relative}", data, 0o600 if private else 0o644)
                keys += 1
                private_keys += private
            for alias, storage in file_storages().items():
                for name in storage_walk(storage):
                    if _private_skipped(storage, alias, name):
                        continue
                    with storage.open(name, "rb") as handle:
                        _add(archive, f"files/{alias}/{name}", handle.read())
                    files += 1
            manifest = {
                "format": FORMAT,
                "created": dt.datetime.now(dt.UTC).isoformat(),
                "database": connection.vendor,
                "rows": rows,
                "files": files,
                "keys": keys,
                "private_keys": private_keys,
            }
            _add(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
    partial.replace(target)
    return Summary(rows, files, keys, private_keys)


def _occupied() -> list[str]:
    found = []
    for label in OCCUPIED_MODELS:
        model = apps.get_model(label)
        if model._default_manager.exists():
            found.append(label)
    for alias, storage in file_storages().items():
        for name in storage_walk(storage):
            if not _private_skipped(storage, alias, name):
                found.append(f"files ({alias})")
                break
    return found


def _member_name(member: tarfile.TarInfo) -> PurePosixPath:
    path = PurePosixPath(member.name)
    if path.is_absolute() or ".." in path.parts or not member.isfile():
        raise BackupError(f"Unsafe entry in the archive: {member.name!r}.")
    return path


def backup_restore(source: Path) -> Summary:
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source} does not exist.")
    try:
        archive = tarfile.open(source, "r:gz")  # noqa: SIM115 (closed below)
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{source} is not a backup archive ({error}).") from error
    with archive:
        members = {}
        for member in archive.getmembers():
            members[_member_name(member).as_posix()] = member
        if "manifest.json" not in members or "database.json" not in members:
            raise BackupError(f"{source} is not a backup archive (no manifest).")
        manifest = json.loads(archive.extractfile(members["manifest.json"]).read())
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")

        call_command("migrate", interactive=False, verbosity=0)
        occupied = _occupied()
        if occupied:
            raise BackupError(
                "The target is not empty (" + ", ".join(occupied) + "): restore "
                "only into a new database and empty storage."
            )
        key_root = Path(settings.LMS_KEY_DIR)
        key_members = [name for name in members if name.startswith("keys/")]
        for name in key_members:
            existing = key_root / name.removeprefix("keys/")
            if existing.exists() and existing.read_bytes() != (
                archive.extractfile(members[name]).read()
            ):
                raise BackupError(
                    f"{existing} exists with other content: restore into an "
                    "empty key directory (or one holding these same keys)."
                )

        with tempfile.TemporaryDirectory() as scratch:
            dump = Path(scratch) / "database.json"
            dump.write_bytes(archive.extractfile(members["database.json"]).read())
            with transaction.atomic():
                call_command(
                    "flush", interactive=False, verbosity=0, inhibit_post_migrate=True
                )
                call_command("loaddata", str(dump), verbosity=0)
        rows = manifest.get("rows", 0)

        keys = private_keys = 0
        for name in key_members:
            data = archive.extractfile(members[name]).read()
            path = key_root / name.removeprefix("keys/")
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not path.exists():
                path.write_bytes(data)
                path.chmod(0o600 if PRIVATE_MARKER in data else 0o644)
            keys += 1
            private_keys += PRIVATE_MARKER in data

        targets = file_storages()
        files = 0
        for name, member in members.items():
            if not name.startswith("files/"):
                continue
            _files, alias, stored_name = name.split("/", 2)
            if alias not in targets:
                raise BackupError(f"Unknown storage {alias!r} in the archive.")
            storage = targets[alias]
            data = archive.extractfile(member).read()
            if alias == "credentials":
                from certification.issuance.storage import artefact_write

                artefact_write(stored_name, data)
            else:
                saved = storage.save(stored_name, ContentFile(data))
                if saved != stored_name:
                    raise BackupError(
                        f"{alias}: {stored_name} was stored as {saved}; "
                        "the target storage is not empty."
                    )
            files += 1
    return Summary(rows, files, keys, private_keys)
