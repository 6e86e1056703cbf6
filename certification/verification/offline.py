"""``lms-verify``: verify a certificate PDF offline, without Django.

    lms-verify CERTIFICATE.pdf --key did.json|public-key.pem|did:web:…
               [--cert signing-cert.pem] [--status-list message.json]
    lms-verify historial-clr.json --key did.json [--key other-did.json]
               [--status-list message.json]

A JSON file is a credential (Open Badges 3.0) or a learner record (CLR 2.0
``ClrCredential``, «Descargar mi historial»): its proof is verified, and for a
record each embedded credential's proof, validity and (given its list) status,
each reported on its own line. Repeat ``--key`` with the DID documents of every
issuer whose credentials the record embeds.

Checks the embedded credential, its eddsa-jcs-2022 proof with the issuer's
published key (the did:web document at ``/issuers/<code>/did.json`` or a PEM
public key), the PAdES signature and the credential's validity dates.

``--key did:web:…`` resolves the issuer's DID over the network by the did:web
method, with the same resolver as the verify page
(:mod:`certification.credentials.didweb`): over HTTPS, or over HTTP only for
the host of an ``http://`` development address given in the environment
variable ``LMS_PUBLIC_URL``.

Status (suspension, revocation) is published in the issuer's Bitstring Status
List credentials, whose addresses the certificate names (printed as "status
list:"). Given a downloaded copy with ``--status-list``, the list's own proof
is verified with the same key and the certificate's status read from it,
offline; otherwise use the verify page or ``/api/v1/credentials/<id>``.
Certificates name one ``message`` list (2 bits: valid, suspended, revoked);
those issued before name a revocation and a suspension list (repeat the
option for both).

Without ``--cert`` the PDF signature is checked for integrity only (the
signer's certificate is not compared with the issuer's); the credential's
proof still authenticates what it states.

Exit status: 0 valid, 1 invalid (reasons printed), 2 bad arguments.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from certification.credentials.keys import (
    KeyMaterialError,
    load_certificate,
    public_keys_from_did_document,
)
from certification.credentials.pdfsafe import Budget
from certification.credentials.verify import Report, verify_pdf_untrusted

MAX_PDF_BYTES = 50 * 1024 * 1024


class UsageError(Exception):
    """Bad arguments or unreadable inputs: exit status 2, one line."""


def resolve_did_key(did: str):
    """Every assertion key of a did:web DID, resolved over the network."""
    from certification.credentials.didweb import DidWebError, did_web_resolve

    try:
        document = did_web_resolve(did, public_url=os.environ.get("LMS_PUBLIC_URL"))
        keys = public_keys_from_did_document(document)
    except (DidWebError, KeyMaterialError) as exc:
        raise UsageError(f"cannot resolve {did}: {exc}") from exc
    if not keys:
        raise UsageError(f"{did} lists no Multikey assertion key")
    return keys


def load_key_file(path: Path):
    """A did.json (every assertion key) or a PEM Ed25519 public key."""
    if str(path).startswith("did:"):
        return resolve_did_key(str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read key file {path}: {exc.strerror}") from exc
    if data.lstrip().startswith(b"{"):
        try:
            keys = public_keys_from_did_document(json.loads(data))
        except (ValueError, KeyMaterialError) as exc:
            raise UsageError(f"{path} is not a usable DID document: {exc}") from exc
        if not keys:
            raise UsageError(f"{path} lists no Multikey assertion key")
        return keys
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError as exc:
        raise UsageError(f"{path} is neither a did.json nor a PEM public key") from exc
    if not isinstance(key, ed25519.Ed25519PublicKey):
        raise UsageError(f"{path} is not an Ed25519 public key")
    return key


def validity_check(report: Report, now: dt.datetime | None = None) -> None:
    credential = report.credential or {}
    now = now or dt.datetime.now(dt.UTC)
    until = credential.get("validUntil")
    if not until:
        report.add("validity", True)
        return
    try:
        moment = dt.datetime.fromisoformat(str(until).replace("Z", "+00:00"))
    except ValueError:
        report.add("validity", False, f"unreadable validUntil {until!r}")
        return
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    if moment <= now:
        report.add("validity", False, f"expired on {until}")
    else:
        report.add("validity", True)


def status_checks(report: Report, lists: list[dict], public_keys) -> None:
    """Read the credential's status bits in the given list credentials (each
    verified first); an entry whose list was not given is not checked."""
    from certification.credentials.proof import verify_document
    from certification.credentials.statuslist import (
        StatusListError,
        status_message,
        status_read,
    )

    credential = report.credential or {}
    entries = credential.get("credentialStatus") or []
    entries = entries if isinstance(entries, list) else [entries]
    by_id = {document.get("id"): document for document in lists}
    issuer = credential.get("issuer") or {}
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        purpose = entry.get("statusPurpose", "status")
        document = by_id.get(entry.get("statusListCredential"))
        if document is None:
            continue
        name = f"status ({purpose})"
        listed_issuer = document.get("issuer")
        if isinstance(listed_issuer, dict):
            listed_issuer = listed_issuer.get("id")
        if listed_issuer != issuer_id:
            report.add(name, False, "the status list is not the issuer's")
            continue
        proof = verify_document(document, public_keys)
        if not proof.verified:
            report.add(name, False, f"the status list's proof fails: {proof.reason}")
            continue
        try:
            value = status_read(entry, document)
        except StatusListError as exc:
            report.add(name, False, str(exc))
            continue
        valid_from = document.get("validFrom", "")
        if value:
            state = status_message(entry, value)
            report.add(name, False, f"{state} in the list of {valid_from}".strip())
        else:
            report.add(name, True, f"not set in the list of {valid_from}".strip())


def verify_offline(
    pdf: bytes,
    *,
    public_keys,
    trust_roots=None,
    status_lists=(),
    budget=None,
    keys_for=None,
) -> Report:
    """All offline checks; ``trust_roots=None`` means integrity-only signature;
    ``status_lists``: downloaded status list credentials to read.

    The file is read in the sandbox within ``budget`` (defaults of
    :class:`Budget`): a hostile file ends in a failed ``readable`` check,
    never in a hang. ``keys_for(credential)``, when given, picks
    ``(public_keys, trust_roots)`` from the embedded credential instead."""
    integrity_only = trust_roots is None and keys_for is None
    report = verify_pdf_untrusted(
        pdf,
        keys_for=keys_for or (lambda _credential: (public_keys, trust_roots)),
        budget=budget or Budget(),
    )
    if report.exceeded is not None:
        return report
    if integrity_only:
        for index, check in enumerate(report.checks):
            if check.name == "signature" and check.passed:
                report.checks[index] = type(check)(
                    "signature",
                    True,
                    "integrity only: signer not checked (pass --cert)",
                )
    validity_check(report)
    if status_lists:
        status_checks(report, list(status_lists), public_keys)
    return report


def verify_json_offline(document, *, public_keys, status_lists=(), now=None):
    """Offline checks of a credential JSON or a ClrCredential: ``(report,
    embedded reports)``; the embedded list is empty for a single credential."""
    from certification.credentials.clr import embedded_credentials, is_clr
    from certification.credentials.proof import verify_document

    report = Report()
    report.credential = document if isinstance(document, dict) else None
    if report.credential is None:
        report.add("proof", False, "the file is not a JSON object")
        return report, []
    record = is_clr(document)
    result = verify_document(document, public_keys)
    report.add("record proof" if record else "proof", result.verified, result.reason)
    if not record:
        validity_check(report, now)
        if status_lists:
            status_checks(report, list(status_lists), public_keys)
        return report, []
    embedded = []
    for item in embedded_credentials(document):
        inner = Report()
        inner.credential = item if isinstance(item, dict) else None
        if inner.credential is None:
            inner.add("proof", False, "the embedded credential is not a JSON object")
        else:
            proof = verify_document(item, public_keys)
            inner.add("proof", proof.verified, proof.reason)
            validity_check(inner, now)
            if status_lists:
                status_checks(inner, list(status_lists), public_keys)
        embedded.append(inner)
    report.add(
        "record contents",
        bool(embedded),
        "" if embedded else "the record embeds no credential",
    )
    return report, embedded


def summary(report: Report) -> list[str]:
    credential = report.credential or {}
    subject = credential.get("credentialSubject") or {}
    if not isinstance(subject, dict):
        subject = {}
    achievement = subject.get("achievement") or {}
    issuer = credential.get("issuer") or {}
    names = [
        i.get("identityHash")
        for i in subject.get("identifier", [])
        if isinstance(i, dict) and i.get("identityType") == "name"
    ]
    lines = []
    if names:
        lines.append(f"holder: {names[0]}")
    if isinstance(achievement, dict) and achievement.get("name"):
        lines.append(f"achievement: {achievement['name']}")
    if isinstance(issuer, dict) and issuer.get("name"):
        lines.append(f"issuer: {issuer['name']} ({issuer.get('id', '')})")
    if credential.get("validUntil"):
        lines.append(f"valid until: {credential['validUntil']}")
    if credential.get("id"):
        lines.append(f"live status: {credential['id']}")
    entries = credential.get("credentialStatus") or []
    for entry in entries if isinstance(entries, list) else [entries]:
        if isinstance(entry, dict) and entry.get("statusListCredential"):
            lines.append(
                f"status list ({entry.get('statusPurpose', '')}): "
                f"{entry['statusListCredential']}"
            )
    return lines


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(message)


def parse_args(argv):
    parser = _Parser(prog="lms-verify", description=__doc__.splitlines()[0])
    parser.add_argument(
        "pdf", help="the certificate PDF, or a credential or learner record JSON"
    )
    parser.add_argument(
        "--key",
        required=True,
        action="append",
        help="the issuer's did.json (from /issuers/<code>/did.json), PEM key "
        "or did:web DID (resolved over the network); repeat for the issuers "
        "of a learner record's credentials",
    )
    parser.add_argument(
        "--cert",
        help="the issuer's PDF signing certificate (PEM; each one of a bundle)",
    )
    parser.add_argument(
        "--status-list",
        action="append",
        default=[],
        help="a downloaded status list credential the certificate names (repeat)",
    )
    return parser.parse_args(argv)


def load_status_lists(paths: list[str]) -> list[dict]:
    documents = []
    for path in paths:
        try:
            document = json.loads(Path(path).read_bytes())
        except OSError as exc:
            raise UsageError(f"cannot read {path}: {exc.strerror}") from exc
        except ValueError as exc:
            raise UsageError(f"{path} is not JSON") from exc
        if not isinstance(document, dict) or "BitstringStatusListCredential" not in (
            document.get("type") or []
        ):
            raise UsageError(f"{path} is not a BitstringStatusListCredential")
        documents.append(document)
    return documents


def load_keys(paths: list[str]):
    """One key file, or the union of several DID documents' keys."""
    loaded = [load_key_file(Path(path)) for path in paths]
    if len(loaded) == 1:
        return loaded[0]
    keys = {}
    for path, item in zip(paths, loaded, strict=True):
        if not isinstance(item, dict):
            raise UsageError(f"{path}: repeat --key with DID documents only")
        keys.update(item)
    return keys


def read_pdf(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_PDF_BYTES:
            raise UsageError(f"{path} is larger than {MAX_PDF_BYTES} bytes")
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from exc


def load_trust_roots(path: str | None):
    if path is None:
        return None
    try:
        # A PEM bundle (the issuer profile's signing_certificates_pem: the
        # current certificate and those retired by key rotations) trusts each.
        data = Path(path).read_bytes()
        if data.count(b"-----BEGIN CERTIFICATE-----") > 1:
            return x509.load_pem_x509_certificates(data)
        return [load_certificate(Path(path))]
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot read certificates {path}: {exc}") from exc
    except KeyMaterialError as exc:
        raise UsageError(str(exc)) from exc


def read_json(data: bytes, name: str):
    """The parsed JSON when the file is JSON (not a PDF), else None."""
    if data.lstrip()[:1] != b"{":
        return None
    try:
        document = json.loads(data)
    except ValueError as exc:
        raise UsageError(f"{name} is neither a PDF nor valid JSON") from exc
    if not isinstance(document, dict):
        raise UsageError(f"{name} is not a credential JSON object")
    return document


def print_json_report(report: Report, embedded: list[Report], out) -> None:
    """A credential's or a record's checks, then each embedded credential's."""
    lines = []
    for check in report.checks:
        state = "passed" if check.passed else "FAILED"
        reason = f": {check.reason}" if check.reason else ""
        lines.append(f"{check.name}: {state}{reason}")
    if not embedded:
        lines += summary(report)
    for number, inner in enumerate(embedded, 1):
        credential = inner.credential or {}
        verdict = "VALID" if inner.valid else "INVALID"
        lines.append(f"credential {number}: {credential.get('name', '')} [{verdict}]")
        if credential.get("id"):
            lines.append(f"  id: {credential['id']}")
        for check in inner.checks:
            state = "passed" if check.passed else "FAILED"
            reason = f": {check.reason}" if check.reason else ""
            lines.append(f"  {check.name}: {state}{reason}")
    valid = report.valid and all(item.valid for item in embedded)
    lines.append("VALID" if valid else "INVALID")
    for line in lines:
        out.write(line + "\n")


def print_report(report: Report, out) -> None:
    lines = []
    for check in report.checks:
        state = "passed" if check.passed else "FAILED"
        reason = f": {check.reason}" if check.reason else ""
        lines.append(f"{check.name}: {state}{reason}")
    lines += summary(report)
    lines.append("VALID" if report.valid else "INVALID")
    for line in lines:
        out.write(line + "\n")


def main(argv=None) -> int:
    out = sys.stdout
    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
        public_keys = load_keys(args.key)
        trust_roots = load_trust_roots(args.cert)
        status_lists = load_status_lists(args.status_list)
        pdf = read_pdf(Path(args.pdf))
        document = read_json(pdf, args.pdf)
    except UsageError as exc:
        print(f"lms-verify: error: {exc}", file=sys.stderr)
        return 2
    if document is not None:
        report, embedded = verify_json_offline(
            document, public_keys=public_keys, status_lists=status_lists
        )
        print_json_report(report, embedded, out)
        valid = report.valid and all(item.valid for item in embedded)
        return 0 if valid else 1
    report = verify_offline(
        pdf,
        public_keys=public_keys,
        trust_roots=trust_roots,
        status_lists=status_lists,
    )
    print_report(report, out)
    return 0 if report.valid else 1


if __name__ == "__main__":
    sys.exit(main())
