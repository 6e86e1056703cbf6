"""Learner-facing views: start, submit and acknowledge attempts; serve files.

A submission the learner can put right (an empty answer, a file of a format
or size not accepted) shows the lesson again with the form, the messages and
what was typed; a tampered or untimely one answers 400 with the reason. In
both cases nothing is stored. Success redirects back to the page the
assessment is embedded in.
"""

from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail import hooks
from wagtail.models import Page

from lms.ops.objectstore import signed_url
from plugins import services
from plugins.base import fixable_errors
from plugins.models import Assessment, Attempt, AttemptFile
from plugins.selectors import attempt_visible_to
from plugins.storage import private_backend


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


@dataclass
class RefusedSubmission:
    """What the assessment panel needs to show a refused submission's form
    again; the submit view puts it on ``request.refused_submission``."""

    attempt_id: int
    #: The submission without the core's own fields, as the plugin got it.
    data: object
    #: ``{field: [message, ...]}``; ``"__all__"`` for the whole form.
    errors: dict[str, list[str]]
    #: Path of the page the form was on (links and ``next`` point there,
    #: not to the submit address this answer is served at).
    here: str
    #: Whether files were chosen (browsers never refill a file input).
    had_files: bool = False
    #: Set by the panel once it has shown the form with the errors.
    shown: bool = field(default=False)

    @property
    def messages(self) -> list[str]:
        return [message for group in self.errors.values() for message in group]


@require_http_methods(["GET", "POST"])
@login_required
def submit(request, attempt_id: int):
    attempt = get_object_or_404(
        Attempt.objects.select_related("assessment", "page"),
        pk=attempt_id,
        learner=request.user,
    )
    if request.method == "GET":
        # A link on a page shown after a refused submission (language
        # switcher, "mark as completed") leads back to the lesson.
        return redirect(
            _page_path(request, attempt) + f"#assessment-{attempt.assessment_id}"
        )
    for name, uploads in request.FILES.lists():
        for upload in uploads:  # files kept on disk do not know their input
            upload.field_name = name
    try:
        services.attempt_submit(attempt=attempt, data=request.POST, files=request.FILES)
    except services.AttemptRefused as exc:
        return _refused(request, [str(exc)])
    except ValidationError as exc:
        errors = fixable_errors(exc)
        if errors is None:
            return _refused(request, exc.messages)
        return _form_again(request, attempt, errors)
    return _back(request, attempt)


def _page_path(request, attempt) -> str:
    target = _safe_next(request).split("#", 1)[0]
    if target:
        return target
    return (attempt.page.get_url(request) if attempt.page_id else None) or "/"


def _form_again(request, attempt, errors):
    """The page the form was on, with the form, the messages and what was
    typed (200: the form is answered with itself, as Django forms are); a
    standalone page with the same panel when that page cannot show it."""
    data = request.POST.copy()
    for key in services.CORE_FIELDS:
        data.pop(key, None)
    refused = RefusedSubmission(
        attempt_id=attempt.pk,
        data=data,
        errors=errors,
        here=_page_path(request, attempt),
        had_files=bool(request.FILES),
    )
    request.refused_submission = refused
    response = _serve_page(request, attempt.page) if attempt.page_id else None
    if response is None or not refused.shown:
        response = render(
            request,
            "plugins/attempt_form.html",
            {"assessment": attempt.assessment, "page": attempt.page},
        )
    return response


def _serve_page(request, page):
    """Serve ``page`` as Wagtail's own view would (its hooks apply: view
    restrictions, request methods); ``None`` when it answers otherwise."""
    page = page.specific
    if not page.live:
        return None

    def chain(page, request, args, kwargs):
        return page.serve(request, *args, **kwargs)

    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        chain = wrap(chain)
    for before in hooks.get_hooks("before_serve_page"):
        if isinstance(before(page, request, (), {}), HttpResponse):
            return None
    response = chain(page, request, (), {})
    if response.status_code != 200:
        return None
    if hasattr(response, "render"):
        response.render()
    return response


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
    signed = signed_url(
        private_backend(),
        stored.file.name,
        filename=stored.original_name,
        content_type=stored.content_type,
    )
    if signed:
        response = HttpResponseRedirect(signed)
        response["Cache-Control"] = "private, no-store"
        return response
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
