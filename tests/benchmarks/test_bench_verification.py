"""Verification under load: gunicorn on loopback, a threaded load generator.

One run measures, side by side on the same server and middleware:

- the credential-status API's throughput as a ratio of ``/api/v1/ping`` (a
  trivial JSON view), at 32 concurrent keep-alive connections, in alternating
  rounds so both see the same machine load (target ratio >= 0.5);
- p50 and p99 latency of both at 32 connections;
- PDF-upload verification throughput (``POST /api/v1/verify/pdf``).

The database is a temporary SQLite file (or a temporary PostgreSQL database
on the server of ``DATABASE_URL``), migrated and seeded with credentials
issued by the real issuance service. Figures are printed, never asserted;
the run fails only if a request gets a wrong answer.

Run with ``make bench`` (or ``pytest tests/benchmarks/test_bench_verification.py
-m bench -s``).
"""

import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

pytestmark = pytest.mark.bench

ROOT = Path(__file__).resolve().parents[2]
CONNECTIONS = 32
ROUND_SECONDS = 4.0
ROUNDS = 3
MAX_REQUESTS_PER_ROUND = 20_000
UPLOAD_CONNECTIONS = 4
UPLOAD_SECONDS = 6.0
SEEDED = 4
TARGET_RATIO = 0.5


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def temporary_database(tmp_path):
    """A DATABASE_URL for a throwaway database, dropped afterwards."""
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path / 'bench.sqlite3'}"
        return
    import psycopg

    name = f"bench_verify_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_env(database_url: str, tmp_path: Path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.benchmarks.verification_bench_settings",
        DATABASE_URL=database_url,
        # Persistent connections, as a production deployment configures them.
        DATABASE_CONN_MAX_AGE="60",
        LMS_KEY_DIR=str(tmp_path / "keys"),
        LMS_PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
        PYTHONPATH=str(ROOT),
    )
    return env


def run(args, env, timeout=900) -> str:
    result = subprocess.run(
        args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@contextmanager
def gunicorn(env, port):
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "lms.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            "--workers=2",
            "--worker-class=gthread",
            "--threads=16",
            "--keep-alive=30",
            "--backlog=256",
            "--log-level=warning",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _body, _lat = request(port, "GET", "/api/v1/ping")
                if status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


def request(port, method, path, body=None, headers=None, conn=None):
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    started = time.perf_counter()
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    latency = time.perf_counter() - started
    if own:
        conn.close()
    return response.status, data, latency


def load(port, paths, *, connections, seconds, method="GET", body=None, headers=None):
    """Each connection cycles through ``paths`` until the time is up.

    Returns (requests per second, latencies, non-200 answers).
    """
    latencies, errors = [], []
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds
    budget = [MAX_REQUESTS_PER_ROUND]

    def worker(offset):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine, bad = [], []
        index = offset
        while time.perf_counter() < stop_at:
            with lock:
                if budget[0] <= 0:
                    break
                budget[0] -= 1
            path = paths[index % len(paths)]
            index += 1
            try:
                status, _data, latency = request(
                    port, method, path, body, headers, conn=conn
                )
            except (OSError, http.client.HTTPException) as exc:
                bad.append(repr(exc))
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            mine.append(latency)
            if status != 200:
                bad.append(status)
        conn.close()
        with lock:
            latencies.extend(mine)
            errors.extend(bad)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return len(latencies) / elapsed, latencies, errors


def percentile(values, fraction) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


def multipart(pdf: bytes) -> tuple[bytes, dict]:
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="c.pdf"\r\nContent-Type: application/pdf\r\n\r\n'
        ).encode()
        + pdf
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def test_status_api_throughput_against_a_trivial_view_and_upload_throughput(
    tmp_path,
):
    with temporary_database(tmp_path) as database_url:
        env = server_env(database_url, tmp_path)
        run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], env)
        pdf_path = tmp_path / "certificate.pdf"
        run(
            [
                sys.executable,
                "-m",
                "tests.benchmarks.verification_bench_seed",
                str(SEEDED),
                str(tmp_path),
            ],
            env,
        )
        ids = (tmp_path / "ids.txt").read_text().split()
        assert len(ids) == SEEDED
        port = free_port()
        with gunicorn(env, port):
            status_paths = [f"/api/v1/credentials/{i}" for i in ids]
            # Warm both paths on every worker thread.
            load(port, ["/api/v1/ping"], connections=CONNECTIONS, seconds=1.0)
            load(port, status_paths, connections=CONNECTIONS, seconds=1.0)
            ping_rates, status_rates = [], []
            ping_lat, status_lat, errors = [], [], []
            for _ in range(ROUNDS):
                rate, lat, bad = load(
                    port,
                    ["/api/v1/ping"],
                    connections=CONNECTIONS,
                    seconds=ROUND_SECONDS,
                )
                ping_rates.append(rate)
                ping_lat += lat
                errors += bad
                rate, lat, bad = load(
                    port, status_paths, connections=CONNECTIONS, seconds=ROUND_SECONDS
                )
                status_rates.append(rate)
                status_lat += lat
                errors += bad
            body, headers = multipart(pdf_path.read_bytes())
            upload_rate, upload_lat, upload_bad = load(
                port,
                ["/api/v1/verify/pdf"],
                connections=UPLOAD_CONNECTIONS,
                seconds=UPLOAD_SECONDS,
                method="POST",
                body=body,
                headers=headers,
            )
            status, data, _ = request(
                port, "POST", "/api/v1/verify/pdf", body=body, headers=headers
            )

    ping = statistics.median(ping_rates)
    status_rate = statistics.median(status_rates)
    ratio = status_rate / ping
    backend = "PostgreSQL" if "postgres" in database_url else "SQLite"
    print()
    print(f"verification bench ({backend}, gunicorn 2 workers x 16 threads, loopback)")
    print(f"  ping            {ping:8.1f} req/s  (rounds: {fmt(ping_rates)})")
    print(f"  credential API  {status_rate:8.1f} req/s  (rounds: {fmt(status_rates)})")
    print(f"  ratio status/ping = {ratio:.2f}  (target >= {TARGET_RATIO})")
    print(
        f"  latency @ {CONNECTIONS} conns: status p50 "
        f"{percentile(status_lat, 0.5):.1f} ms"
        f" p99 {percentile(status_lat, 0.99):.1f} ms; ping p50 "
        f"{percentile(ping_lat, 0.5):.1f} ms p99 {percentile(ping_lat, 0.99):.1f} ms"
    )
    print(
        f"  PDF upload verify {upload_rate:6.1f} req/s at {UPLOAD_CONNECTIONS} conns"
        f" (p50 {percentile(upload_lat, 0.5):.0f} ms, p99 "
        f"{percentile(upload_lat, 0.99):.0f} ms, {len(upload_lat)} uploads)"
    )
    print(f"  errors: {len(errors)} lookups, {len(upload_bad)} uploads")
    assert status == 200 and b'"verdict": "valid"' in data.replace(b'":"', b'": "')
    assert errors == [] and upload_bad == []


def fmt(rates) -> str:
    return ", ".join(f"{r:.0f}" for r in rates)
