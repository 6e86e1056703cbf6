"""OID4VCI endpoints (JSON, outside the language prefixes) and the learner's
«Recibir en mi billetera digital» page."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from certification.credentials.pdf import qr_code
from certification.issuance.selectors import learner_credential_get
from certification.models import CredentialStatus

from .metadata import authorization_server_metadata, credential_issuer_metadata
from .services import (
    WalletError,
    offer_lifetime,
    wallet_credential_issue,
    wallet_nonce_issue,
    wallet_offer_create,
    wallet_token_issue,
)


def _json(data: dict, status: int = 200, **headers) -> JsonResponse:
    response = JsonResponse(data, status=status)
    response["Cache-Control"] = "no-store"
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def _error(error: WalletError) -> JsonResponse:
    body = {"error": error.error, "error_description": error.description}
    if error.status == 401:
        challenge = f'Bearer error="{error.error}"'
        return _json(body, 401, WWW_Authenticate=challenge)
    return _json(body, error.status)


@require_GET
def issuer_metadata(request):
    response = JsonResponse(credential_issuer_metadata())
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def oauth_metadata(request):
    response = JsonResponse(authorization_server_metadata())
    response["Access-Control-Allow-Origin"] = "*"
    return response


@csrf_exempt
@require_POST
def token(request):
    try:
        return _json(
            wallet_token_issue(
                grant_type=request.POST.get("grant_type"),
                code=request.POST.get("pre-authorized_code"),
            )
        )
    except WalletError as error:
        return _error(error)


@csrf_exempt
@require_POST
def nonce(request):
    return _json(wallet_nonce_issue())


def _bearer(request) -> str | None:
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


@csrf_exempt
@require_POST
def credential(request):
    try:
        try:
            body = json.loads(request.body or b"null")
        except ValueError as exc:
            raise WalletError(
                "invalid_credential_request", "the body is not JSON"
            ) from exc
        return _json(wallet_credential_issue(token=_bearer(request), request=body))
    except WalletError as error:
        return _error(error)


@never_cache
@login_required
@require_POST
def offer(request, public_id: str):
    """A new offer for one of the learner's active credentials: its QR code
    and its link (a wallet on the same device opens the link)."""
    held = learner_credential_get(request.user, public_id)
    if held is None or held.status != CredentialStatus.ACTIVE:
        raise Http404
    wallet_offer, uri = wallet_offer_create(credential=held, user=request.user)
    code = qr_code(uri)
    fragment = request.headers.get("X-Requested-With") == "fetch"
    return render(
        request,
        "certification/wallet_offer_body.html"
        if fragment
        else "certification/wallet_offer.html",
        {
            "credential": held,
            "offer": wallet_offer,
            "offer_uri": uri,
            "qr_svg": code.svg_inline(border=4, omitsize=True, title=_("Código QR")),
            "minutes": int(offer_lifetime().total_seconds() // 60),
        },
    )
