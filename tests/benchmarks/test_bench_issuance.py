"""Throughput of credential issuance, batch path against the naive way, and
the peak memory of a worker issuing many credentials.

Both sides run the same end-to-end pipeline (pending record, OB3 credential
with its eddsa-jcs-2022 proof, VC-JWT, PDF/A-3b render with the credential
attached, PAdES signature, atomic file writes, activation, holder e-mail),
with the same template, in the same process, interleaved in chunks so both see
the same machine load:

- batch: the product's bulk issuance (``credential_bulk_issue``, as the
  admin's cohort and approval screens call it) with its
  ``issue_credentials_batch`` tasks: each certificate stamped on its
  template's background, laid out once per program (``stamping``), the batch
  PAdES signer (CMS template), status indexes and activation per chunk;
- naive: ``credential_issue`` one by one with a fresh renderer and signer
  each time and stamping off (one full WeasyPrint render and one pyHanko
  signature from scratch per certificate);
- warm one by one: ``credential_issue`` one by one with the worker's warm
  renderer (stamping) and pyHanko signer: what automatic issuance does, for
  reference;
- batch, full renders: the batch path with stamping off
  (``LMS_CERTIFICATE_STAMPING``): a warm renderer doing full renders, the
  batch signer, to see what stamping earns end to end.

What each optimisation of the certificate itself earns is measured apart, by
``test_bench_fast_path_optimisations`` below.

Printed, never asserted. Sizes: ``BENCH_ISSUANCE_N`` (default 500) credentials
per side; ``BENCH_ISSUANCE_MEMORY_N`` (default 1000; 10000 for the larger
figure) for the memory run, batch path (``BENCH_ISSUANCE_MEMORY_MODE=warm``
for one by one), in committed transactions as a worker runs, with the RSS
printed at checkpoints, before and after the C allocator returns its free
memory (malloc_trim), next to the size of the in-memory test database, which
grows with the records kept and is not the worker's, and the peak RSS.
"""

import contextlib
import ctypes
import gc
import os
import resource
import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import override_settings

from certification.credentials import keys
from certification.issuance import pdf as issuance_pdf
from certification.issuance.batch import CHUNK_SIZE as CHUNK
from certification.issuance.service import credential_bulk_issue, credential_issue
from certification.models import Credential, CredentialStatus
from lms.accounts.identity import rut_check_digit
from tests.certification.conftest import make_program, make_standard

pytestmark = [pytest.mark.bench, pytest.mark.django_db]


def bulk_users(count: int, *, start: int) -> list:
    User = get_user_model()
    User.objects.bulk_create(
        User(
            username=f"holder{n}",
            email=f"holder{n}@example.org",
            legal_name=f"Participante Número {n}",
            country="CL",
            national_id=f"{20_000_000 + n}-{rut_check_digit(str(20_000_000 + n))}",
        )
        for n in range(start, start + count)
    )
    return list(User.objects.filter(username__startswith="holder").order_by("pk"))[
        start : start + count
    ]


@pytest.fixture
def program(settings, tmp_path):
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio de Prueba")
    standard = make_standard("CL", units=4, criteria=0)
    return make_program(standard, code="bench", validity_years=5)


def issue(users, program, capture, *, mode: str = "batch") -> float:
    """Issue to ``users``; return the seconds taken (eager tasks, in-process).

    ``mode``: "batch" (bulk issuance), "batch full" (bulk issuance, stamping
    off), "warm" (one by one, warm renderer and signer) or "naive" (one by
    one, fresh renderer and signer each time).
    """
    started = time.perf_counter()
    if mode in ("batch", "batch full"):
        stamping = mode == "batch"
        with (
            override_settings(LMS_CERTIFICATE_STAMPING=stamping),
            capture(execute=True),
        ):
            credential_bulk_issue(
                users=users, program=program, issued_by=None, force=True
            )
    else:
        stamping = mode != "naive"
        with override_settings(LMS_CERTIFICATE_STAMPING=stamping):
            for user in users:
                if mode == "naive":
                    issuance_pdf.caches_clear()
                with capture(execute=True):
                    credential_issue(user=user, program=program, force=True)
    elapsed = time.perf_counter() - started
    mail.outbox.clear()
    return elapsed


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    """The resident set now (the peak above is the whole process's, including
    the throughput test when both run in one session)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def malloc_trim() -> float:
    """The resident set once the C allocator has returned its free memory to
    the system (glibc's malloc_trim): what is left is held, not free."""
    gc.collect()
    with contextlib.suppress(OSError):  # not glibc
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return rss_mb()


def database_mb() -> float:
    """Size of the test database, which lives in this process's memory when it
    is SQLite's in-memory one (it grows with every credential kept)."""
    if connection.vendor != "sqlite":
        return 0.0
    with connection.cursor() as cursor:
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        size = cursor.execute("PRAGMA page_size").fetchone()[0]
    return pages * size / 2**20


def test_bench_issuance_batch_against_naive(
    program, django_capture_on_commit_callbacks
):
    n = int(os.environ.get("BENCH_ISSUANCE_N", "500"))
    modes = ("batch", "batch full", "warm", "naive")
    users = bulk_users(len(modes) * n + 3, start=0)
    for mode in ("batch", "batch full", "warm"):  # fonts, template, keys: untimed
        issue([users.pop()], program, django_capture_on_commit_callbacks, mode=mode)
    seconds = dict.fromkeys(modes, 0.0)
    for offset in range(0, n, CHUNK):
        for index, mode in enumerate(modes):
            start = index * n + offset
            seconds[mode] += issue(
                users[start : start + min(CHUNK, n - offset)],
                program,
                django_capture_on_commit_callbacks,
                mode=mode,
            )
    active = Credential.objects.filter(status=CredentialStatus.ACTIVE).count()
    assert active == len(modes) * n + 3
    each = {
        mode: f"{n / taken:.2f}/s ({1000 * taken / n:.0f} ms each)"
        for mode, taken in seconds.items()
    }
    print(
        f"\nissuance N={n} per side, 1 process: batch {each['batch']}, "
        f"batch with full renders {each['batch full']}, "
        f"warm one by one {each['warm']}, naive {each['naive']}; "
        f"ratio batch/naive {seconds['naive'] / seconds['batch']:.2f}x "
        f"(target >= 5x), batch with full renders/naive "
        f"{seconds['naive'] / seconds['batch full']:.2f}x, warm one by one/naive "
        f"{seconds['naive'] / seconds['warm']:.2f}x"
    )


# Committed transactions, as in a worker: inside one test transaction, every
# on-commit callback (and the credential rows it holds) would stay queued on
# the connection until the test ends, which is the test's memory, not the
# worker's.
@pytest.mark.django_db(transaction=True)
def test_bench_issuance_peak_memory(program, django_capture_on_commit_callbacks):
    n = int(os.environ.get("BENCH_ISSUANCE_MEMORY_N", "1000"))
    mode = os.environ.get("BENCH_ISSUANCE_MEMORY_MODE", "batch")
    # Ids only, as a worker gets them: holding 10,000 user objects (and what
    # they cache while issuing) would be the bench's memory, not the worker's.
    user_ids = [user.pk for user in bulk_users(n, start=0)]
    User = get_user_model()
    checkpoints = sorted({max(1, n // 10), n // 4, n // 2, 3 * n // 4, n})
    done = 0
    figures = []
    started = time.perf_counter()
    for checkpoint in checkpoints:
        for offset in range(done, checkpoint, CHUNK):
            chunk = user_ids[offset : min(offset + CHUNK, checkpoint)]
            issue(
                list(User.objects.filter(pk__in=chunk).order_by("pk")),
                program,
                django_capture_on_commit_callbacks,
                mode=mode,
            )
        done = checkpoint
        before = rss_mb()
        trimmed = malloc_trim()
        database = database_mb()
        figures.append(
            f"{done}: RSS {before:.0f} MB ({trimmed:.0f} MB trimmed, of which "
            f"{database:.0f} MB database: worker {trimmed - database:.0f} MB), "
            f"peak {peak_rss_mb():.0f} MB"
        )
    elapsed = time.perf_counter() - started
    print(
        f"\nissuance memory ({mode}) by credentials issued ({n} in {elapsed:.0f} s): "
        + ", ".join(figures)
    )


# -- the fast path, one optimisation at a time ---------------------------------
#
# Each side makes the same signed certificates (PDF/A-3b, credential attached,
# PAdES) with a warm renderer and signer, interleaved in rounds so all see the
# same machine load; sides differ by one switch each, so the ratio of two
# neighbours is what that optimisation earns per certificate:
#
# - full: full WeasyPrint renders, one by one, pyHanko signature;
# - stamped: the holder's fields stamped on the template's laid-out background
#   (``stamping``), pyHanko signature;
# - cms template: stamped, the batch signer's CMS template (pyHanko still
#   writes the incremental update);
# - written with the file: stamped, the signature's incremental update written
#   with the file by ``stamping`` (the product's path).
#
# A faster QR mask choice than segno's (measured here at 1.09x) and laying a
# chunk's certificates out as one document (slower than one by one) earned
# under a tenth and were removed.


def _items(context, credential, count, start):
    items = []
    for n in range(start, start + count):
        public_id = f"{n:032x}"
        items.append(
            (
                {
                    **context,
                    "holder_name": f"Participante Número {n}",
                    "public_id": public_id,
                    "verify_url": f"https://cultura.example:8443/verify/{public_id}/",
                },
                credential,
                None,
            )
        )
    return items


@pytest.fixture
def certificate_inputs():
    from tests.credentials.conftest import context, credential_data

    return context.__wrapped__(), credential_data.__wrapped__()


def test_bench_fast_path_optimisations(settings, tmp_path, certificate_inputs):
    from certification.credentials import openbadge, pades, pdf

    context, data = certificate_inputs
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.LMS_PUBLIC_URL = "https://cultura.example:8443"
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio de Prueba")
    credential = openbadge.credential_sign_for_issuer(
        openbadge.credential_build(data), issuer_code="CL"
    )
    n = int(os.environ.get("BENCH_FAST_PATH_N", "100"))
    renderer = pdf.CertificateRenderer()
    plain = pades.PadesSigner.for_issuer("CL")
    batch = pades.BatchPadesSigner.for_issuer("CL")

    def full(items):
        return [
            plain.sign(renderer.render(c, credential_json=j, attachment_time=m))
            for c, j, m in items
        ]

    def stamped(items):
        return [plain.sign(data) for data in renderer.render_many(items)]

    def cms_template(items):
        return [batch.sign(data) for data in renderer.render_many(items)]

    def with_the_file(items):
        return renderer.render_many(items, signer=batch)

    sides = {
        "full": full,
        "stamped": stamped,
        "cms template": cms_template,
        "written with the file": with_the_file,
    }
    for side in sides.values():  # fonts, background, CMS template; not timed
        side(_items(context, credential, 1, 10**6))
    seconds = dict.fromkeys(sides, 0.0)
    made = 0
    chunk = 10
    for offset in range(0, n, chunk):
        count = min(chunk, n - offset)
        for name, side in sides.items():
            items = _items(context, credential, count, made)
            made += count
            started = time.perf_counter()
            documents = side(items)
            seconds[name] += time.perf_counter() - started
            assert len(documents) == count
    assert renderer.stamped >= 3 * n
    each = ", ".join(
        f"{name} {1000 * taken / n:.1f} ms" for name, taken in seconds.items()
    )

    def ratio(slower, faster):
        return f"{seconds[slower] / seconds[faster]:.2f}x"

    print(
        f"\nfast path N={n} per side, per certificate: {each}\n"
        f"  stamping (full / stamped): {ratio('full', 'stamped')}\n"
        f"  CMS template (stamped / cms template): {ratio('stamped', 'cms template')}"
        f"\n  update written with the file (cms template / written with the file): "
        f"{ratio('cms template', 'written with the file')}\n"
        f"  all (full / written with the file): "
        f"{ratio('full', 'written with the file')}"
    )
