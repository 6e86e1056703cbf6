from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses import services
from courses.models import CoursePage, LessonPage
from courses.selectors import learner_dashboard


def _back(request, page):
    target = request.POST.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect(page.get_url(request))


@login_required
def dashboard(request):
    rows = learner_dashboard(user=request.user, language_code=get_language())
    return render(request, "courses/dashboard.html", {"rows": rows})


@require_POST
@login_required
def enrol(request, page_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=page_id)
    services.enrolment_create(user=request.user, course=course)
    messages.success(
        request, _("Se inscribió en «%(course)s».") % {"course": course.title}
    )
    return _back(request, course)


@require_POST
@login_required
def unenrol(request, page_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=page_id)
    services.enrolment_withdraw(user=request.user, course=course)
    messages.info(
        request,
        _("Se retiró de «%(course)s». Su avance se conserva si vuelve a inscribirse.")
        % {"course": course.title},
    )
    return _back(request, course)


@require_POST
@login_required
def complete_lesson(request, page_id: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=page_id)
    try:
        services.lesson_complete(user=request.user, lesson=lesson)
    except services.NotEnrolled:
        messages.error(request, _("Inscríbase en el curso para registrar su avance."))
        return redirect(lesson.get_parent().get_url(request))
    except services.AssessmentPending:
        messages.error(
            request, _("Apruebe la evaluación de esta lección para completarla.")
        )
        return redirect(lesson.get_url(request))
    messages.success(request, _("Lección completada."))
    return _back(request, lesson)
