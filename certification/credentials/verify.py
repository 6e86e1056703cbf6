"""Offline verification of a certificate PDF with the issuer's public keys.

Checks, in order, each reported as passed or failed with a reason:

1. ``attachment``: the PDF carries ``credential.json`` and it is JSON;
2. ``proof``: its eddsa-jcs-2022 proof verifies with the issuer's key;
3. ``signature``: the PAdES signature is intact, valid, made with the
   issuer's certificate and covers the entire file.

Online checks (file hash against the issued record, live status) belong to
the caller, who can append them to the same report with :meth:`Report.add`.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from .pades import PdfError, extract_attachment, validate_pdf
from .pdfsafe import Budget, BudgetExceeded
from .proof import verify_document


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    reason: str = ""


@dataclass
class Report:
    checks: list[Check] = field(default_factory=list)
    credential: dict | None = None
    exceeded: BudgetExceeded | None = None

    def add(self, name: str, passed: bool, reason: str = "") -> Check:
        check = Check(name, passed, reason)
        self.checks.append(check)
        return check

    @property
    def valid(self) -> bool:
        return bool(self.checks) and all(check.passed for check in self.checks)

    @property
    def failed(self) -> list[Check]:
        return [check for check in self.checks if not check.passed]

    def as_dict(self) -> dict:
        return {
            "valid": self.valid,
            "checks": [
                {"name": c.name, "passed": c.passed, "reason": c.reason}
                for c in self.checks
            ],
        }


def verify_pdf(pdf_bytes: bytes, *, public_keys, trust_roots) -> Report:
    """Verify a certificate PDF offline.

    ``public_keys``: Ed25519 key, mapping verification-method id -> key (e.g.
    :func:`keys.public_keys_from_did_document`) or callable.
    ``trust_roots``: certificates accepted for the PAdES signature (the
    issuer's signing certificate or its CA).
    """
    report = Report()
    if not isinstance(pdf_bytes, bytes | bytearray) or not pdf_bytes.startswith(
        b"%PDF-"
    ):
        report.add("attachment", False, "the file is not a PDF")
        report.add("proof", False, "no credential to check")
        report.add("signature", False, "the file is not a PDF")
        return report
    _check_credential(bytes(pdf_bytes), public_keys, report)
    signature = validate_pdf(bytes(pdf_bytes), trust_roots)
    report.add("signature", signature.ok, signature.reason)
    return report


def _not_a_pdf(pdf_bytes) -> Report | None:
    if isinstance(pdf_bytes, bytes | bytearray) and pdf_bytes.startswith(b"%PDF-"):
        return None
    report = Report()
    report.add("attachment", False, "the file is not a PDF")
    report.add("proof", False, "no credential to check")
    report.add("signature", False, "the file is not a PDF")
    return report


def verify_pdf_untrusted(
    pdf_bytes: bytes,
    *,
    keys_for: Callable[[dict | None], tuple],
    budget: Budget | None = None,
) -> Report:
    """Verify a PDF from outside: every parse of it happens in the sandbox
    (:mod:`.sandbox`), within ``budget``.

    ``keys_for(credential)`` (run here, with the embedded credential dict or
    None) returns ``(public_keys, trust_roots)``; ``trust_roots=None`` checks
    the signature's integrity only. When the file breaks its budget the
    report's first check is ``readable`` (failed, naming the limit) and
    ``report.exceeded`` says which.
    """
    from .sandbox import pdf_inspect

    report = _not_a_pdf(pdf_bytes)
    if report is not None:
        return report
    report = Report()
    chosen: dict = {}

    def roots_for(raw: bytes | None):
        chosen["credential"] = _parse_credential(raw)
        chosen["keys"], roots = keys_for(chosen["credential"][0])
        return roots

    inspection = pdf_inspect(bytes(pdf_bytes), budget=budget, roots_for=roots_for)
    if inspection.exceeded is not None:
        report.exceeded = inspection.exceeded
        report.add("readable", False, str(inspection.exceeded))
        report.add("attachment", False, "not checked: the file is unreadable")
        report.add("proof", False, "not checked: the file is unreadable")
        report.add("signature", False, "not checked: the file is unreadable")
        return report
    credential, error = chosen.get("credential", (None, ""))
    if inspection.attachment is None:
        credential, error = None, inspection.attachment_error
    _report_credential(credential, error, chosen.get("keys", {}), report)
    signature = inspection.signature
    if signature is None:
        report.add("signature", False, "the signature cannot be checked")
    else:
        report.add("signature", signature.ok, signature.reason)
    return report


def _parse_credential(raw: bytes | None) -> tuple[dict | None, str]:
    if raw is None:
        return None, ""
    try:
        credential = json.loads(raw)
    except ValueError as exc:
        return None, f"credential.json is not valid JSON: {exc}"
    if not isinstance(credential, dict):
        return None, "credential.json is not valid JSON: not a JSON object"
    return credential, ""


def _report_credential(credential, error: str, public_keys, report: Report) -> None:
    if credential is None:
        report.add("attachment", False, error)
        report.add("proof", False, "no credential to check")
        return
    report.add("attachment", True)
    report.credential = credential
    result = verify_document(credential, public_keys)
    report.add("proof", result.verified, result.reason)


def _check_credential(pdf_bytes: bytes, public_keys, report: Report) -> None:
    try:
        credential, error = _parse_credential(extract_attachment(pdf_bytes))
    except PdfError as exc:
        credential, error = None, str(exc)
    _report_credential(credential, error, public_keys, report)
