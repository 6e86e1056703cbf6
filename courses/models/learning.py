"""A learner's journey: enrolments and completed lessons.

Both always point at the course's and lesson's *canonical* page (the one in the
default locale when it exists), so progress is shared across translations.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EnrolmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(withdrawn_at__isnull=True)


class Enrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("participante"),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("curso"),
    )
    enrolled_at = models.DateTimeField(_("inscrito el"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("retirado el"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completado el"), null=True, blank=True)
    last_lesson = models.ForeignKey(
        "courses.LessonPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("última lección"),
    )

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("inscripción")
        verbose_name_plural = _("inscripciones")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], name="one_enrolment_per_course"
            )
        ]
        indexes = [models.Index(fields=["course", "withdrawn_at"])]

    def __str__(self):
        return f"{self.user} → {self.course}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class LessonCompletion(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lesson_completions",
        verbose_name=_("participante"),
    )
    lesson = models.ForeignKey(
        "courses.LessonPage",
        on_delete=models.CASCADE,
        related_name="completions",
        verbose_name=_("lección"),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="lesson_completions",
        verbose_name=_("curso"),
    )
    completed_at = models.DateTimeField(_("completada el"), auto_now_add=True)

    class Meta:
        verbose_name = _("lección completada")
        verbose_name_plural = _("lecciones completadas")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson"], name="one_completion_per_lesson"
            )
        ]
        indexes = [models.Index(fields=["user", "course"])]

    def __str__(self):
        return f"{self.user} ✓ {self.lesson}"
