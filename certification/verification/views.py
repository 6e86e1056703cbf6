"""The public verify pages (code, QR target, PDF upload) and the holder's log."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from certification.models import VerificationMethod

from .capacity import Busy, pdf_verification_slot
from .checks import clr_verify, credential_json_verify, pdf_budget, pdf_verify
from .forms import CodeForm, HolderEmailForm, JsonForm, UploadForm
from .ratelimit import rate_limit_exceeded
from .reasons import check_reason_display
from .selectors import (
    credential_disclosed,
    credential_status_public,
    credential_verdict,
    holder_email_matches,
    holder_verifications,
    public_id_normalise,
)
from .services import verification_record
from .verdicts import CHECK_LABELS, EXPLANATIONS, ICONS, Verdict


def _noindex(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _verdict_context(verdict: Verdict) -> dict:
    return {
        "verdict": verdict.value,
        "verdict_label": verdict.label,
        "verdict_icon": ICONS[verdict],
        "verdict_explanation": EXPLANATIONS[verdict],
    }


def _too_many(request, retry_after: int, *, busy: bool = False) -> HttpResponse:
    response = render(
        request,
        "certification/verify_limited.html",
        {"retry_after": retry_after, "busy": busy},
        status=503 if busy else 429,
    )
    response["Retry-After"] = str(retry_after)
    return _noindex(response)


def _page(request, template: str, context: dict, status: int = 200) -> HttpResponse:
    context = {
        "code_form": CodeForm(),
        "upload_form": UploadForm(),
        "json_form": JsonForm(),
        **context,
    }
    return _noindex(render(request, template, context, status=status))


@never_cache
@require_GET
def verify_home(request):
    """Enter a code; a well-formed one goes to its verify page."""
    raw = request.GET.get("code")
    if raw is None:
        return _page(request, "certification/verify.html", {})
    retry = rate_limit_exceeded(request, "lookup")
    if retry:
        return _too_many(request, retry)
    public_id = public_id_normalise(raw)
    if public_id is None:
        return _page(
            request,
            "certification/verify_result.html",
            _verdict_context(Verdict.NOT_FOUND),
            status=404,
        )
    url = reverse("verification:detail", args=[public_id])
    return redirect(f"{url}?via=code")


@never_cache
@require_GET
def verify_detail(request, public_id: str):
    """The QR target: the verdict, then what the holder lets the public see.

    Unknown, pending, private and malformed ids get the very same answer.
    """
    retry = rate_limit_exceeded(request, "lookup")
    if retry:
        return _too_many(request, retry)
    found = credential_status_public(public_id)
    if found is None:
        return _page(
            request,
            "certification/verify_result.html",
            _verdict_context(Verdict.NOT_FOUND),
            status=404,
        )
    pk, verdict, data = found
    method = (
        VerificationMethod.PAGE
        if request.GET.get("via") == "code"
        else VerificationMethod.QR
    )
    verification_record(credential=pk, method=method, verdict=verdict, request=request)
    context = {
        **_verdict_context(verdict),
        "credential": data,
        "holder_form": HolderEmailForm(),
    }
    return _page(request, "certification/verify_result.html", context)


@never_cache
@require_http_methods(["POST"])
def verify_holder_email(request, public_id: str):
    """«¿Es de esta persona?»: whether an e-mail address matches the hashed
    ``emailAddress`` identifier of a public credential. The same 404 as the
    verify page for ids the public may not see."""
    retry = rate_limit_exceeded(request, "lookup")
    if retry:
        return _too_many(request, retry)
    found = credential_status_public(public_id)
    check = holder_email_matches(public_id) if found else None
    if found is None or check is None:
        return _page(
            request,
            "certification/verify_result.html",
            _verdict_context(Verdict.NOT_FOUND),
            status=404,
        )
    _pk, verdict, data = found
    form = HolderEmailForm(request.POST)
    context = {**_verdict_context(verdict), "credential": data, "holder_form": form}
    if not form.is_valid():
        return _page(request, "certification/verify_result.html", context, 400)
    context["holder_match"] = check(form.cleaned_data["email"])
    context["holder_checked"] = True
    return _page(request, "certification/verify_result.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def verify_upload(request):
    """Upload a certificate PDF: every check reported, then the verdict."""
    if request.method == "GET":
        return redirect("verification:home")
    retry = rate_limit_exceeded(request, "upload")
    if retry:
        return _too_many(request, retry)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        status = 413 if form.has_error("pdf", "too_large") else 400
        return _page(
            request, "certification/verify.html", {"upload_form": form}, status
        )
    budget = pdf_budget()
    try:
        with pdf_verification_slot(hold_seconds=budget.seconds):
            result = pdf_verify(form.cleaned_data["pdf"], budget=budget)
    except Busy as exc:
        return _too_many(request, exc.retry_after, busy=True)
    verification_record(
        credential=result.credential,
        method=VerificationMethod.UPLOAD,
        verdict=result.verdict,
        request=request,
    )
    checks = [
        {
            "name": check.name,
            "label": CHECK_LABELS.get(check.name, check.name),
            "passed": check.passed,
            "reason": check_reason_display(check.reason),
        }
        for check in result.report.checks
    ]
    context = {**_verdict_context(result.verdict), "checks": checks, "upload": True}
    if result.credential is not None and result.verdict != Verdict.ALTERED:
        context["credential"] = credential_disclosed(
            result.credential, credential_verdict(result.credential)
        )
    return _page(request, "certification/verify_result.html", context)


def _checks_display(report) -> list[dict]:
    return [
        {
            "name": check.name,
            "label": CHECK_LABELS.get(check.name, check.name),
            "passed": check.passed,
            "reason": check_reason_display(check.reason),
        }
        for check in report.checks
    ]


@never_cache
@require_http_methods(["GET", "POST"])
def verify_json(request):
    """A credential JSON or a learner record (CLR 2.0), pasted or uploaded:
    its proof, and for a record each embedded credential's proof and status."""
    from certification.credentials.clr import is_clr

    if request.method == "GET":
        return redirect("verification:home")
    retry = rate_limit_exceeded(request, "upload")
    if retry:
        return _too_many(request, retry)
    form = JsonForm(request.POST, request.FILES)
    if not form.is_valid():
        status = 413 if form.has_error("__all__", "too_large") else 400
        return _page(request, "certification/verify.html", {"json_form": form}, status)
    document = form.cleaned_data["parsed"]
    if not is_clr(document):
        result = credential_json_verify(document)
        verification_record(
            credential=result.credential,
            method=VerificationMethod.JSON,
            verdict=result.verdict,
            request=request,
        )
        context = {
            **_verdict_context(result.verdict),
            "checks": _checks_display(result.report),
            "upload": True,
        }
        if result.credential is not None and result.verdict != Verdict.ALTERED:
            context["credential"] = credential_disclosed(
                result.credential, credential_verdict(result.credential)
            )
        return _page(request, "certification/verify_result.html", context)
    record = clr_verify(document)
    embedded = []
    for item in record.embedded:
        verification_record(
            credential=item.credential,
            method=VerificationMethod.JSON,
            verdict=item.verdict,
            request=request,
        )
        credential = item.report.credential or {}
        embedded.append(
            {
                "name": str(credential.get("name", "")),
                "verdict": item.verdict.value,
                "verdict_label": item.verdict.label,
                "verdict_icon": ICONS[item.verdict],
                "public_id": item.credential.public_id if item.credential else "",
                "checks": _checks_display(item.report),
            }
        )
    context = {
        **_verdict_context(record.verdict),
        "checks": _checks_display(record.report),
        "upload": True,
        "record": {"name": document.get("name", ""), "credentials": embedded},
    }
    return _page(request, "certification/verify_result.html", context)


@login_required
@require_GET
def my_verifications(request):
    """The holder's view of who-checked-when (how and with what result)."""
    labels = {v.value: v.label for v in Verdict}
    entries = list(holder_verifications(request.user)[:500])
    for entry in entries:
        entry.result_label = labels.get(entry.result, entry.result)
    return render(request, "certification/verify_log.html", {"entries": entries})
