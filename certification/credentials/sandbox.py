"""Read an untrusted PDF in a child process with hard limits.

Everything that parses the file (the budgeted reader of :mod:`.pdfsafe`,
then pyHanko's signature validation) runs in a process forked from a
``forkserver`` that has the parsers loaded, so a child costs a fork, not an
interpreter start. The child limits itself first (``RLIMIT_AS``: its own
address space plus ``Budget.memory_bytes``; ``RLIMIT_CPU``:
``Budget.cpu_seconds``) and the parent kills it after ``Budget.seconds`` of
wall-clock time. One request's file can then exhaust neither the web
process's memory nor its threads.

The conversation, over a pipe:

1. child -> parent: the embedded ``credential.json`` (or why there is none);
2. parent -> child: the certificates to trust for the PAdES signature, which
   the parent picks from what the credential claims (``None``: the embedded
   signer's own certificate, i.e. integrity only);
3. child -> parent: the signature report.

Pure Python, no Django: the offline verifier uses it as the web does.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass

from .pdfsafe import (
    ATTACHMENT_NAME,
    Budget,
    BudgetExceeded,
    Meter,
    PdfError,
    open_reader,
    read_attachment,
    walk_structure,
)

_PRELOAD = ["certification.credentials.sandbox", "pyhanko.sign.validation"]


@dataclass
class Inspection:
    """What the sandbox learnt about one file."""

    attachment: bytes | None = None
    attachment_error: str = ""
    signature: object = None  # pades.SignatureReport
    exceeded: BudgetExceeded | None = None
    peak_rss: int = 0  # the child's peak resident memory, bytes (0: unknown)
    cpu_seconds: float = 0.0  # the child's processor time (0: unknown)


def _address_space() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _limit_resources(budget: Budget) -> None:
    cpu = int(budget.cpu_seconds)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    try:
        ceiling = _address_space() + int(budget.memory_bytes)
    except OSError:
        ceiling = int(budget.memory_bytes)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))


def _child(conn, pdf: bytes, budget: Budget) -> None:
    """The child's side of the conversation (see the module docstring)."""
    try:
        _limit_resources(budget)
        _converse(conn, pdf, budget)
    except BudgetExceeded as exc:
        conn.send(("exceeded", exc.limit, exc.allowed))
    except MemoryError:
        conn.send(("exceeded", "memory", budget.memory_bytes))
    except RecursionError:
        conn.send(("exceeded", "depth", budget.max_depth))
    except Exception as exc:  # noqa: BLE001 - a parser's surprise is a damaged file
        conn.send(("broken", f"the PDF cannot be read: {exc}"))
    finally:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        with contextlib.suppress(OSError, ValueError):
            conn.send(
                ("usage", usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime)
            )
        conn.close()


def _converse(conn, pdf: bytes, budget: Budget) -> None:
    from asn1crypto import x509 as asn1_x509

    from .pades import SignatureReport, validate_pdf

    meter = Meter(budget)
    try:
        reader = open_reader(pdf, meter)
    except BudgetExceeded:
        raise
    except PdfError as exc:
        conn.send(("attachment", None, str(exc)))
        conn.recv()
        conn.send(("signature", SignatureReport(False, reason=str(exc))))
        return
    try:
        walk_structure(reader, meter)
    except (BudgetExceeded, MemoryError):
        raise
    except Exception:  # noqa: BLE001, S110 - damage is for the signature check to report
        pass
    try:
        conn.send(("attachment", read_attachment(reader, meter), ""))
    except BudgetExceeded:
        raise
    except PdfError as exc:
        conn.send(("attachment", None, str(exc)))
    roots = conn.recv()
    meter.tick_time()
    if roots is None:
        try:
            signatures = reader.embedded_signatures
            certificates = [signatures[-1].signer_cert] if signatures else []
        except Exception:  # noqa: BLE001 - a broken file: validation says so
            certificates = []
    else:
        certificates = [asn1_x509.Certificate.load(der) for der in roots]
    conn.send(("signature", validate_pdf(pdf, certificates, reader=reader)))


def _context():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


def _der(certificate) -> bytes:
    from cryptography.hazmat.primitives import serialization

    if hasattr(certificate, "public_bytes"):
        return certificate.public_bytes(serialization.Encoding.DER)
    return certificate.dump()


def _receive(conn, process, deadline: float, budget: Budget):
    """The child's next message, or the budget it broke by dying or lasting."""
    remaining = deadline - time.monotonic()
    if remaining > 0 and conn.poll(remaining):
        try:
            return conn.recv()
        except (EOFError, OSError):
            pass
    else:
        raise BudgetExceeded("time", budget.seconds)
    process.join(1)
    if process.exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise BudgetExceeded("cpu", budget.cpu_seconds)
    # Died without a word: the memory limit (an allocation in C) or a crash.
    raise BudgetExceeded("memory", budget.memory_bytes)


def pdf_inspect(
    pdf: bytes,
    *,
    budget: Budget | None = None,
    roots_for: Callable[[bytes | None], list | None],
) -> Inspection:
    """Read ``pdf`` in the sandbox: its embedded credential, then its PAdES
    signature checked with ``roots_for(credential_bytes)`` certificates.

    Never hangs and never raises for the file's content: a broken budget is
    reported in ``Inspection.exceeded``.
    """
    budget = budget or Budget()
    inspection = Inspection()
    if len(pdf) > budget.max_bytes:
        inspection.exceeded = BudgetExceeded("bytes", budget.max_bytes)
        return inspection
    context = _context()
    parent, child = context.Pipe()
    process = context.Process(
        target=_child, args=(child, bytes(pdf), budget), daemon=True
    )
    deadline = time.monotonic() + budget.seconds
    process.start()
    child.close()
    try:
        message = _receive(parent, process, deadline, budget)
        if message[0] == "attachment":
            inspection.attachment, inspection.attachment_error = message[1:]
            roots = roots_for(inspection.attachment)
            parent.send(None if roots is None else [_der(c) for c in roots])
            message = _receive(parent, process, deadline, budget)
        if message[0] == "signature":
            inspection.signature = message[1]
        elif message[0] == "exceeded":
            inspection.exceeded = BudgetExceeded(message[1], message[2])
        elif message[0] == "broken":
            inspection.attachment = None
            inspection.attachment_error = message[1]
        if parent.poll(1):
            message = parent.recv()
            if message[0] == "usage":
                inspection.peak_rss, inspection.cpu_seconds = message[1:]
    except BudgetExceeded as exc:
        inspection.exceeded = exc
    except (EOFError, OSError):
        pass
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        parent.close()
    return inspection


__all__ = ["ATTACHMENT_NAME", "Budget", "BudgetExceeded", "Inspection", "pdf_inspect"]
