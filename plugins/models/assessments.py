"""An assessment: which plugin, its JSON config and the rules of its attempts."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from plugins.registry import UnknownPlugin, get_plugin


class Assessment(models.Model):
    title = models.CharField(_("título"), max_length=200)
    plugin_id = models.CharField(_("tipo de evaluación"), max_length=50)
    instructions = models.TextField(_("instrucciones"), blank=True)
    config = models.JSONField(_("configuración"), default=dict, blank=True)
    sector = models.ForeignKey(
        "reference.Sector",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector"),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("nota de aprobación (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("intentos permitidos"),
        null=True,
        blank=True,
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_("Déjelo vacío para permitir intentos ilimitados."),
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("tiempo límite (minutos)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
    )
    second_assessor = models.BooleanField(
        _("segundo evaluador"),
        default=False,
        help_text=_(
            "Un segundo evaluador califica por separado y se muestra el acuerdo."
        ),
    )
    units = models.ManyToManyField(
        "certification.CompetencyUnit",
        blank=True,
        related_name="assessments",
        verbose_name=_("unidades de competencia"),
    )
    criteria = models.ManyToManyField(
        "certification.PerformanceCriterion",
        blank=True,
        related_name="assessments",
        verbose_name=_("criterios de desempeño"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("evaluación")
        verbose_name_plural = _("evaluaciones")

    def __str__(self):
        return self.title

    @property
    def plugin(self):
        return get_plugin(self.plugin_id)

    @property
    def plugin_installed(self) -> bool:
        try:
            get_plugin(self.plugin_id)
        except UnknownPlugin:
            return False
        return True

    @property
    def evidence_kind(self) -> str:
        """The kind of evidence passing gives (declared by its plugin)."""
        return self.plugin.evidence_kind if self.plugin_installed else ""

    @property
    def plugin_name(self) -> str:
        return str(self.plugin.name) if self.plugin_installed else self.plugin_id
