"""``/api/v1/``: credential status, PDF and JSON verification, issuers, status
lists. Anonymous and read-mostly; every answer is JSON; GET answers are
readable cross-origin (see ``lms.web.middleware``)."""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import Body, File, NinjaAPI, Status
from ninja.errors import HttpError, ValidationError
from ninja.files import UploadedFile

from certification.credentials.clr import is_clr
from certification.credentials.keys import KeyMaterialError
from certification.issuance.issuers import (
    issuer_by_code,
    issuer_did_document,
    issuer_profile,
)
from certification.issuance.issuers import issuers_public as _issuers
from certification.issuance.links import verify_url
from certification.issuance.statuslists import status_list_get
from certification.models import VerificationMethod
from certification.verification.capacity import Busy, pdf_verification_slot
from certification.verification.checks import (
    MAX_PDF_BYTES,
    clr_verify,
    credential_json_verify,
    pdf_budget,
    pdf_verify,
)
from certification.verification.ratelimit import rate_limit_exceeded
from certification.verification.selectors import credential_status_public
from certification.verification.services import verification_record
from certification.verification.verdicts import Verdict
from lms.web.problems import PROBLEM_JSON, problem, problem_response

from . import schemas

logger = logging.getLogger("django.request")


class ProblemNinjaAPI(NinjaAPI):
    """Errors as RFC 9457 problem details (``application/problem+json``), in
    the answers and in the OpenAPI description."""

    def create_response(self, request, data, *, status=None, temporal_response=None):
        status = temporal_response.status_code if temporal_response else status
        if status and status >= 400 and isinstance(data, dict):
            extra = {k: v for k, v in data.items() if k not in {"status", "detail"}}
            data = problem(status, str(data.get("detail") or ""), **extra)
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        if status and status >= 400:
            response["Content-Type"] = PROBLEM_JSON
        return response

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation.get("responses", {})
                for code, answer in responses.items():
                    if int(code) >= 400 and "application/json" in answer.get(
                        "content", {}
                    ):
                        answer["content"] = {
                            PROBLEM_JSON: answer["content"].pop("application/json")
                        }
                responses.setdefault(
                    "default",
                    {
                        "description": "Any other error (404, 405, 500, ...): "
                        "RFC 9457 problem details.",
                        "content": {
                            PROBLEM_JSON: {
                                "schema": {"$ref": "#/components/schemas/Problem"}
                            }
                        },
                    },
                )
        schema["components"].setdefault("schemas", {})["Problem"] = (
            schemas.Problem.json_schema()
        )
        return schema


api = ProblemNinjaAPI(
    title="Cultura AP: verificación de certificados",
    version="1.0.0",
    description=(
        "Verify occupational-competency certificates issued on Cultura AP: "
        "live status by public id, verification of a certificate PDF or of its "
        "Open Badges 3.0 credential JSON, issuer public keys (did:web) and "
        "Bitstring status lists. No authentication; rate-limited per client.\n\n"
        "Every error, whatever its status (400, 404, 405, 413, 422, 429, 500), "
        "is answered as RFC 9457 problem details, `application/problem+json`: "
        "`type` (about:blank), `title` (the status's phrase), `status`, "
        "`detail`, and for some errors `retry_after` (429, with a Retry-After "
        "header) or `errors` (422, one entry per invalid field)."
    ),
    urls_namespace="api-v1",
    docs_url=None,
)

NOT_FOUND = "no public credential with this id"
RATE_LIMITED = {429: schemas.RateLimited}
BUSY = {503: schemas.RateLimited}


def _error(status: int, detail: str) -> Status:
    return Status(status, problem(status, detail))


def _limited(request, scope: str) -> HttpResponse | None:
    retry = rate_limit_exceeded(request, scope)
    if retry is None:
        return None
    response = api.create_response(
        request, {"detail": "too many requests", "retry_after": retry}, status=429
    )
    response["Retry-After"] = str(retry)
    return response


@api.get("/ping", response=schemas.Ping, tags=["service"])
def ping(request):
    """A trivial answer through the full middleware stack (for monitoring)."""
    return {"ok": True}


@api.get(
    "/credentials/{public_id}",
    response={200: schemas.CredentialStatusOut, 404: schemas.NotFound, **RATE_LIMITED},
    tags=["credentials"],
)
def credential_status(request, public_id: str):
    """The live status of a credential and what its holder lets the public see.

    Unknown, private and malformed ids all answer 404 with the same body.
    """
    limited = _limited(request, "lookup")
    if limited:
        return limited
    found = credential_status_public(public_id)
    if found is None:
        return _error(404, NOT_FOUND)
    pk, verdict, data = found
    verification_record(
        credential=pk, method=VerificationMethod.API, verdict=verdict, request=request
    )
    data["valid"] = verdict == Verdict.VALID
    data["verify_url"] = verify_url(data["public_id"])
    # Already in the described shape: skip re-validating it on the hot path.
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@api.post(
    "/verify/pdf",
    response={
        200: schemas.VerificationOut,
        400: schemas.Error,
        413: schemas.Error,
        422: schemas.Invalid,
        **RATE_LIMITED,
        **BUSY,
    },
    tags=["verification"],
)
def verify_pdf_upload(request, file: UploadedFile = File(...)):  # noqa: B008
    """Check an uploaded certificate PDF: embedded credential, its proof, the
    PAdES signature, the file hash against the issued record, the live status.

    ``verdict`` is valid, expired, suspended, revoked, altered, superseded or
    unreadable (a file that breaks the reading budget: its ``readable`` check
    names the limit); each check says why it failed. When too many files are
    being verified at once: 503 with ``Retry-After``.
    """
    limited = _limited(request, "upload")
    if limited:
        return limited
    if file.size is not None and file.size > MAX_PDF_BYTES:
        return _error(413, f"the file exceeds {MAX_PDF_BYTES} bytes")
    data = file.read(MAX_PDF_BYTES + 1)
    if len(data) > MAX_PDF_BYTES:
        return _error(413, f"the file exceeds {MAX_PDF_BYTES} bytes")
    if not data:
        return _error(400, "the file is empty")
    budget = pdf_budget()
    try:
        with pdf_verification_slot(hold_seconds=budget.seconds):
            result = pdf_verify(data, budget=budget)
    except Busy as exc:
        response = problem_response(
            503,
            str(_("Servicio ocupado: demasiados archivos en verificación a la vez.")),
            retry_after=exc.retry_after,
        )
        response["Retry-After"] = str(exc.retry_after)
        return response
    verification_record(
        credential=result.credential,
        method=VerificationMethod.API,
        verdict=result.verdict,
        request=request,
    )
    return Status(200, result.as_dict())


@api.post(
    "/verify/credential",
    response={
        200: schemas.VerificationOut,
        400: schemas.Error,
        422: schemas.Invalid,
        **RATE_LIMITED,
    },
    tags=["verification"],
)
def verify_credential_json(
    request,
    credential: dict[str, Any] = Body(...),  # noqa: B008
):
    """Check an Open Badges 3.0 credential JSON (eddsa-jcs-2022 proof) and the
    live status of the record it claims to be; or a learner record (CLR 2.0
    ``ClrCredential``): its own proof, then each embedded credential, listed
    in ``credentials`` (the record is valid only when every one of them is)."""
    limited = _limited(request, "upload")
    if limited:
        return limited
    if is_clr(credential):
        record = clr_verify(credential)
        for item in record.embedded:
            verification_record(
                credential=item.credential,
                method=VerificationMethod.API,
                verdict=item.verdict,
                request=request,
            )
        return Status(200, {**record.as_dict(), "public_id": None})
    result = credential_json_verify(credential)
    verification_record(
        credential=result.credential,
        method=VerificationMethod.API,
        verdict=result.verdict,
        request=request,
    )
    return Status(200, result.as_dict())


@api.get("/issuers", response=list[schemas.IssuerOut], tags=["issuers"])
def issuers(request):
    """Every issuer, with its public keys and status lists."""
    return [issuer_profile(issuer) for _code, issuer in _issuers()]


@api.get(
    "/issuers/{code}",
    response={200: schemas.IssuerOut, 404: schemas.Error},
    tags=["issuers"],
)
def issuer(request, code: str):
    """One issuer's profile and public keys."""
    found = issuer_by_code(code)
    if found is None:
        return _error(404, "unknown issuer")
    return Status(200, issuer_profile(found))


@api.get(
    "/issuers/{code}/did.json",
    response={200: dict[str, Any], 404: schemas.Error},
    tags=["issuers"],
)
def issuer_did(request, code: str):
    """The issuer's did:web DID document (also at ``/issuers/<code>/did.json``)."""
    document = issuer_did_document(code) if issuer_by_code(code) else None
    if document is None:
        return _error(404, "unknown issuer")
    return Status(200, document)


@api.get(
    "/status-lists/{code}/{purpose}",
    response={200: dict[str, Any], 404: schemas.Error},
    tags=["issuers"],
)
def status_list(request, code: str, purpose: str):
    """The issuer's signed BitstringStatusListCredential (``message``: the
    2-bit status credentials name; ``revocation`` or ``suspension``: the lists
    of credentials issued before), as published at its ``statusListCredential``
    URL."""
    try:
        published = status_list_get(code, purpose)
    except (KeyMaterialError, ValueError):
        published = None
    if published is None:
        return _error(404, "unknown status list")
    return Status(200, published)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    detail = "the request does not match the API description"
    return api.create_response(
        request, {"detail": detail, "errors": exc.errors}, status=422
    )


@api.exception_handler(Http404)
def not_found(request, exc: Http404):
    return api.create_response(request, {"detail": "not found"}, status=404)


@api.exception_handler(Exception)
def server_error(request, exc: Exception):
    """Logged like Django's own 500s; the answer says nothing of the cause."""
    logger.error("Internal Server Error: %s", request.path, exc_info=exc)
    detail = "the server could not answer this request"
    return api.create_response(request, {"detail": detail}, status=500)
