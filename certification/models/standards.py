"""Occupational standards: units, performance criteria, evidence requirements."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from .language import english_char, english_text, localized


class StandardSystem(models.TextChoices):
    CHILEVALORA = "chilevalora", _("Perfil ChileValora")
    SENA_NSCL = "sena-nscl", _("Norma SENA (NSCL)")
    CONOCER_EC = "conocer-ec", _("Estándar CONOCER (EC)")
    PERU_MTPE = "peru-mtpe", _("Perfil ocupacional MTPE (Perú)")


class OccupationalStandardQuerySet(models.QuerySet):
    def for_country(self, country_code: str):
        return self.filter(country_id=country_code)


class OccupationalStandard(models.Model):
    """A country's competency standard for one occupation (one version of it)."""

    country = models.ForeignKey(
        "reference.Country",
        on_delete=models.PROTECT,
        related_name="occupational_standards",
        verbose_name=_("país"),
    )
    system = models.CharField(
        _("sistema"), max_length=20, choices=StandardSystem.choices
    )
    code = models.CharField(_("código"), max_length=40)
    version = models.CharField(_("versión"), max_length=20, default="1")
    title = models.CharField(_("título"), max_length=300)
    title_en = english_char(300, _("título en inglés"))
    description = models.TextField(_("descripción"), blank=True)
    description_en = english_text(_("descripción en inglés"))
    sector = models.ForeignKey(
        "reference.Sector",
        on_delete=models.PROTECT,
        related_name="occupational_standards",
        verbose_name=_("sector"),
    )
    level = models.ForeignKey(
        "certification.FrameworkLevel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="standards",
        verbose_name=_("nivel nacional"),
    )
    valid_from = models.DateField(_("vigente desde"), null=True, blank=True)
    valid_until = models.DateField(_("vigente hasta"), null=True, blank=True)
    source_url = models.URLField(_("enlace a la fuente"), blank=True)

    objects = OccupationalStandardQuerySet.as_manager()

    class Meta:
        ordering = ["country_id", "code", "version"]
        verbose_name = _("estándar de competencia")
        verbose_name_plural = _("estándares de competencia")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "code", "version"],
                name="unique_standard_code_version_per_country",
            )
        ]

    def __str__(self):
        return f"{self.code} v{self.version} — {self.title}"

    @property
    def display_title(self) -> str:
        return localized(self, "title")

    @property
    def display_description(self) -> str:
        return localized(self, "description")

    def clean(self):
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("La fecha de término es anterior a la de inicio.")}
            )
        level = self.level if self.level_id else None
        if level is not None and level.framework.country_id != self.country_id:
            raise ValidationError(
                {"level": _("El nivel debe pertenecer al marco del mismo país.")}
            )


class CompetencyUnit(ClusterableModel):
    """A unit of competency (UCL, element, unit) within a standard."""

    standard = models.ForeignKey(
        OccupationalStandard,
        on_delete=models.CASCADE,
        related_name="units",
        verbose_name=_("estándar"),
    )
    code = models.CharField(_("código"), max_length=40)
    title = models.CharField(_("título"), max_length=300)
    title_en = english_char(300, _("título en inglés"))
    description = models.TextField(_("descripción"), blank=True)
    description_en = english_text(_("descripción en inglés"))
    sort_order = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["standard", "sort_order", "code"]
        verbose_name = _("unidad de competencia")
        verbose_name_plural = _("unidades de competencia")
        constraints = [
            models.UniqueConstraint(
                fields=["standard", "code"], name="unique_unit_code_per_standard"
            )
        ]

    def __str__(self):
        return f"{self.code} — {self.title}"

    @property
    def display_title(self) -> str:
        return localized(self, "title")

    @property
    def display_description(self) -> str:
        return localized(self, "description")

    def delete(self, *args, **kwargs):
        # Check before Django's deletion transaction starts, so a refusal leaves
        # the caller's transaction usable; cascades are checked by the signal.
        _unit_delete_guard(type(self), self)
        return super().delete(*args, **kwargs)


class PerformanceCriterion(models.Model):
    """A criterion an assessor judges to decide that a unit is performed well."""

    unit = ParentalKey(
        CompetencyUnit,
        on_delete=models.CASCADE,
        related_name="criteria",
        verbose_name=_("unidad"),
    )
    code = models.CharField(_("código"), max_length=40)
    text = models.TextField(_("criterio de desempeño"))
    text_en = english_text(_("criterio de desempeño en inglés"))
    sort_order = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["unit", "sort_order", "code"]
        verbose_name = _("criterio de desempeño")
        verbose_name_plural = _("criterios de desempeño")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "code"], name="unique_criterion_code_per_unit"
            )
        ]

    def __str__(self):
        return f"{self.code} — {self.text[:80]}"

    @property
    def display_text(self) -> str:
        return localized(self, "text")


class EvidenceKind(models.TextChoices):
    KNOWLEDGE = "knowledge", _("Conocimiento")
    PRODUCT = "product", _("Producto")
    PERFORMANCE = "performance", _("Desempeño")


class EvidenceRequirement(models.Model):
    """What a candidate must show for a unit: knowledge, a product, a performance."""

    unit = ParentalKey(
        CompetencyUnit,
        on_delete=models.CASCADE,
        related_name="evidence_requirements",
        verbose_name=_("unidad"),
    )
    kind = models.CharField(_("tipo"), max_length=20, choices=EvidenceKind.choices)
    description = models.TextField(_("descripción"))
    description_en = english_text(_("descripción en inglés"))
    sort_order = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["unit", "sort_order", "pk"]
        verbose_name = _("requisito de evidencia")
        verbose_name_plural = _("requisitos de evidencia")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.description[:80]}"

    @property
    def display_description(self) -> str:
        return localized(self, "description")


class StandardEquivalence(models.Model):
    """Two standards, or two units, of different countries recognised as equivalent.

    Equivalence is symmetric. A row with units relates those two units: evidence
    for one demonstrates the other when computing eligibility. A row without units
    records that the standards as a whole correspond (documentary; eligibility
    relies on unit rows).
    """

    standard_a = models.ForeignKey(
        OccupationalStandard,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("estándar A"),
    )
    standard_b = models.ForeignKey(
        OccupationalStandard,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("estándar B"),
    )
    unit_a = models.ForeignKey(
        CompetencyUnit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unidad A"),
    )
    unit_b = models.ForeignKey(
        CompetencyUnit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unidad B"),
    )
    notes = models.TextField(_("notas"), blank=True)
    created_at = models.DateTimeField(_("creado el"), auto_now_add=True)

    class Meta:
        ordering = ["standard_a", "standard_b", "pk"]
        verbose_name = _("equivalencia entre estándares")
        verbose_name_plural = _("equivalencias entre estándares")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(unit_a__isnull=True, unit_b__isnull=True)
                    | models.Q(unit_a__isnull=False, unit_b__isnull=False)
                ),
                name="equivalence_units_both_or_neither",
            )
        ]

    def __str__(self):
        if self.unit_a_id:
            return f"{self.unit_a} ≡ {self.unit_b}"
        return f"{self.standard_a} ≡ {self.standard_b}"

    def clean(self):
        a = self.standard_a if self.standard_a_id else None
        b = self.standard_b if self.standard_b_id else None
        if a and b and a.country_id == b.country_id:
            raise ValidationError(
                _("La equivalencia relaciona estándares de países distintos.")
            )
        if bool(self.unit_a_id) != bool(self.unit_b_id):
            raise ValidationError(_("Indique ambas unidades o ninguna."))
        if self.unit_a_id and self.unit_a.standard_id != self.standard_a_id:
            raise ValidationError({"unit_a": _("La unidad A no es del estándar A.")})
        if self.unit_b_id and self.unit_b.standard_id != self.standard_b_id:
            raise ValidationError({"unit_b": _("La unidad B no es del estándar B.")})


def _unit_delete_guard(sender, instance, **kwargs):
    """Refuse to delete a unit that issued credentials certified.

    Credentials keep a snapshot of their units, but the program that issued them
    must keep requiring the same units; evidence is protected by its own foreign
    key. Raised inside the deletion's transaction, so nothing is deleted.
    """
    from certification.models import Credential

    credentials = list(Credential.objects.filter(program__required_units=instance)[:10])
    if credentials:
        raise models.ProtectedError(
            _("Hay credenciales emitidas que certifican esta unidad."),
            set(credentials),
        )


models.signals.pre_delete.connect(
    _unit_delete_guard, sender=CompetencyUnit, dispatch_uid="unit-delete-guard"
)
