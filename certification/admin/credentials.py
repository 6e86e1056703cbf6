"""Officer screens in the Wagtail admin: credentials and their lifecycle, the
approval queue and bulk issuance with a progress view.

Officers see and act on the credentials of their own country's issuer only.
"""

from __future__ import annotations

import functools
import secrets

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied

from certification.applications import ApplicationError, application_reject
from certification.issuance import lifecycle
from certification.issuance.permissions import can_manage_issuer, issuers_for
from certification.issuance.queue import (
    STATES,
    NotFailed,
    credential_issuance_retry,
    issuance_queue,
    issuance_queue_counts,
)
from certification.issuance.selectors import (
    approval_queue,
    bulk_progress,
    cohort_preview,
)
from certification.issuance.service import credential_bulk_issue
from certification.models import (
    CertificationProgram,
    Credential,
    CredentialStatus,
    ProgramApplication,
    ProgramEligibility,
)
from lms.accounts.names import name_help_text, normalize_person_name

BULK_SESSION_KEY = "credential-bulk-{token}"


def forbidden_as_403(view):
    """Answer 403 (not Wagtail's redirect to the dashboard) for another
    country's credential, like the other certification admin screens."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as exc:
            return permission_denied(request, exc)

    return wrapper


def _officer_or_403(request):
    if not issuers_for(request.user).exists():
        raise PermissionDenied


@forbidden_as_403
def credential_index(request):
    _officer_or_403(request)
    credentials = Credential.objects.filter(
        issuer__in=issuers_for(request.user)
    ).select_related("issuer", "program")
    status = request.GET.get("status", "")
    if status in CredentialStatus.values:
        credentials = credentials.filter(status=status)
    query = request.GET.get("q", "").strip()
    if query:
        credentials = credentials.filter(
            Q(public_id__iexact=query)
            | Q(holder_name__icontains=query)
            | Q(program__code__iexact=query)
        )
    return render(
        request,
        "certification/admin/credential_index.html",
        {
            "credentials": credentials[:200],
            "statuses": CredentialStatus.choices,
            "status": status,
            "q": query,
        },
    )


class ActionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            ("suspend", gettext_lazy("Suspender")),
            ("reinstate", gettext_lazy("Rehabilitar")),
            ("revoke", gettext_lazy("Revocar")),
            ("reissue", gettext_lazy("Reemitir")),
        ]
    )
    reason = forms.CharField(
        label=gettext_lazy("Motivo"), required=False, widget=forms.Textarea
    )
    legal_name = forms.CharField(
        label=gettext_lazy("Nombre corregido (solo reemisión)"),
        required=False,
        help_text=name_help_text(),
    )

    def clean_legal_name(self):
        value = self.cleaned_data["legal_name"]
        return normalize_person_name(value) if value.strip() else ""


def _credential_for(request, public_id) -> Credential:
    credential = get_object_or_404(
        Credential.objects.select_related("issuer", "program", "holder"),
        public_id=public_id,
    )
    if not can_manage_issuer(request.user, credential.issuer):
        raise PermissionDenied
    return credential


@forbidden_as_403
def credential_detail(request, public_id: str):
    credential = _credential_for(request, public_id)
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _action_run(request.user, credential, form.cleaned_data)
        except lifecycle.LifecycleError as exc:
            form.add_error("reason", str(exc))
        else:
            messages.success(request, _("Cambio registrado."))
            return redirect("credentials_admin:detail", public_id=public_id)
    return render(
        request,
        "certification/admin/credential_detail.html",
        {
            "credential": credential,
            "events": credential.events.select_related("actor"),
            "form": form,
        },
    )


def _action_run(user, credential, data) -> None:
    reason = data["reason"]
    match data["action"]:
        case "suspend":
            lifecycle.credential_suspend(
                credential=credential, actor=user, reason=reason
            )
        case "reinstate":
            lifecycle.credential_reinstate(
                credential=credential, actor=user, reason=reason
            )
        case "revoke":
            lifecycle.credential_revoke(
                credential=credential, actor=user, reason=reason
            )
        case "reissue":
            lifecycle.credential_reissue(
                credential=credential,
                actor=user,
                reason=reason,
                legal_name=data["legal_name"] or None,
            )


@forbidden_as_403
def approval_queue_view(request):
    _officer_or_403(request)
    queue = approval_queue(request.user)
    if request.method == "POST":
        chosen = queue.filter(pk__in=request.POST.getlist("eligibility"))
        by_program: dict[int, list] = {}
        for row in chosen:
            by_program.setdefault(row.program_id, []).append(row)
        ids = []
        for rows in by_program.values():
            issued = credential_bulk_issue(
                users=[r.learner for r in rows],
                program=rows[0].program,
                issued_by=request.user,
            )
            ids += [c.pk for c in issued]
        return _bulk_started(request, ids)
    return render(request, "certification/admin/approval_queue.html", {"queue": queue})


@forbidden_as_403
@require_POST
def approval_reject_view(request, eligibility_id: int):
    """Reject the application behind one row of the queue, with a reason the
    learner reads on their competency record."""
    _officer_or_403(request)
    row = get_object_or_404(approval_queue(request.user), pk=eligibility_id)
    application, _created = ProgramApplication.objects.get_or_create(
        learner=row.learner, program=row.program, defaults={"route": "rpl"}
    )
    try:
        application_reject(
            application=application,
            actor=request.user,
            reason=request.POST.get("reason", ""),
        )
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Postulación de %(name)s rechazada.")
            % {"name": row.learner.legal_name or row.learner},
        )
    return redirect("credentials_admin:approvals")


def _cohort(program: CertificationProgram, extra: str):
    """Applicants and eligible learners of the program, plus listed people."""
    users = get_user_model().objects.filter(
        Q(pk__in=ProgramEligibility.objects.filter(program=program).values("learner"))
        | Q(pk__in=ProgramApplication.objects.filter(program=program).values("learner"))
    )
    names = [n.strip() for n in extra.replace(",", "\n").splitlines() if n.strip()]
    if names:
        users = users | get_user_model().objects.filter(
            Q(username__in=names) | Q(email__in=names)
        )
    return users.distinct().order_by("legal_name", "username")


@forbidden_as_403
def bulk_issue(request):
    _officer_or_403(request)
    programs = CertificationProgram.objects.filter(
        issuer__in=issuers_for(request.user), active=True
    )
    program = None
    rows = []
    code = request.POST.get("program") or request.GET.get("program")
    if code:
        program = get_object_or_404(programs, code=code)
        rows = cohort_preview(program, _cohort(program, request.GET.get("people", "")))
    if request.method == "POST" and program is not None:
        chosen = set(request.POST.getlist("user"))
        users = [
            row["user"]
            for row in rows
            if str(row["user"].pk) in chosen
            and row["eligible"]
            and not row["has_credential"]
        ]
        issued = credential_bulk_issue(
            users=users, program=program, issued_by=request.user
        )
        return _bulk_started(request, [c.pk for c in issued])
    return render(
        request,
        "certification/admin/bulk_issue.html",
        {"programs": programs, "program": program, "rows": rows},
    )


def _bulk_started(request, ids):
    token = secrets.token_urlsafe(8)
    request.session[BULK_SESSION_KEY.format(token=token)] = ids
    return redirect("credentials_admin:bulk_progress", token=token)


def _bulk_ids(request, token) -> list[int]:
    ids = request.session.get(BULK_SESSION_KEY.format(token=token))
    if ids is None:
        raise Http404
    return ids


@forbidden_as_403
def bulk_progress_view(request, token: str):
    _officer_or_403(request)
    ids = _bulk_ids(request, token)
    progress = bulk_progress(ids)
    credentials = []
    if progress["finished"]:
        credentials = Credential.objects.filter(pk__in=ids).select_related("program")
    return render(
        request,
        "certification/admin/bulk_progress.html",
        {
            "progress": progress,
            "credentials": credentials,
            "json_url": reverse("credentials_admin:bulk_progress_json", args=[token]),
        },
    )


@forbidden_as_403
def bulk_progress_json(request, token: str):
    _officer_or_403(request)
    return JsonResponse(bulk_progress(_bulk_ids(request, token)))


QUEUE_LABELS = {
    "failed": gettext_lazy("Fallidas"),
    "running": gettext_lazy("En curso"),
    "waiting": gettext_lazy("En espera"),
    "retried": gettext_lazy("Reintentadas"),
}


@forbidden_as_403
def issuance_queue_view(request):
    """Pending, running, failed and retried issuances of the officer's
    issuers, with a retry button for failed ones."""
    _officer_or_403(request)
    credentials = Credential.objects.filter(issuer__in=issuers_for(request.user))
    counts = issuance_queue_counts(credentials)
    state = request.GET.get("state", "")
    if state not in STATES:
        state = "failed" if counts["failed"] else "running"
    tabs = [
        (value, QUEUE_LABELS[value], counts[value])
        for value in ("failed", "running", "waiting", "retried")
    ]
    return render(
        request,
        "certification/admin/issuance_queue.html",
        {
            "tabs": tabs,
            "state": state,
            "items": issuance_queue(credentials, state)[:200],
        },
    )


@forbidden_as_403
@require_POST
def issuance_retry_view(request, public_id: str):
    credential = _credential_for(request, public_id)
    try:
        credential_issuance_retry(credential=credential, actor=request.user)
    except NotFailed:
        messages.error(
            request,
            _("La credencial %(code)s no está fallida: no hay nada que reintentar.")
            % {"code": public_id},
        )
    else:
        messages.success(
            request,
            _("Emisión de %(name)s puesta de nuevo en la cola.")
            % {"name": credential.holder_name},
        )
    return redirect(reverse("credentials_admin:queue") + "?state=failed")
