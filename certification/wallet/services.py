"""The OID4VCI flow's writes: offers, access tokens, nonces and bound
credentials. Errors are :class:`WalletError` carrying the OAuth / OID4VCI
error code the endpoint answers with."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from urllib.parse import quote

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from certification.credentials.keys import load_signing_key, verification_method_id
from certification.credentials.openbadge import credential_build, credential_sign
from certification.credentials.vcjwt import credential_to_jwt, issuer_jwt_signer
from certification.issuance.artefacts import open_badge_data
from certification.issuance.statuslists import issuer_key_code
from certification.models import Credential, CredentialStatus

from .metadata import (
    CONFIGURATIONS,
    JWT_VC_JSON,
    PRE_AUTHORIZED_GRANT,
    credential_issuer,
)
from .models import WalletBinding, WalletNonce, WalletOffer, secret_digest
from .proofs import ProofError, proof_verify

OFFER_SCHEME = "openid-credential-offer://"


class WalletError(Exception):
    """An OAuth / OID4VCI error response: ``error`` code and description."""

    def __init__(self, error: str, description: str, status: int = 400):
        super().__init__(description)
        self.error = error
        self.description = description
        self.status = status


def _seconds(name: str, default: int) -> dt.timedelta:
    return dt.timedelta(seconds=int(getattr(settings, name, default)))


def offer_lifetime() -> dt.timedelta:
    """How long a pre-authorised code can be redeemed (10 minutes)."""
    return _seconds("LMS_WALLET_OFFER_SECONDS", 600)


def token_lifetime() -> dt.timedelta:
    return _seconds("LMS_WALLET_TOKEN_SECONDS", 600)


def nonce_lifetime() -> dt.timedelta:
    return _seconds("LMS_WALLET_NONCE_SECONDS", 300)


def credential_offer(code: str) -> dict:
    """The credential offer object (OID4VCI 1.0 section 4.1.1) for a code."""
    return {
        "credential_issuer": credential_issuer(),
        "credential_configuration_ids": list(CONFIGURATIONS),
        "grants": {PRE_AUTHORIZED_GRANT: {"pre-authorized_code": code}},
    }


def credential_offer_uri(code: str) -> str:
    """``openid-credential-offer://?credential_offer=…`` (the offer by value)."""
    body = json.dumps(credential_offer(code), separators=(",", ":"))
    return f"{OFFER_SCHEME}?credential_offer={quote(body, safe='')}"


def wallet_offer_create(*, credential: Credential, user) -> tuple[WalletOffer, str]:
    """A new offer for the holder's active credential and its offer URI."""
    if credential.status != CredentialStatus.ACTIVE:
        raise ValueError("only an active credential can go to a wallet")
    code = secrets.token_urlsafe(24)
    offer = WalletOffer.objects.create(
        credential=credential,
        code_digest=secret_digest(code),
        created_by=user,
        expires_at=timezone.now() + offer_lifetime(),
    )
    return offer, credential_offer_uri(code)


def wallet_token_issue(*, grant_type, code) -> dict:
    """Redeem a pre-authorised code once: the token response (RFC 6749 5.1)."""
    if grant_type != PRE_AUTHORIZED_GRANT:
        raise WalletError(
            "unsupported_grant_type", f"grant_type must be {PRE_AUTHORIZED_GRANT}"
        )
    if not code:
        raise WalletError("invalid_request", "pre-authorized_code is missing")
    now = timezone.now()
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        offer = (
            WalletOffer.objects.select_for_update()
            .select_related("credential")
            .filter(code_digest=secret_digest(code))
            .first()
        )
        if offer is None:
            raise WalletError("invalid_grant", "unknown pre-authorized_code")
        if offer.redeemed_at is not None:
            raise WalletError(
                "invalid_grant", "the pre-authorized_code was already used"
            )
        if offer.expires_at <= now:
            raise WalletError("invalid_grant", "the pre-authorized_code has expired")
        if offer.credential.status != CredentialStatus.ACTIVE:
            raise WalletError("invalid_grant", "the credential is no longer active")
        offer.redeemed_at = now
        offer.token_digest = secret_digest(token)
        offer.token_expires_at = now + token_lifetime()
        offer.save(update_fields=["redeemed_at", "token_digest", "token_expires_at"])
    return {
        "access_token": token,
        "token_type": "Bearer",
        "expires_in": int(token_lifetime().total_seconds()),
    }


def wallet_nonce_issue() -> dict:
    """A fresh single-use ``c_nonce`` (OID4VCI 1.0 section 7)."""
    now = timezone.now()
    WalletNonce.objects.filter(expires_at__lte=now).delete()
    nonce = secrets.token_urlsafe(24)
    WalletNonce.objects.create(
        digest=secret_digest(nonce), expires_at=now + nonce_lifetime()
    )
    return {"c_nonce": nonce}


def offer_for_token(token: str | None) -> WalletOffer:
    """The redeemed offer an access token belongs to (401 otherwise)."""
    if not token:
        raise WalletError("invalid_token", "a Bearer access token is required", 401)
    offer = (
        WalletOffer.objects.select_related("credential", "credential__issuer")
        .filter(token_digest=secret_digest(token))
        .first()
    )
    if offer is None or offer.token_expires_at <= timezone.now():
        raise WalletError(
            "invalid_token", "the access token is unknown or expired", 401
        )
    return offer


def _nonce_consume(nonce: str) -> None:
    deleted, _ = WalletNonce.objects.filter(
        digest=secret_digest(nonce), expires_at__gt=timezone.now()
    ).delete()
    if not deleted:
        raise WalletError(
            "invalid_nonce", "the proof nonce is unknown, used or expired"
        )


def _requested_configuration(request: dict) -> str:
    if not isinstance(request, dict):
        raise WalletError(
            "invalid_credential_request", "the body must be a JSON object"
        )
    if "credential_identifier" in request:
        raise WalletError(
            "unknown_credential_identifier",
            "this issuer issues by credential_configuration_id",
        )
    identifier = request.get("credential_configuration_id")
    if not isinstance(identifier, str):
        raise WalletError(
            "invalid_credential_request", "credential_configuration_id is required"
        )
    if identifier not in CONFIGURATIONS:
        raise WalletError(
            "unknown_credential_configuration",
            f"unknown credential_configuration_id {identifier!r}",
        )
    return identifier


def _request_proof(request: dict) -> str:
    proofs = request.get("proofs")
    if not isinstance(proofs, dict) or set(proofs) != {"jwt"}:
        raise WalletError("invalid_proof", "proofs must hold one jwt proof")
    if not isinstance(proofs["jwt"], list) or len(proofs["jwt"]) != 1:
        raise WalletError("invalid_proof", "proofs.jwt must hold exactly one proof")
    return proofs["jwt"][0]


def bound_credential(credential: Credential, holder_did: str, credential_format: str):
    """The credential again, with ``credentialSubject.id`` = ``holder_did``,
    signed by the issuer: a VC-JWT for ``jwt_vc_json``, the JSON with its
    Data Integrity proof for ``ldp_vc``."""
    data = open_badge_data(credential)
    data["holder"] = {**data["holder"], "id": holder_did}
    unsigned = credential_build(data)
    code = issuer_key_code(credential.issuer)
    if credential_format == JWT_VC_JSON:
        key, kid = issuer_jwt_signer(code)
        return credential_to_jwt(unsigned, private_key=key, kid=kid)
    return credential_sign(
        unsigned,
        private_key=load_signing_key(code),
        verification_method=verification_method_id(code),
    )


def wallet_credential_issue(*, token: str | None, request: dict) -> dict:
    """The credential response (OID4VCI 1.0 section 8.3) for a request."""
    offer = offer_for_token(token)
    identifier = _requested_configuration(request)
    try:
        proof = proof_verify(
            _request_proof(request), audience=credential_issuer(), now=timezone.now()
        )
    except ProofError as exc:
        raise WalletError(exc.error, str(exc)) from exc
    _nonce_consume(proof.nonce)
    credential = Credential.objects.select_related(
        "issuer", "program", "program__standard"
    ).get(pk=offer.credential_id)
    if credential.status != CredentialStatus.ACTIVE:
        raise WalletError("credential_request_denied", "the credential is not active")
    credential_format = CONFIGURATIONS[identifier]
    issued = bound_credential(credential, proof.holder_did, credential_format)
    WalletBinding.objects.create(
        credential=credential,
        offer=offer,
        holder_did=proof.holder_did,
        credential_format=credential_format,
    )
    return {"credentials": [{"credential": issued}]}
