"""Online checks of an uploaded certificate PDF or a credential JSON.

The offline checks (attachment, proof, PAdES signature) are those of
``certification.credentials.verify.verify_pdf``, run with the keys of the
issuer on record; the online ones are added to the same report:

- ``hash``: the file's SHA-256 equals the one of the issued record (a genuine
  but superseded revision is recognised as such);
- ``status``: the record's live status (active and within validity).

The file is parsed only in the sandbox (``certification.credentials.sandbox``),
within the budget of ``settings.LMS_PDF_BUDGET``; a file that breaks it is
``unreadable``, with a ``readable`` check naming the limit.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass

from cryptography import x509
from django.conf import settings

from certification.credentials import keys
from certification.credentials.pdfsafe import Budget
from certification.credentials.proof import verify_document
from certification.credentials.verify import Report, verify_pdf_untrusted
from certification.issuance.issuers import issuer_did_resolve
from certification.issuance.selectors import credential_public_get
from certification.issuance.statuslists import issuer_key_code
from certification.models import Credential, Issuer

from .selectors import credential_verdict
from .verdicts import Verdict, budget_reason

logger = logging.getLogger(__name__)

MAX_PDF_BYTES = 10 * 1024 * 1024
# A learner record embeds every credential of a person: a few hundred kB.
MAX_JSON_BYTES = 2 * 1024 * 1024
_VERIFY_ID = re.compile(r"/verify/([0-9a-f]{32})/?$")
_INTEGRITY = ("attachment", "proof", "signature")


@dataclass
class Verification:
    """A verdict, the report of every check and the record it concerns."""

    verdict: Verdict
    report: Report
    credential: Credential | None = None

    def as_dict(self) -> dict:
        return {
            "verdict": self.verdict.value,
            "valid": self.verdict == Verdict.VALID,
            "public_id": self.credential.public_id if self.credential else None,
            "checks": self.report.as_dict()["checks"],
        }


def looks_like_pdf(data: bytes) -> bool:
    """Content sniffing: a PDF header in the first kilobyte (as readers allow)."""
    return isinstance(data, bytes | bytearray) and b"%PDF-" in bytes(data[:1024])


def record_for_document(document) -> Credential | None:
    """The issued (non-pending) record a credential JSON claims to be."""
    if not isinstance(document, dict) or not isinstance(document.get("id"), str):
        return None
    match = _VERIFY_ID.search(document["id"])
    return credential_public_get(match.group(1)) if match else None


def issuer_code_for(credential: Credential | None, document) -> str | None:
    """Whose keys verify: the record's issuer, else the DID the document names
    if it is one of ours (so a forged document is judged with real keys)."""
    if credential is not None:
        return issuer_key_code(credential.issuer)
    issuer = document.get("issuer") if isinstance(document, dict) else None
    did = issuer.get("id") if isinstance(issuer, dict) else issuer
    if not isinstance(did, str):
        return None
    for candidate in Issuer.objects.select_related("credential_profile"):
        code = issuer_key_code(candidate)
        try:
            if keys.issuer_did(code) == did:
                return code
        except ValueError:
            continue
    return None


def issuer_public_keys(code: str | None) -> dict:
    """Verification method id -> Ed25519 key for the issuer (empty if none),
    from the DID document did:web resolution finds for the issuer's DID."""
    if code is None:
        return {}
    try:
        return keys.public_keys_from_did_document(issuer_did_resolve(code))
    except (keys.KeyMaterialError, ValueError):
        return {}


def issuer_trust_roots(code: str | None) -> list:
    """The issuer's signing certificate, its CA chain and retired certificates."""
    if code is None:
        return []
    # Public files only: a verifying installation needs no private key (a
    # restored backup holds none until the keys are put back).
    directory = keys.key_directory(code)
    try:
        roots = [keys.load_certificate(directory / keys.SIGNING_CERT_FILE)]
        chain_path = directory / keys.SIGNING_CHAIN_FILE
        if chain_path.exists():
            roots += x509.load_pem_x509_certificates(chain_path.read_bytes())
    except (keys.KeyMaterialError, ValueError, OSError):
        return []
    retired = keys.key_directory(code) / "retired"
    if retired.is_dir():
        for path in sorted(retired.glob(f"*/{keys.SIGNING_CERT_FILE}")):
            try:
                roots.append(keys.load_certificate(path))
            except keys.KeyMaterialError:
                continue
    return roots


def pdf_budget() -> Budget:
    """The reading budget of an uploaded PDF (``settings.LMS_PDF_BUDGET``
    overrides the defaults of :class:`Budget`, field by field)."""
    return Budget.from_mapping(getattr(settings, "LMS_PDF_BUDGET", None))


def _hash_check(data: bytes, credential: Credential | None, report: Report) -> bool:
    """Add the ``hash`` check; return True when the file is a superseded one."""
    digest = hashlib.sha256(data).hexdigest()
    if credential is None:
        report.add("hash", False, "no issued credential matches this file")
        return False
    if credential.pdf_sha256 and digest == credential.pdf_sha256:
        report.add("hash", True)
        return False
    earlier = credential.events.filter(pdf_sha256=digest).exists()
    if earlier:
        report.add("hash", False, "this file was replaced by a later reissue")
        return True
    report.add("hash", False, "the file differs from the one issued")
    return False


def _status_check(credential: Credential | None, report: Report) -> Verdict:
    verdict = credential_verdict(credential)
    if credential is None:
        report.add("status", False, "no issued credential to check")
    elif verdict == Verdict.VALID:
        report.add("status", True)
    else:
        reason = verdict.value
        if verdict == Verdict.REVOKED and credential.status_reason:
            reason = f"revoked: {credential.status_reason}"
        report.add("status", False, reason)
    return verdict


def pdf_verify(data: bytes, *, budget: Budget | None = None) -> Verification:
    """Every check of an uploaded certificate PDF, and the verdict.

    Never raises for bad bytes and never outlasts the budget: a non-PDF, or a
    file that breaks its reading budget, is ``unreadable``; a failed
    attachment, proof, signature or hash check is ``altered``
    (``superseded`` for a genuine file replaced by a reissue); otherwise the
    live status decides (valid, expired, suspended, revoked).
    """
    data = bytes(data or b"")
    if not looks_like_pdf(data):
        report = Report()
        report.add("attachment", False, "the file is not a PDF")
        report.add("proof", False, "no credential to check")
        report.add("signature", False, "the file is not a PDF")
        report.add("hash", False, "the file is not a PDF")
        report.add("status", False, "no issued credential to check")
        return Verification(Verdict.UNREADABLE, report)
    found: dict = {}

    def keys_for(document):
        found["credential"] = record_for_document(document)
        code = issuer_code_for(found["credential"], document)
        return issuer_public_keys(code), issuer_trust_roots(code)

    report = verify_pdf_untrusted(
        data, keys_for=keys_for, budget=budget or pdf_budget()
    )
    credential = found.get("credential")
    if report.exceeded is not None:
        logger.warning("An uploaded PDF broke its reading budget: %s", report.exceeded)
        reason = str(budget_reason(report.exceeded.limit, report.exceeded.allowed))
        report.checks[0] = type(report.checks[0])("readable", False, reason)
        _hash_check(data, None, report)
        _status_check(None, report)
        return Verification(Verdict.UNREADABLE, report)
    superseded = _hash_check(data, credential, report)
    verdict = _status_check(credential, report)
    failed = {check.name for check in report.failed}
    if failed & set(_INTEGRITY):
        verdict = Verdict.ALTERED
    elif "hash" in failed:
        verdict = Verdict.SUPERSEDED if superseded else Verdict.ALTERED
    return Verification(verdict, report, credential)


def credential_json_verify(document) -> Verification:
    """Check a credential JSON: its proof with the issuer's keys, then the
    record's live status (``not_found`` when no issued record matches)."""
    report = Report()
    credential = record_for_document(document)
    code = issuer_code_for(credential, document)
    if not isinstance(document, dict):
        report.add("proof", False, "the credential is not a JSON object")
    else:
        result = verify_document(document, issuer_public_keys(code))
        report.add("proof", result.verified, result.reason)
    report.credential = document if isinstance(document, dict) else None
    verdict = _status_check(credential, report)
    if not report.checks[0].passed:
        verdict = Verdict.ALTERED
    return Verification(verdict, report, credential)


@dataclass
class RecordVerification:
    """A ClrCredential's own check and one Verification per embedded credential."""

    verdict: Verdict
    report: Report
    embedded: list[Verification]

    def as_dict(self) -> dict:
        return {
            "verdict": self.verdict.value,
            "valid": self.verdict == Verdict.VALID,
            "checks": self.report.as_dict()["checks"],
            "credentials": [
                {
                    "id": (item.report.credential or {}).get("id"),
                    "name": (item.report.credential or {}).get("name"),
                    **item.as_dict(),
                }
                for item in self.embedded
            ],
        }


def clr_verify(document) -> RecordVerification:
    """Check a CLR 2.0 ClrCredential: its own proof with the keys of the
    issuer it names (one of ours), then each embedded credential as
    :func:`credential_json_verify` does (its proof, the live status of its
    record). ``altered`` when the record's proof fails; otherwise ``valid``
    only when every embedded credential is."""
    from certification.credentials.clr import embedded_credentials

    report = Report()
    report.credential = document if isinstance(document, dict) else None
    code = issuer_code_for(None, document)
    if not isinstance(document, dict):
        report.add("record_proof", False, "the credential is not a JSON object")
    else:
        result = verify_document(document, issuer_public_keys(code))
        report.add("record_proof", result.verified, result.reason)
    embedded = [
        credential_json_verify(item)
        for item in (embedded_credentials(document) if report.credential else [])
    ]
    report.add(
        "record_contents",
        bool(embedded),
        "" if embedded else "the record embeds no credential",
    )
    if not report.valid:
        verdict = Verdict.ALTERED
    elif all(item.verdict == Verdict.VALID for item in embedded):
        verdict = Verdict.VALID
    elif any(item.verdict == Verdict.ALTERED for item in embedded):
        verdict = Verdict.ALTERED
    else:
        verdict = _worst(embedded)
    return RecordVerification(verdict, report, embedded)


def _worst(embedded: list[Verification]) -> Verdict:
    order = [
        Verdict.REVOKED,
        Verdict.NOT_FOUND,
        Verdict.SUSPENDED,
        Verdict.SUPERSEDED,
        Verdict.EXPIRED,
    ]
    verdicts = {item.verdict for item in embedded}
    for verdict in order:
        if verdict in verdicts:
            return verdict
    return Verdict.VALID
