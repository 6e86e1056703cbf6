"""Evidence of competence, eligibility and applications to programs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from certification.models.standards import EvidenceKind


class EvidenceSource(models.TextChoices):
    ATTEMPT = "attempt", _("Intento de evaluación")
    OBSERVATION = "observation", _("Observación de un evaluador")
    RPL = "rpl", _("Reconocimiento de aprendizajes previos")
    COURSE = "course", _("Curso completado")
    MANUAL = "manual", _("Registro manual")
    CONTENT = "content", _("Contenido interactivo completado")


class EvidenceQuerySet(models.QuerySet):
    def current(self, at=None):
        """Evidence that has not expired at ``at`` (now by default)."""
        from django.utils import timezone

        at = at or timezone.now()
        return self.confirmed().filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=at)
        )

    def confirmed(self):
        """Evidence that counts: manual records only once a second person
        confirmed them."""
        return self.exclude(source_kind=EvidenceSource.MANUAL, confirmed_at=None)

    def awaiting_confirmation(self):
        return self.filter(source_kind=EvidenceSource.MANUAL, confirmed_at=None)


class Evidence(models.Model):
    """A learner's demonstrated unit, or one performance criterion of it.

    ``source_kind`` and ``source_id`` name what produced it (an assessment attempt,
    an observation...) without a foreign key: the source lives in a higher layer.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="competency_evidence",
        verbose_name=_("participante"),
    )
    unit = models.ForeignKey(
        "certification.CompetencyUnit",
        on_delete=models.PROTECT,
        related_name="evidence",
        verbose_name=_("unidad"),
    )
    criterion = models.ForeignKey(
        "certification.PerformanceCriterion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evidence",
        verbose_name=_("criterio"),
    )
    source_kind = models.CharField(
        _("origen"), max_length=20, choices=EvidenceSource.choices
    )
    source_id = models.CharField(_("referencia del origen"), max_length=64)
    kind = models.CharField(
        _("tipo de evidencia"),
        max_length=20,
        choices=EvidenceKind.choices,
        blank=True,
        help_text=_(
            "Conocimiento, producto o desempeño. Vacío: registro que acredita "
            "la unidad completa (registro manual, curso, reconocimiento)."
        ),
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessed_evidence",
        verbose_name=_("evaluador"),
    )
    assessed_at = models.DateTimeField(_("evaluado el"))
    expires_at = models.DateTimeField(_("vence el"), null=True, blank=True)
    notes = models.TextField(_("notas"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrada por"),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmada por"),
    )
    confirmed_at = models.DateTimeField(_("confirmada el"), null=True, blank=True)
    created_at = models.DateTimeField(_("registrado el"), auto_now_add=True)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["-assessed_at", "-pk"]
        verbose_name = _("evidencia")
        verbose_name_plural = _("evidencias")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "unit", "source_kind", "source_id"],
                condition=models.Q(criterion__isnull=True),
                name="unique_unit_evidence_per_source",
            ),
            models.UniqueConstraint(
                fields=["learner", "criterion", "source_kind", "source_id"],
                condition=models.Q(criterion__isnull=False),
                name="unique_criterion_evidence_per_source",
            ),
        ]
        indexes = [models.Index(fields=["learner", "unit"])]

    def __str__(self):
        target = self.criterion.code if self.criterion_id else self.unit.code
        return f"{self.learner} — {target} ({self.get_source_kind_display()})"


class ProgramEligibility(models.Model):
    """Records that a learner became eligible for a program, so the
    ``program_eligible`` signal is sent once."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="program_eligibilities",
        verbose_name=_("participante"),
    )
    program = models.ForeignKey(
        "certification.CertificationProgram",
        on_delete=models.CASCADE,
        related_name="eligibilities",
        verbose_name=_("programa"),
    )
    eligible_at = models.DateTimeField(_("elegible desde"), auto_now_add=True)

    class Meta:
        ordering = ["-eligible_at"]
        verbose_name = _("elegibilidad")
        verbose_name_plural = _("elegibilidades")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "program"], name="one_eligibility_per_program"
            )
        ]

    def __str__(self):
        return f"{self.learner} → {self.program}"


class ApplicationRoute(models.TextChoices):
    COURSE = "course", _("Por curso")
    RPL = "rpl", _("Reconocimiento de aprendizajes previos")


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", _("Postulación recibida")
    IN_ASSESSMENT = "assessing", _("En evaluación")
    ELIGIBLE = "eligible", _("Elegible")
    AWAITING_APPROVAL = "approval", _("Esperando aprobación")
    CERTIFIED = "certified", _("Certificado")
    REJECTED = "rejected", _("Rechazada")
    WITHDRAWN = "withdrawn", _("Retirada")


class ProgramApplication(models.Model):
    """A learner's application to a program, by course or by prior learning."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="program_applications",
        verbose_name=_("participante"),
    )
    program = models.ForeignKey(
        "certification.CertificationProgram",
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("programa"),
    )
    route = models.CharField(_("vía"), max_length=10, choices=ApplicationRoute.choices)
    status = models.CharField(
        _("estado"),
        max_length=10,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.APPLIED,
    )
    reason = models.TextField(
        _("motivo"),
        blank=True,
        help_text=_("Por qué se rechazó la postulación; la persona lo ve."),
    )
    created_at = models.DateTimeField(_("creada el"), auto_now_add=True)
    updated_at = models.DateTimeField(_("actualizada el"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("postulación")
        verbose_name_plural = _("postulaciones")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "program"], name="one_application_per_program"
            )
        ]

    def __str__(self):
        return f"{self.learner} → {self.program} ({self.get_route_display()})"

    @property
    def next_step(self) -> str:
        """What happens next, in words for the learner and the officer."""
        return APPLICATION_NEXT_STEPS.get(self.status, "")


APPLICATION_NEXT_STEPS = {
    ApplicationStatus.APPLIED: _(
        "Rinda las evaluaciones de cada unidad que le falta demostrar."
    ),
    ApplicationStatus.IN_ASSESSMENT: _(
        "Complete las evaluaciones de las unidades que le faltan."
    ),
    ApplicationStatus.ELIGIBLE: _(
        "Demostró todas las unidades: se emitirá su certificado."
    ),
    ApplicationStatus.AWAITING_APPROVAL: _(
        "Demostró todas las unidades: un oficial de certificación revisará su "
        "postulación."
    ),
    ApplicationStatus.CERTIFIED: _(
        "Su certificado está emitido: puede descargarlo en «Mis certificados»."
    ),
    ApplicationStatus.REJECTED: _(
        "Un oficial rechazó la postulación; lea el motivo y, si corresponde, "
        "escriba a la entidad emisora."
    ),
    ApplicationStatus.WITHDRAWN: _("Puede volver a postular cuando quiera."),
}
