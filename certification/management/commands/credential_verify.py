"""Verify a certificate PDF offline (no network): ``manage.py credential_verify``.

Without ``--key``/``--cert`` the issuer's keys and signing certificate come
from ``LMS_KEY_DIR`` (the issuer named by the embedded credential). Exit
status: 0 valid, 1 invalid (reasons printed), 2 bad arguments.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from certification.verification.checks import (
    issuer_code_for,
    issuer_public_keys,
    issuer_trust_roots,
    pdf_budget,
)
from certification.verification.offline import (
    UsageError,
    load_key_file,
    load_trust_roots,
    print_report,
    read_pdf,
    verify_offline,
)


class Command(BaseCommand):
    help = "Verify a certificate PDF offline: embedded credential, proof, signature."

    def add_arguments(self, parser):
        parser.add_argument("pdf", help="the certificate PDF")
        parser.add_argument("--key", help="the issuer's did.json or PEM public key")
        parser.add_argument("--cert", help="the issuer's signing certificate (PEM)")

    def handle(self, *args, pdf, key=None, cert=None, **options):
        try:
            data = read_pdf(Path(pdf))
            public_keys = load_key_file(Path(key)) if key else None
            trust_roots = load_trust_roots(cert)
        except UsageError as exc:
            raise CommandError(str(exc), returncode=2) from exc

        def keys_for(document):
            code = issuer_code_for(None, document)
            return (
                public_keys if public_keys is not None else issuer_public_keys(code),
                trust_roots if trust_roots is not None else issuer_trust_roots(code),
            )

        report = verify_offline(
            data, public_keys=None, keys_for=keys_for, budget=pdf_budget()
        )
        print_report(report, self.stdout)
        if not report.valid:
            sys.exit(1)
