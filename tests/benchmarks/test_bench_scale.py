"""Horizontal scale, measured, on PostgreSQL and Redis (loopback):

- issuance throughput with two Celery worker processes against one
  (``celery worker --concurrency=1`` each, real subprocesses on a dedicated
  database and queue), in rounds ordered 1, 2, 2, 1 so both sides see the
  same machine load; target: two workers >= 1.7x one. The ratio of each
  adjacent pair of rounds (1 then 2, 2 then 1) is printed, then the overall
  ratio of the mean rates;
- the public verify page and the status API under locust (200 simulated
  users, 50 started a second, 20 s) against gunicorn: p50, p99, requests per
  second and errors (zero expected) printed.

Figures are printed, never asserted; a run fails only when a credential is
not issued or a request gets a wrong answer. Skipped, saying why, when
PostgreSQL (127.0.0.1:5432) or Redis (127.0.0.1:6379) is not reachable;
``BENCH_PG_URL`` and ``BENCH_REDIS_URL`` point elsewhere. Sizes:
``BENCH_SCALE_N`` credentials per round (default 96: rounds of a few seconds
at least, long enough that start-up noise does not decide the ratio).
"""

import csv
import os
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.benchmarks.test_bench_verification import free_port, gunicorn, run

pytestmark = pytest.mark.bench

ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
N = int(os.environ.get("BENCH_SCALE_N", "96"))
ORDER = (1, 2, 2, 1)
TARGET = 1.7


def pair_ratios(rounds: list[tuple[int, float]]) -> list[float]:
    """Two workers' rate over one worker's in each adjacent pair of rounds
    (``rounds``: worker count and credentials a second, in run order)."""
    ratios = []
    for first, second in zip(rounds[0::2], rounds[1::2], strict=True):
        rate = dict((first, second))
        if set(rate) != {1, 2}:
            raise ValueError(f"a pair of rounds is not one and two workers: {rounds}")
        ratios.append(rate[2] / rate[1])
    return ratios


def reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture
def services():
    from urllib.parse import urlsplit

    for name, url in (("PostgreSQL", PG_URL), ("Redis", REDIS_URL)):
        parts = urlsplit(url)
        if not reachable(parts.hostname, parts.port):
            pytest.skip(f"{name} is not reachable at {parts.hostname}:{parts.port}")


@contextmanager
def bench_database():
    import psycopg

    name = f"bench_scale_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield PG_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def bench_env(database_url: str, tmp_path: Path, **extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CELERY_", "CACHE_URL", "PROMETHEUS_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.benchmarks.scale_bench_settings",
        DATABASE_URL=database_url,
        DATABASE_CONN_MAX_AGE="60",
        LMS_KEY_DIR=str(tmp_path / "keys"),
        LMS_PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


@contextmanager
def workers(count: int, env: dict, queue: str, log_dir: Path):
    processes = []
    for number in range(count):
        log = open(log_dir / f"worker-{queue}-{number}.log", "wb")  # noqa: SIM115
        processes.append(
            (
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "celery",
                        "-A",
                        "lms",
                        "worker",
                        "--concurrency=1",
                        "-Q",
                        queue,
                        "-n",
                        f"bench{number}-{queue}@%h",
                        "--without-mingle",
                        "--without-gossip",
                        "--loglevel=WARNING",
                    ],
                    env=env,
                    cwd=ROOT,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                ),
                log,
            )
        )
    try:
        yield [process for process, _log in processes]
    finally:
        for process, _log in processes:
            process.terminate()
        for process, log in processes:
            process.wait(timeout=60)
            log.close()


def cpu_seconds(processes) -> float:
    """User and system CPU time of ``processes`` and of their children, alive
    or ended and waited for (``psutil`` processes; vanished ones count 0)."""
    import psutil

    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
            total += times.user + times.system
            total += times.children_user + times.children_system
        except psutil.Error:
            continue
    return total


def cpu_by_part(workers: list) -> dict[str, float]:
    """CPU seconds so far of the worker processes (with their pool children),
    the PostgreSQL server and the Redis server on this machine."""
    import psutil

    trees = []
    for worker in workers:
        try:
            parent = psutil.Process(worker.pid)
            trees += [parent, *parent.children(recursive=True)]
        except psutil.Error:
            continue
    by_name: dict[str, list] = {"postgres": [], "redis-server": []}
    for process in psutil.process_iter(["name"]):
        name = process.info["name"] or ""
        for prefix, found in by_name.items():
            if name.startswith(prefix):
                found.append(process)
    return {
        "workers": cpu_seconds(trees),
        "PostgreSQL": cpu_seconds(by_name["postgres"]),
        "Redis": cpu_seconds(by_name["redis-server"]),
    }


def driver(command: str, env: dict, count: int | None = None) -> str:
    return run(
        [sys.executable, "-m", "tests.benchmarks.scale_bench_driver", command]
        + ([str(count)] if count is not None else []),
        env,
        timeout=3600,
    ).strip()


def test_issuance_throughput_two_workers_against_one(services, tmp_path):
    warm = 4
    with bench_database() as database_url:
        env = bench_env(database_url, tmp_path, CELERY_BROKER_URL=REDIS_URL)
        run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], env)
        driver("seed", env, len(ORDER) * (N + warm))
        rates: dict[int, list[float]] = {1: [], 2: []}
        rounds: list[tuple[int, float]] = []
        for count in ORDER:
            queue = f"bench-{uuid.uuid4().hex[:8]}"
            round_env = {**env, "BENCH_QUEUE": queue}
            with workers(count, round_env, queue, tmp_path) as processes:
                driver("prepare", round_env, warm)
                driver("round", round_env)  # imports, fonts, caches
                driver("prepare", round_env, N)
                before = cpu_by_part(processes)
                seconds, driver_cpu = map(float, driver("round", round_env).split())
                after = cpu_by_part(processes)
            rates[count].append(N / seconds)
            rounds.append((count, N / seconds))
            load = os.getloadavg()[0]
            spent = {part: after[part] - before[part] for part in after}
            spent["driver"] = driver_cpu
            print(
                f"\n  {count} worker(s): {N} credentials in {seconds:.2f} s "
                f"(load average {load:.1f}); CPU seconds: "
                + ", ".join(f"{part} {value:.2f}" for part, value in spent.items())
                + f" (of {seconds * (os.cpu_count() or 1):.2f} available)"
            )
    one = sum(rates[1]) / len(rates[1])
    two = sum(rates[2]) / len(rates[2])
    pairs = ", ".join(
        f"rounds {2 * number + 1}-{2 * number + 2}: {ratio:.2f}x"
        for number, ratio in enumerate(pair_ratios(rounds))
    )
    print(
        f"\nissuance throughput (PostgreSQL + Redis, celery --concurrency=1 per "
        f"worker, {os.cpu_count()} CPUs):\n"
        f"  one worker:  {one:.2f} credentials/s\n"
        f"  two workers: {two:.2f} credentials/s\n"
        f"  ratio two/one per pair of rounds: {pairs}\n"
        f"  ratio two/one overall: {two / one:.2f}x (target >= {TARGET}x)\n"
        "  (two workers can only scale on two otherwise idle CPUs: read the ratio "
        "with the load averages above)"
    )


def locust_figures(prefix: Path) -> list[dict]:
    with open(f"{prefix}_stats.csv", newline="") as handle:
        return list(csv.DictReader(handle))


def test_verify_page_and_status_api_under_locust(services, tmp_path):
    with bench_database() as database_url:
        env = bench_env(database_url, tmp_path)
        run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], env)
        run(
            [sys.executable, "-m", "tests.benchmarks.verification_bench_seed", "8"]
            + [str(tmp_path)],
            env,
        )
        port = free_port()
        prefix = tmp_path / "locust"
        with gunicorn(env, port):
            started = time.monotonic()
            result = subprocess.run(
                [
                    str(Path(sys.executable).with_name("locust")),
                    "-f",
                    str(ROOT / "tests" / "benchmarks" / "locustfile_verify.py"),
                    "--headless",
                    "-u",
                    "200",
                    "-r",
                    "50",
                    "-t",
                    "20s",
                    "--host",
                    f"http://127.0.0.1:{port}",
                    "--csv",
                    str(prefix),
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                ],
                env={**env, "BENCH_IDS": str(tmp_path / "ids.txt")},
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=300,
            )
            elapsed = time.monotonic() - started
        assert (prefix.parent / "locust_stats.csv").exists(), result.stderr[-3000:]
    rows = locust_figures(prefix)
    print(
        "\nverify page and status API under locust (200 users, 50/s, 20 s, "
        f"gunicorn 2 workers x 16 threads, PostgreSQL, loopback; {elapsed:.0f} s):"
    )
    for row in rows:
        print(
            f"  {row['Name']:<28} requests {row['Request Count']:>6}  "
            f"errors {row['Failure Count']:>3}  p50 {row['50%']:>5} ms  "
            f"p99 {row['99%']:>5} ms  {float(row['Requests/s']):.1f} req/s"
        )
    aggregated = next(row for row in rows if row["Name"] == "Aggregated")
    assert int(aggregated["Request Count"]) > 0
    assert int(aggregated["Failure Count"]) == 0, result.stderr[-3000:]
