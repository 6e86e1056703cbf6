"""The embedded SQLite default takes a few clicks at once: concurrent
requests wait for the write lock instead of failing with «database is
locked» (WAL journal, immediate transactions, a busy timeout)."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings


@pytest.fixture(scope="module")
def bursts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sqlite")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings.dev",
        DJANGO_DEBUG="false",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        LMS_KEY_DIR=str(folder / "keys"),
        LMS_PRIVATE_MEDIA_ROOT=str(folder / "private"),
        DJANGO_MEDIA_ROOT=str(folder / "media"),
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        DJANGO_LOG_LEVEL="CRITICAL",
    )
    result = subprocess.run(
        [sys.executable, "-m", "tests.platform.sqlite_concurrency"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_sqlite_database_runs_in_wal_mode(bursts):
    assert bursts["journal_mode"] == "wal"


def test_status_lists_fetched_at_once_all_answer(bursts):
    assert bursts["status_lists"] == [200, 200, 200, 200]


def test_identical_quiz_submissions_at_once_never_fail(bursts):
    """One submission is stored; the others are told it was already sent."""
    assert bursts["quiz_submissions"] == [302, 400, 400, 400]
