"""Qualification frameworks of the four countries and the regional reference."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .language import english_char, english_text, localized


class QualificationFramework(models.Model):
    """A national qualifications framework, or the regional reference framework.

    National frameworks belong to a country; the Pacific Alliance reference
    framework has no country and ``is_regional`` set.
    """

    code = models.SlugField(_("código"), max_length=32, unique=True)
    name = models.CharField(_("nombre"), max_length=200)
    name_en = english_char(200, _("nombre en inglés"))
    short_name = models.CharField(_("sigla"), max_length=20, blank=True)
    country = models.ForeignKey(
        "reference.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="qualification_frameworks",
        verbose_name=_("país"),
        help_text=_("Vacío para el marco regional de referencia."),
    )
    is_regional = models.BooleanField(_("marco regional de referencia"), default=False)
    description = models.TextField(_("descripción"), blank=True)
    description_en = english_text(_("descripción en inglés"))
    source_url = models.URLField(_("fuente"), blank=True)

    class Meta:
        ordering = ["is_regional", "country_id", "code"]
        verbose_name = _("marco de cualificaciones")
        verbose_name_plural = _("marcos de cualificaciones")

    def __str__(self):
        return self.short_name or self.name

    @property
    def display_name(self) -> str:
        return localized(self, "name")

    @property
    def display_description(self) -> str:
        return localized(self, "description")

    def clean(self):
        if self.is_regional == bool(self.country_id):
            raise ValidationError(
                _("Un marco nacional tiene país; el marco regional no lo tiene.")
            )


class FrameworkLevel(models.Model):
    """One level of a qualifications framework (1 = lowest)."""

    framework = models.ForeignKey(
        QualificationFramework,
        on_delete=models.CASCADE,
        related_name="levels",
        verbose_name=_("marco"),
    )
    number = models.PositiveSmallIntegerField(_("nivel"))
    name = models.CharField(_("nombre"), max_length=200, blank=True)
    name_en = english_char(200, _("nombre en inglés"))
    descriptor = models.TextField(_("descriptor"), blank=True)
    descriptor_en = english_text(_("descriptor en inglés"))

    class Meta:
        ordering = ["framework", "number"]
        verbose_name = _("nivel de marco")
        verbose_name_plural = _("niveles de marco")
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "number"], name="unique_level_per_framework"
            )
        ]

    def __str__(self):
        return f"{self.framework} {self.number}"

    @property
    def display_name(self) -> str:
        return localized(self, "name")

    @property
    def display_descriptor(self) -> str:
        return localized(self, "descriptor")


class LevelMapping(models.Model):
    """Where a national level sits on the regional reference framework.

    This is data officers edit: the regional mapping is not yet official, so rows
    are seeded with ``provisional`` set.
    """

    national_level = models.OneToOneField(
        FrameworkLevel,
        on_delete=models.CASCADE,
        related_name="regional_mapping",
        verbose_name=_("nivel nacional"),
    )
    regional_level = models.ForeignKey(
        FrameworkLevel,
        on_delete=models.PROTECT,
        related_name="national_mappings",
        verbose_name=_("nivel regional"),
    )
    provisional = models.BooleanField(
        _("provisional"),
        default=True,
        help_text=_("Marcado mientras la correspondencia no sea oficial."),
    )
    notes = models.TextField(_("notas"), blank=True)
    updated_at = models.DateTimeField(_("actualizado el"), auto_now=True)

    class Meta:
        ordering = ["national_level__framework", "national_level__number"]
        verbose_name = _("correspondencia de niveles")
        verbose_name_plural = _("correspondencias de niveles")

    def __str__(self):
        return f"{self.national_level} → {self.regional_level}"

    def clean(self):
        national = getattr(self, "national_level", None)
        regional = getattr(self, "regional_level", None)
        if national and national.framework.is_regional:
            raise ValidationError(
                {"national_level": _("Elija un nivel de un marco nacional.")}
            )
        if regional and not regional.framework.is_regional:
            raise ValidationError(
                {"regional_level": _("Elija un nivel del marco regional.")}
            )
