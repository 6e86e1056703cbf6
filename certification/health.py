"""The certification layer's parts of ``/health/`` (see lms.web.health)."""

from __future__ import annotations

import logging

from django.conf import settings

from certification.credentials import hsm
from certification.credentials.keys import (
    load_rsa_signing_key,
    load_signing_certificate,
    load_signing_key,
)
from certification.issuance.statuslists import issuer_key_code
from certification.issuance.storage import credential_storage
from certification.models import Issuer
from lms.web.health import health_check_register, storage_probe

logger = logging.getLogger(__name__)


class KeysUnreadable(Exception):
    """``health_detail``: one entry per key that cannot be used, naming the
    issuer, the key and the problem (no file path, no secret)."""

    def __init__(self, problems: list[dict]):
        super().__init__(", ".join(sorted({p["issuer"] for p in problems})))
        self.health_detail = problems


def _issuer_keys(code: str) -> list[tuple[str, object]]:
    """``(name, key)`` of the private keys that sign for issuer ``code``."""
    named = [("ed25519", load_signing_key(code))]
    rsa = load_rsa_signing_key(code)
    if rsa is not None:
        named.append(("rsa", rsa))
    named.append(("pdf-signing", load_signing_certificate(code).private_key))
    return named


def check_issuer_keys() -> str:
    """Every issuer with a program has its signing keys and PDF signing
    certificate present and readable; a key held in a PKCS#11 token is looked
    up in the token (its session is this process's, kept open; each lookup
    bounded by ``LMS_HEALTH_HSM_TIMEOUT`` seconds, 5 by default)."""
    codes = sorted(
        {
            issuer_key_code(issuer)
            for issuer in Issuer.objects.filter(programs__isnull=False)
            .select_related("credential_profile")
            .distinct()
        }
    )
    timeout = float(getattr(settings, "LMS_HEALTH_HSM_TIMEOUT", 5))
    problems = []
    for code in codes:
        try:
            named = _issuer_keys(code)
        except Exception as exc:
            logger.warning("issuer %s: keys unusable: %s", code, exc)
            problems.append({"issuer": code, "problem": type(exc).__name__})
            continue
        for name, key in named:
            if not isinstance(key, hsm.HsmKey):
                continue  # read (and decrypted) from its file above
            try:
                key.probe(timeout)
            except hsm.HsmProblem as exc:
                logger.warning("issuer %s: %s", code, exc)
                problems.append(
                    {
                        "issuer": code,
                        "key": name,
                        "token": key.token,
                        "label": key.label,
                        "problem": exc.problem,
                    }
                )
    if problems:
        raise KeysUnreadable(problems)
    return ", ".join(codes) or "no issuer with a program"


def check_credential_storage() -> None:
    storage_probe(credential_storage())


def health_checks_register() -> None:
    """Called by ``CertificationConfig.ready``."""
    health_check_register("issuer_keys", check_issuer_keys)
    health_check_register("credential_storage", check_credential_storage)
