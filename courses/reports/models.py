from django.db import models
from django.utils.translation import gettext_lazy as _


class Metric(models.TextChoices):
    ENROLMENTS = "enrolments", _("Inscripciones")
    ACTIVE = "active", _("Participantes activos")
    COMPLETIONS = "completions", _("Cursos completados")
    LESSONS = "lessons", _("Lecciones completadas")
    ATTEMPTS = "attempts", _("Intentos de evaluación")
    ATTEMPTS_PASSED = "attempts_passed", _("Intentos aprobados")
    CRITERIA = "criteria", _("Criterios evaluados")
    ITEMS = "items", _("Preguntas y criterios de rúbrica evaluados")
    APPLICATIONS = "applications", _("Postulaciones")
    CERTIFIED = "certified", _("Postulaciones certificadas")
    CREDENTIALS = "credentials", _("Certificados emitidos")
    RENEWED = "renewed", _("Certificados renovados")
    VERIFICATIONS = "verifications", _("Verificaciones de certificados")


class ReportFigure(models.Model):
    """One cell of the summary: a count (``value``) and, where the metric has
    one, a sum of durations in days (``total``) for one month and one
    combination of breakdowns. Blank breakdowns mean "not applicable" or "not
    declared"."""

    metric = models.CharField(max_length=20, choices=Metric.choices)
    month = models.DateField()
    country = models.CharField(max_length=2, blank=True)
    sector = models.CharField(max_length=32, blank=True)
    standard = models.CharField(max_length=40, blank=True)
    level = models.CharField(max_length=8, blank=True)
    region = models.CharField(max_length=8, blank=True)
    gender = models.CharField(max_length=12, blank=True)
    age_band = models.CharField(max_length=12, blank=True)
    course = models.IntegerField(null=True, blank=True)
    detail = models.CharField(max_length=40, blank=True)
    # "" for a row over everyone; "region", "gender" or "age_band" for a row
    # of that breakdown (the other two personal fields then blank). Storing
    # these margins rather than every combination keeps the table's size
    # bounded by the breakdowns' values, not by the number of people.
    breakdown = models.CharField(max_length=12, blank=True)
    value = models.BigIntegerField(default=0)
    total = models.FloatField(default=0)

    class Meta:
        verbose_name = _("cifra de informe")
        verbose_name_plural = _("cifras de informe")
        indexes = [
            models.Index(fields=["breakdown", "metric", "country", "month"]),
            models.Index(fields=["course", "metric"]),
        ]

    def __str__(self):
        return f"{self.metric} {self.month:%Y-%m} {self.country} = {self.value}"


class ReportBuild(models.Model):
    """When the summary was last rebuilt, and how long it took (one row: the
    latest build)."""

    finished_at = models.DateTimeField(auto_now_add=True)
    seconds = models.FloatField()
    rows = models.PositiveIntegerField()

    class Meta:
        ordering = ["-finished_at"]
        get_latest_by = "finished_at"

    def __str__(self):
        return f"{self.finished_at:%Y-%m-%d %H:%M} ({self.rows})"
