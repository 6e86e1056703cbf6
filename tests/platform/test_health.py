"""``/health/`` checks what serving needs and answers 503 naming what failed."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings

from certification.credentials import keys
from lms.observability import heartbeat
from tests.certification.conftest import make_program, make_standard

CHECKS = {
    "database",
    "cache",
    "broker",
    "storage",
    "issuer_keys",
    "credential_storage",
    "worker_heartbeat",
    "beat",
}


@pytest.fixture
def healthy(db, settings, tmp_path):
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio de Prueba")
    make_program(make_standard("CL", units=1, criteria=0))


def test_all_checks_pass_with_200_and_each_result(client, healthy):
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == CHECKS
    assert all(check["ok"] for check in body["checks"].values())
    assert body["checks"]["issuer_keys"]["note"] == "CL"
    assert "no-cache" in response["Cache-Control"]


def test_a_missing_issuer_key_answers_503_naming_it(client, healthy, settings):
    keys.key_directory("CL").rename(settings.LMS_KEY_DIR / "elsewhere")
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["failed"] == ["issuer_keys"]
    assert response.json()["checks"]["issuer_keys"]["error"] == "KeysUnreadable"


def test_an_unwritable_storage_answers_503_naming_it(
    client, healthy, settings, tmp_path
):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    settings.MEDIA_ROOT = blocker
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]


def test_an_unreachable_broker_answers_503_naming_it(client, healthy, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    heartbeat.worker_heartbeat_record(force=True)
    heartbeat.beat_stamp_record()
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["failed"] == ["broker"]


def test_a_database_that_is_down_answers_503_and_the_api_answers_problem_json(
    tmp_path,
):
    """With the database unreachable, /health/ says so (not 200 «ok») and the
    API's 500 is problem details, not an HTML page."""
    code = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "c = Client(raise_request_exception=False, HTTP_HOST='localhost');"
        "h = c.get('/health/'); a = c.get('/api/v1/credentials/abc');"
        "live = c.get('/health/live/');"
        "print(json.dumps({'health': [h.status_code, h.json()],"
        " 'live': [live.status_code, live.json()],"
        " 'api': [a.status_code, a['Content-Type'], a.json()]}))"
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("CELERY_")},
        "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/nothing",
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "LMS_PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "DJANGO_LOG_LEVEL": "CRITICAL",
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    status, body = answers["health"]
    assert status == 503
    assert "database" in body["failed"]
    assert body["checks"]["database"]["error"] == "OperationalError"
    assert body["checks"]["storage"]["ok"] and body["checks"]["cache"]["ok"]
    assert answers["live"] == [200, {"status": "ok"}]
    status, content_type, problem = answers["api"]
    assert status == 500
    assert content_type == "application/problem+json"
    assert problem["status"] == 500 and problem["title"] == "Internal Server Error"
    assert set(problem) >= {"type", "title", "status", "detail"}


def wsgi_get(path: str) -> int:
    """GET through Django's own WSGI handler: unlike the test client, it
    checks and recycles database connections between requests."""
    from wsgiref.util import setup_testing_defaults

    from django.core.wsgi import get_wsgi_application

    environ = {"PATH_INFO": path, "HTTP_HOST": "localhost"}
    setup_testing_defaults(environ)
    status = []
    result = get_wsgi_application()(environ, lambda s, h: status.append(s))
    try:
        b"".join(result)
    finally:
        result.close()
    return int(status[0].split()[0])


@pytest.mark.django_db(transaction=True)
def test_a_database_restart_costs_no_request():
    """A persistent connection killed by the server (a restart) is noticed
    before the next request uses it (CONN_HEALTH_CHECKS)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    assert connection.settings_dict["CONN_HEALTH_CHECKS"]
    assert connection.settings_dict["CONN_MAX_AGE"] > 0
    assert wsgi_get("/api/v1/credentials/abc") == 404
    pid = connection.connection.info.backend_pid

    import psycopg

    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])

    assert wsgi_get("/api/v1/credentials/abc") == 404
    assert connection.connection.info.backend_pid != pid


def test_ready_is_the_same_answer_and_live_asks_nothing(client, healthy, settings):
    ready = client.get("/health/ready/")
    assert ready.status_code == 200 and set(ready.json()["checks"]) == CHECKS
    live = client.get("/health/live/")
    assert live.status_code == 200 and live.json() == {"status": "ok"}
    assert "no-cache" in live["Cache-Control"]


def test_a_cache_on_a_closed_port_answers_503_naming_it(client, healthy, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]
    assert response.json()["checks"]["cache"]["error"] == "ConnectionError"


@pytest.fixture
def workers_expected(healthy, settings):
    """Tasks go to workers through a real (in-memory) broker."""
    settings.CELERY_BROKER_URL = "memory://"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.LMS_HEALTH_HEARTBEAT_MAX_AGE = 60
    settings.LMS_BEAT_STAMP_SECONDS = 60
    from django.core.cache import cache

    cache.delete_many([heartbeat.WORKER_KEY, heartbeat.BEAT_KEY])


def test_without_any_worker_heartbeat_or_beat_run_answers_503(client, workers_expected):
    response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["failed"] == ["worker_heartbeat", "beat"]
    assert body["checks"]["worker_heartbeat"]["error"] == "WorkerHeartbeatStale"
    assert body["checks"]["beat"]["error"] == "BeatStale"


def test_stale_stamps_fail_and_fresh_ones_pass(client, workers_expected):
    import time

    now = time.time()
    heartbeat.worker_heartbeat_record(force=True, now=now - 61)
    heartbeat.beat_stamp_record(now=now - 121)  # past twice the 60 s interval
    assert client.get("/health/").json()["failed"] == ["worker_heartbeat", "beat"]

    heartbeat.beat_stamp_record(now=now - 119)  # within twice the interval
    assert client.get("/health/").json()["failed"] == ["worker_heartbeat"]

    heartbeat.worker_heartbeat_record(force=True)
    response = client.get("/health/")
    assert response.status_code == 200, response.json()
    assert response.json()["checks"]["worker_heartbeat"]["note"].endswith("s ago")


def test_in_process_tasks_expect_no_worker_nor_beat(client, healthy, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    checks = client.get("/health/").json()["checks"]
    assert checks["worker_heartbeat"]["note"].startswith("not expected")
    assert checks["beat"]["note"].startswith("not expected")
