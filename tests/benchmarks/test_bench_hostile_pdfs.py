"""Hostile PDFs against a genuine certificate: what reading each costs.

For every hostile file of ``tests/verification/hostile.py`` (and the genuine
certificate as the yardstick), the worst of ``RUNS`` verifications through
the sandbox (``certification.credentials.sandbox.pdf_inspect``, default
budget): wall-clock time, the sandbox process's processor time and peak
resident memory, the web process's own peak Python allocations
(tracemalloc), the limit the file broke, and the ratio of the time to the
genuine certificate's. Figures are printed, never asserted.

Run with ``make bench`` (or ``pytest tests/benchmarks/test_bench_hostile_pdfs.py
-m bench -s``).
"""

import time
import tracemalloc

import pytest

from certification.credentials.keys import load_signing_certificate
from certification.credentials.sandbox import pdf_inspect
from tests.verification.conftest import (  # noqa: F401 - fixtures
    issued,
    issuer_keys,
    pdf_of,
    program,
)
from tests.verification.hostile import HOSTILE, dag_name_tree, inflation_bomb

pytestmark = pytest.mark.bench

RUNS = 3


def measure(data: bytes, roots) -> dict:
    worst = {"seconds": 0.0, "cpu": 0.0, "rss": 0, "parent": 0, "limit": ""}
    for _ in range(RUNS):
        tracemalloc.start()
        started = time.perf_counter()
        try:
            inspection = pdf_inspect(data, roots_for=lambda _raw: roots)
            elapsed = time.perf_counter() - started
            _current, parent_peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        worst["seconds"] = max(worst["seconds"], elapsed)
        worst["cpu"] = max(worst["cpu"], inspection.cpu_seconds)
        worst["rss"] = max(worst["rss"], inspection.peak_rss)
        worst["parent"] = max(worst["parent"], parent_peak)
        if inspection.exceeded is not None:
            worst["limit"] = inspection.exceeded.limit
        elif inspection.signature is not None and inspection.signature.ok:
            worst["limit"] = "(valid)"
    return worst


def test_bench_hostile_pdfs(issued):  # noqa: F811 - the fixture
    genuine = pdf_of(issued)
    roots = [load_signing_certificate("CL").certificate]
    files = {"genuine certificate": genuine}
    files |= {name: build() for name, (build, _limit) in sorted(HOSTILE.items())}
    files["dag name tree 60^5 (issue)"] = dag_name_tree(depth=5, fanout=60)
    files["inflation bomb 300 MB (issue)"] = inflation_bomb(megabytes=300)
    pdf_inspect(genuine, roots_for=lambda _raw: roots)  # starts the forkserver

    results = {name: measure(data, roots) for name, data in files.items()}
    baseline = results["genuine certificate"]["seconds"]
    print()
    print(
        f"{'file':32} {'size':>9} {'worst s':>8} {'x genuine':>9} {'cpu s':>6} "
        f"{'child peak RSS':>15} {'web peak alloc':>15}  limit"
    )
    for name, figures in results.items():
        print(
            f"{name:32} {len(files[name]):>9} {figures['seconds']:>8.3f} "
            f"{figures['seconds'] / baseline:>9.2f} {figures['cpu']:>6.2f} "
            f"{figures['rss'] / 2**20:>11.1f} MiB "
            f"{figures['parent'] / 2**20:>11.1f} MiB  {figures['limit']}"
        )
    assert results["genuine certificate"]["limit"] == "(valid)"
