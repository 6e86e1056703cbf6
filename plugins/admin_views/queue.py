"""The grading queue: pending attempts, claim or assign, grade through the
plugin's grading form, agreement between two assessors."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from certification.integrity import IntegrityRefused
from plugins import services
from plugins.admin_views.forms import AssignForm, QueueFilterForm
from plugins.integrity import attempts_scope
from plugins.models import Attempt
from plugins.selectors import grading_agreement, grading_queue, queue_filter_choices


def _require_assessor(request):
    if not request.user.has_perm("plugins.grade_attempt"):
        raise PermissionDenied


def queue(request):
    _require_assessor(request)
    filters = QueueFilterForm(request.GET or None, choices=queue_filter_choices())
    params = filters.cleaned_data if filters.is_valid() else {}
    offset = request.GET.get("offset", "0")
    page = grading_queue(
        params=params,
        user=request.user,
        offset=int(offset) if offset.isdigit() else 0,
    )
    query = request.GET.copy()
    query.pop("offset", None)
    return TemplateResponse(
        request,
        "plugins/admin/grading_queue.html",
        {"filters": filters, "page": page, "query": query.urlencode()},
    )


def _attempt(request, pk):
    """The attempt, if it is in the user's scope (404 otherwise)."""
    attempts = Attempt.objects.select_related(
        "assessment", "learner", "page", "assessor", "graded_by", "second_assessor"
    )
    return get_object_or_404(attempts_scope(attempts, request.user), pk=pk)


def grade(request, pk: int):
    _require_assessor(request)
    attempt = _attempt(request, pk)
    if not attempt.assessment.plugin_installed:
        return TemplateResponse(
            request,
            "plugins/admin/assessment_plugin_missing.html",
            {"assessment": attempt.assessment},
        )
    plugin = attempt.assessment.plugin
    form = plugin.grading_form(
        config=attempt.presented,
        response=attempt.response,
        data=request.POST if request.method == "POST" else None,
        files=request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.attempt_grade(attempt=attempt, assessor=request.user, form=form)
        except (
            services.AttemptRefused,
            services.ValidationError,
            IntegrityRefused,
        ) as exc:
            messages.error(request, "; ".join(getattr(exc, "messages", [str(exc)])))
        else:
            messages.success(request, _("Calificación registrada."))
            return redirect("plugins_admin:grading_queue")
    context = {
        "attempt": attempt,
        "form": form,
        "response_html": mark_safe(
            plugin.render_response(config=attempt.presented, response=attempt.response)
        ),
        "agreement": grading_agreement(attempt=attempt),
        "gradings": list(attempt.gradings.select_related("assessor")),
        "assign_form": AssignForm(attempt=attempt),
    }
    return TemplateResponse(request, "plugins/admin/grade_attempt.html", context)


@require_POST
def claim(request, pk: int):
    _require_assessor(request)
    try:
        services.attempt_claim(attempt=_attempt(request, pk), assessor=request.user)
    except services.AttemptRefused as exc:
        messages.error(request, str(exc))
        return redirect("plugins_admin:grading_queue")
    return redirect("plugins_admin:grade_attempt", pk=pk)


@require_POST
def assign(request, pk: int):
    _require_assessor(request)
    attempt = _attempt(request, pk)
    form = AssignForm(request.POST, attempt=attempt)
    if not form.is_valid():
        messages.error(request, _("Elija un evaluador."))
        return redirect("plugins_admin:grade_attempt", pk=pk)
    try:
        services.attempt_assign(
            attempt=attempt,
            assessor=form.cleaned_data["assessor"],
            second=form.cleaned_data["second"],
        )
    except services.AttemptRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Intento asignado."))
    return redirect("plugins_admin:grade_attempt", pk=pk)
