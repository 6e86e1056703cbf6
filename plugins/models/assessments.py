"""An assessment: which plugin, its JSON config and the rules of its attempts."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from plugins.registry import UnknownPlugin, get_plugin


def _english(language: str | None) -> bool:
    return (language or get_language() or "es").startswith("en")


class Assessment(models.Model):
    """One assessment in two languages: the Spanish texts and config, and an
    optional English version (title, instructions and the plugin's config)
    used on English pages. An attempt fixes the config of the language it was
    started in, so grading, results and evidence never mix versions."""

    title = models.CharField(_("título"), max_length=200)
    title_en = models.CharField(
        _("título en inglés"),
        max_length=200,
        blank=True,
        help_text=_("Se muestra en las páginas en inglés; vacío: el título."),
    )
    plugin_id = models.CharField(_("tipo de evaluación"), max_length=50)
    instructions = models.TextField(_("instrucciones"), blank=True)
    instructions_en = models.TextField(_("instrucciones en inglés"), blank=True)
    config = models.JSONField(_("configuración"), default=dict, blank=True)
    config_en = models.JSONField(
        _("configuración en inglés"),
        default=dict,
        blank=True,
        help_text=_("Vacía: las páginas en inglés usan la configuración en español."),
    )
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
        permissions = [("publish_assessment", _("Puede publicar evaluaciones"))]

    def __str__(self):
        return self.title

    @property
    def display_title(self) -> str:
        return self.title_en if _english(None) and self.title_en else self.title

    @property
    def display_instructions(self) -> str:
        if _english(None) and self.instructions_en:
            return self.instructions_en
        return self.instructions

    def config_for(self, language: str | None = None) -> dict:
        """The plugin config for ``language`` (default: the active one): the
        English version when there is one, else the Spanish config."""
        if _english(language) and self.config_en:
            return self.config_en
        return self.config

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
