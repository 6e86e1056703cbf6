"""The reports dashboard at 10,000 and at 1,000,000 enrolments.

Dashboards read the summary table, whose size is bounded by the breakdowns'
values (months, countries, sectors, courses, regions...), not by the number of
people, so the dashboard should render in about the same time at both sizes
(target: within a ratio of 1.5) and with the same number of queries. The time
to rebuild the summary from scratch at a million enrolments is printed too.

Attempts (one per person), applications (one per person), credentials (one
per two people) and verifications (two per credential) grow with the people.

``REPORTS_BENCH_SMALL`` and ``REPORTS_BENCH_LARGE`` set the sizes (multiples
of 20; defaults 10,000 and 1,000,000, and ``REPORTS_BENCH_SMALL=200
REPORTS_BENCH_LARGE=400`` checks the benchmark itself quickly); with
``DATABASE_URL`` set it runs on that database (PostgreSQL, say). Run with
``make bench``, or on its own:
``pytest tests/benchmarks/test_bench_reports.py -m bench -s``.
"""

import gc
import os
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import Enrolment
from courses.reports.models import ReportFigure
from courses.reports.summaries import summaries_rebuild
from tests.conftest import make_course
from tests.factories import UserFactory
from tests.reports.seed import reports_seed

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

COURSES = 20
SMALL = int(os.environ.get("REPORTS_BENCH_SMALL", 10_000))
LARGE = int(os.environ.get("REPORTS_BENCH_LARGE", 1_000_000))
RUNS = 15


def dashboard_time(client) -> tuple[float, float, int, list[tuple[float, str]]]:
    """Fastest render (wall clock, and this process's CPU time) of ``RUNS``:
    the one other processes on a shared machine disturbed least; number of
    queries, and the slowest queries of the last render (seconds, SQL)."""
    gc.collect()
    client.get("/admin/reports/")  # warm
    times, cpu_times = [], []
    for _run in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            started, cpu_started = time.perf_counter(), time.process_time()
            answer = client.get("/admin/reports/")
            times.append(time.perf_counter() - started)
            cpu_times.append(time.process_time() - cpu_started)
        assert answer.status_code == 200
    slowest = sorted(
        ((float(query["time"]), query["sql"]) for query in queries.captured_queries),
        reverse=True,
    )[:3]
    return (
        min(times),
        min(cpu_times),
        len(queries),
        slowest,
    )


def test_dashboard_at_ten_thousand_and_a_million_enrolments(client, sector_page):
    courses = [
        make_course(sector_page, title=f"Curso {n}", slug=f"curso-{n}", lessons=1)
        for n in range(COURSES)
    ]
    admin = UserFactory(username="bench-admin", is_superuser=True, is_staff=True)
    client.force_login(admin)

    seed = reports_seed(courses, people=SMALL // COURSES, prefix="small-")
    summaries_rebuild()
    small_rows = ReportFigure.objects.count()
    small_time, small_cpu, small_queries, _slowest = dashboard_time(client)

    started = time.perf_counter()
    reports_seed(
        courses,
        people=(LARGE - SMALL) // COURSES,
        prefix="large-",
        programs=seed["programs"],
    )
    seeded = time.perf_counter() - started
    assert Enrolment.objects.count() == LARGE
    build = summaries_rebuild()
    large_rows = ReportFigure.objects.count()
    large_time, large_cpu, large_queries, slowest = dashboard_time(client)

    print(
        f"\nreports dashboard, fastest of {RUNS} renders"
        f"\n  {SMALL:>9,} enrolments: {small_time * 1000:7.1f} ms "
        f"({small_cpu * 1000:.1f} ms CPU), {small_queries} queries, "
        f"{small_rows:,} summary rows"
        f"\n  {LARGE:>9,} enrolments: {large_time * 1000:7.1f} ms "
        f"({large_cpu * 1000:.1f} ms CPU), {large_queries} queries, "
        f"{large_rows:,} summary rows"
        f"\n  ratio ({LARGE:,} / {SMALL:,}): {large_time / small_time:.2f} wall clock,"
        f" {large_cpu / small_cpu:.2f} CPU (target <= 1.5; load average "
        f"{os.getloadavg()[0]:.1f})"
        f"\n  summary rebuilt from scratch at {LARGE:,}: {build.seconds:.1f} s"
        f" ({seeded:.0f} s to write the raw rows)"
        f"\n  slowest queries at {LARGE:,}:"
        + "".join(f"\n    {spent * 1000:6.1f} ms  {sql[:99]}" for spent, sql in slowest)
    )
    assert small_queries == large_queries
