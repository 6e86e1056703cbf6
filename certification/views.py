"""Learner-facing certification pages: the competency record and RPL applications."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from certification.models import ApplicationRoute, CertificationProgram, ProgramKind
from certification.selectors import competency_record
from certification.services import program_apply


@login_required
def competency_record_view(request):
    record = competency_record(learner=request.user)
    return TemplateResponse(
        request,
        "certification/competency_record.html",
        {"record": record},
    )


@login_required
@require_POST
def program_apply_view(request, code):
    program = get_object_or_404(
        CertificationProgram.objects.active(), code=code, kind=ProgramKind.COMPETENCY
    )
    result = program_apply(
        learner=request.user, program=program, route=ApplicationRoute.RPL
    )
    if not result.missing_units:
        messages.success(
            request, _("Ya demostró todas las unidades de «%s».") % program.title
        )
    else:
        messages.success(
            request,
            _(
                "Postulación registrada a «%(program)s». Le faltan %(count)s "
                "unidades: se le ofrecerán sus evaluaciones."
            )
            % {"program": program.title, "count": len(result.missing_units)},
        )
    return redirect("certification:record")
