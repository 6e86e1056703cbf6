"""The certification layer's parts of ``/health/`` (see lms.web.health)."""

from __future__ import annotations

from certification.credentials.keys import load_signing_certificate, load_signing_key
from certification.issuance.statuslists import issuer_key_code
from certification.issuance.storage import credential_storage
from certification.models import Issuer
from lms.web.health import health_check_register, storage_probe


class KeysUnreadable(Exception):
    pass


def check_issuer_keys() -> str:
    """Every issuer with a program has its signing key and PDF signing
    certificate present and readable."""
    codes = sorted(
        {
            issuer_key_code(issuer)
            for issuer in Issuer.objects.filter(programs__isnull=False)
            .select_related("credential_profile")
            .distinct()
        }
    )
    missing = []
    for code in codes:
        try:
            load_signing_key(code)
            load_signing_certificate(code)
        except Exception:
            missing.append(code)
    if missing:
        raise KeysUnreadable(", ".join(missing))
    return ", ".join(codes) or "no issuer with a program"


def check_credential_storage() -> None:
    storage_probe(credential_storage())


def health_checks_register() -> None:
    """Called by ``CertificationConfig.ready``."""
    health_check_register("issuer_keys", check_issuer_keys)
    health_check_register("credential_storage", check_credential_storage)
