"""A learner's attempt at an assessment, its files and its gradings.

``presented`` (the attempt's own config: drawn questions, answer keys) and
``result`` stay on the server; views only ever show them through the plugin's
``render`` and ``render_result``.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plugins.storage import private_storage


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("En curso")
    AWAITING_GRADING = "awaiting_grading", _("Enviada, en espera de calificación")
    PASSED = "passed", _("Aprobada")
    NOT_YET_COMPETENT = "not_yet_competent", _("Aún no competente")


class AttemptQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=AttemptStatus.AWAITING_GRADING)

    def submitted(self):
        return self.exclude(status=AttemptStatus.IN_PROGRESS)


class Attempt(models.Model):
    assessment = models.ForeignKey(
        "plugins.Assessment", on_delete=models.PROTECT, related_name="attempts"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="assessment_attempts",
        verbose_name=_("participante"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Página donde se rindió la evaluación."),
    )
    number = models.PositiveSmallIntegerField(_("intento n.º"), default=1)
    status = models.CharField(
        _("estado"),
        max_length=20,
        choices=AttemptStatus.choices,
        default=AttemptStatus.IN_PROGRESS,
    )
    presented = models.JSONField(default=dict, blank=True)
    response = models.JSONField(_("respuesta"), default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)
    points = models.FloatField(_("puntaje"), null=True, blank=True)
    max_points = models.FloatField(_("puntaje máximo"), null=True, blank=True)
    percent = models.FloatField(_("porcentaje"), null=True, blank=True)
    feedback = models.TextField(_("retroalimentación"), blank=True)
    started_at = models.DateTimeField(_("iniciada el"), default=timezone.now)
    deadline = models.DateTimeField(_("plazo"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("enviada el"), null=True, blank=True)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("evaluador asignado"),
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    second_assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("segundo evaluador"),
    )
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("calificada por"),
    )
    graded_at = models.DateTimeField(_("calificada el"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(
        _("conformidad del participante"), null=True, blank=True
    )

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("intento")
        verbose_name_plural = _("intentos")
        permissions = [
            ("grade_attempt", _("Puede calificar intentos de evaluación")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "learner", "number"],
                name="one_attempt_number_per_learner",
            ),
            models.UniqueConstraint(
                fields=["assessment", "learner"],
                condition=Q(status="in_progress"),
                name="one_open_attempt_per_learner",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "submitted_at"]),
            models.Index(fields=["learner", "assessment"]),
        ]

    def __str__(self):
        return f"{self.assessment} · {self.learner} · #{self.number}"

    @property
    def is_graded(self) -> bool:
        return self.status in {AttemptStatus.PASSED, AttemptStatus.NOT_YET_COMPETENT}

    @property
    def passed(self) -> bool:
        return self.status == AttemptStatus.PASSED


class AttemptGrading(models.Model):
    """One assessor's grading of an attempt (two when a second assessor is
    asked for; the first decides, the second shows agreement)."""

    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="gradings"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    data = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)
    passed = models.BooleanField()
    percent = models.FloatField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("calificación")
        verbose_name_plural = _("calificaciones")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "assessor"], name="one_grading_per_assessor"
            )
        ]

    def __str__(self):
        return f"{self.attempt} · {self.assessor}"


class FileRole(models.TextChoices):
    RESPONSE = "response", _("Respuesta del participante")
    GRADING = "grading", _("Registro del evaluador")


def _private_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower()[:8] if "." in filename else "bin"
    return f"attempts/{instance.attempt_id}/{uuid.uuid4().hex}.{extension}"


class AttemptFile(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="files")
    role = models.CharField(max_length=10, choices=FileRole.choices)
    file = models.FileField(storage=private_storage, upload_to=_private_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("archivo de intento")
        verbose_name_plural = _("archivos de intentos")

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("plugins:attempt_file", args=[self.pk])
