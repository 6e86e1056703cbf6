"""Back up, restore into a new database and empty storage in another
process, and find every credential verifying with its status unchanged."""

import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from certification.issuance.lifecycle import credential_revoke, credential_suspend
from plugins.storage import private_storage
from tests.s3 import bucket_create, bucket_keys
from tests.storage.restored_check import credentials_report
from tests.verification.conftest import issue_for

ROOT = Path(settings.BASE_DIR)


@pytest.fixture
def seeded(program, django_capture_on_commit_callbacks):
    """Three credentials (active, revoked, suspended) and a learner upload."""
    names = ["Ana María Pérez Núñez", "Luis Quispe Mamani", "Carla Gómez Ruiz"]
    active, revoked, suspended = (
        issue_for(program, django_capture_on_commit_callbacks, name=name)
        for name in names
    )
    credential_revoke(credential=revoked, actor=None, reason="Fraude documental")
    credential_suspend(credential=suspended, actor=None, reason="Revisión")
    private_storage.save("attempts/evidencia.txt", ContentFile(b"evidencia"))
    report = credentials_report()
    assert {entry["status"] for entry in report.values()} == {
        "active",
        "revoked",
        "suspended",
    }
    return report


@pytest.fixture
def target_database(tmp_path):
    """A new, empty database: a second SQLite file, or a second PostgreSQL
    database beside the test one."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    import psycopg

    params = connection.settings_dict
    name = f"lms_restore_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect(
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        user=params["USER"],
        password=params["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{params['PASSWORD']}" if params["PASSWORD"] else ""
    try:
        yield (
            f"postgres://{params['USER']}{password}@{params['HOST'] or 'localhost'}"
            f":{params['PORT'] or 5432}/{name}"
        )
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def in_restored(env: dict, *args: str) -> subprocess.CompletedProcess:
    """Run ``args`` (a module) in a process configured by ``env``."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.storage.restore_settings",
            "CELERY_BROKER_URL": "",
            "CACHE_URL": "",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=600,
    )


def restore_env(tmp_path, database_url) -> dict:
    return {
        "DATABASE_URL": database_url,
        "LMS_KEY_DIR": str(tmp_path / "restored-keys"),
        "LMS_PRIVATE_MEDIA_ROOT": str(tmp_path / "restored-private"),
        "DJANGO_MEDIA_ROOT": str(tmp_path / "restored-media"),
        "LMS_S3_BUCKET": "",
    }


def restore_and_check(archive: Path, env: dict, expected: dict) -> None:
    restored = in_restored(env, "manage.py", "backup_restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    report = in_restored(env, "-m", "tests.storage.restored_check")
    assert report.returncode == 0, report.stderr
    import json

    found = json.loads(report.stdout.strip().splitlines()[-1])
    assert found == expected
    verdicts = {entry["status"]: entry["pdf_verdict"] for entry in found.values()}
    assert verdicts == {
        "active": "valid",
        "revoked": "revoked",
        "suspended": "suspended",
    }
    for entry in found.values():
        assert entry["pdf_checks"]["signature"] is True
        assert entry["pdf_checks"]["proof"] is True
    # A second restore into the now occupied target is refused, in one line.
    again = in_restored(env, "manage.py", "backup_restore", str(archive))
    assert again.returncode != 0
    message = again.stderr.strip()
    assert len(message.splitlines()) == 1
    assert "The target is not empty" in message


def test_backup_restores_into_a_new_database_and_folders(
    seeded, tmp_path, target_database
):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup_create", str(archive))
    with tarfile.open(archive) as opened:
        names = opened.getnames()
        for name in names:
            if name.startswith("keys/"):
                assert b"PRIVATE KEY" not in opened.extractfile(name).read()
    assert "database.json" in names and "manifest.json" in names
    assert "files/private/attempts/evidencia.txt" in names
    assert any(name.endswith(".pub.pem") for name in names)
    assert any(name.endswith("signing-cert.pem") for name in names)

    env = restore_env(tmp_path, target_database)
    restore_and_check(archive, env, seeded)
    restored_keys = Path(env["LMS_KEY_DIR"])
    assert not any(
        b"PRIVATE KEY" in path.read_bytes()
        for path in restored_keys.rglob("*")
        if path.is_file()
    )
    assert (
        Path(env["LMS_PRIVATE_MEDIA_ROOT"]) / "attempts" / "evidencia.txt"
    ).read_bytes() == b"evidencia"


def test_backup_from_a_bucket_restores_into_a_second_bucket(
    s3_bucket, seaweedfs, seeded, tmp_path, target_database
):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup_create", str(archive))
    second = bucket_create(seaweedfs)
    env = {
        **restore_env(tmp_path, target_database),
        "LMS_S3_BUCKET": second,
        "LMS_S3_ENDPOINT_URL": seaweedfs.endpoint_url,
        "LMS_S3_ACCESS_KEY_ID": seaweedfs.access_key,
        "LMS_S3_SECRET_ACCESS_KEY": seaweedfs.secret_key,
    }
    restore_and_check(archive, env, seeded)
    assert bucket_keys(seaweedfs, second) == bucket_keys(seaweedfs, s3_bucket)


def test_private_keys_only_with_the_explicit_flag(seeded, tmp_path):
    archive = tmp_path / "with-keys.tar.gz"
    call_command("backup_create", str(archive), include_private_keys=True)
    with tarfile.open(archive) as opened:
        private = [
            name
            for name in opened.getnames()
            if name.startswith("keys/")
            and b"PRIVATE KEY" in opened.extractfile(name).read()
        ]
    assert any(name.endswith("signing-key.pem") for name in private)


def test_bad_archives_and_existing_targets_get_one_line(db, tmp_path):
    existing = tmp_path / "exists.tar.gz"
    existing.write_bytes(b"x")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup_create", str(existing))
    with pytest.raises(CommandError, match="is not a backup archive"):
        call_command("backup_restore", str(existing))
    with pytest.raises(CommandError, match="does not exist"):
        call_command("backup_restore", str(tmp_path / "missing.tar.gz"))
