"""Learner-facing views: start, submit and acknowledge attempts; serve files.

A refused or tampered submission answers 400 with the reason and stores
nothing; success redirects back to the page the assessment is embedded in.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from plugins import services
from plugins.models import Assessment, Attempt, AttemptFile
from plugins.selectors import attempt_visible_to


def _back(request, attempt_or_page):
    target = _safe_next(request)
    if target:
        return redirect(target)
    page = getattr(attempt_or_page, "page", attempt_or_page)
    return redirect(page.get_url(request) if page else "/")


def _safe_next(request) -> str:
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _refused(request, reasons, status=400):
    """The reason, and a way back; nothing was stored."""
    context = {"reasons": reasons, "back": _safe_next(request) or "/"}
    return render(request, "plugins/refused.html", context, status=status)


@require_GET
@login_required
def assessment_page(request, assessment_id: int):
    """An assessment on a page of its own, outside any course: where a
    candidate applying by prior learning takes the assessments of a unit."""
    assessment = get_object_or_404(Assessment, pk=assessment_id)
    return render(request, "plugins/assessment_page.html", {"assessment": assessment})


@require_POST
@login_required
def start(request, assessment_id: int):
    assessment = get_object_or_404(Assessment, pk=assessment_id)
    page = None
    if (request.POST.get("page") or "").isdigit():
        page = Page.objects.filter(pk=request.POST["page"], live=True).first()
    try:
        attempt = services.attempt_start(
            assessment=assessment, learner=request.user, page=page
        )
    except services.AttemptRefused as exc:
        return _refused(request, [str(exc)])
    return _back(request, attempt)


@require_POST
@login_required
def submit(request, attempt_id: int):
    attempt = get_object_or_404(
        Attempt.objects.select_related("assessment", "page"),
        pk=attempt_id,
        learner=request.user,
    )
    try:
        services.attempt_submit(attempt=attempt, data=request.POST, files=request.FILES)
    except services.AttemptRefused as exc:
        return _refused(request, [str(exc)])
    except ValidationError as exc:
        return _refused(request, exc.messages)
    return _back(request, attempt)


@require_POST
@login_required
def acknowledge(request, attempt_id: int):
    attempt = get_object_or_404(Attempt, pk=attempt_id, learner=request.user)
    try:
        services.attempt_acknowledge(attempt=attempt, learner=request.user)
    except services.AttemptRefused as exc:
        return _refused(request, [str(exc)])
    return _back(request, attempt)


@require_GET
@login_required
def attempt_file(request, file_id: int):
    """A stored upload, only for its owner, assessors and officers."""
    stored = get_object_or_404(
        AttemptFile.objects.select_related("attempt"), pk=file_id
    )
    if not attempt_visible_to(attempt=stored.attempt, user=request.user):
        raise PermissionDenied
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=not stored.content_type.startswith(
            ("image/", "audio/", "video/")
        ),
        filename=stored.original_name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
