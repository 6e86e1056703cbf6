"""Reference data shared by every layer: the four countries and the six sectors."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class CountryCode(models.TextChoices):
    CHILE = "CL", _("Chile")
    COLOMBIA = "CO", _("Colombia")
    MEXICO = "MX", _("México")
    PERU = "PE", _("Perú")


class SectorCode(models.TextChoices):
    PUBLISHING = "publishing", _("Edición y libro")
    MUSIC = "music", _("Música")
    PERFORMING_ARTS = "performing-arts", _("Artes escénicas (teatro, danza, circo)")
    AUDIOVISUAL = "audiovisual", _("Audiovisual")
    HERITAGE = "heritage", _("Patrimonio cultural")
    CREATIVE_TRADES = "creative-trades", _("Otros oficios culturales y creativos")


class Country(models.Model):
    """A member country of the Pacific Alliance and its culture ministry."""

    code = models.CharField(
        _("código"), max_length=2, primary_key=True, choices=CountryCode.choices
    )
    ministry_name_es = models.CharField(_("ministerio (español)"), max_length=200)
    ministry_name_en = models.CharField(_("ministerio (inglés)"), max_length=200)
    ministry_url = models.URLField(_("sitio del ministerio"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("país")
        verbose_name_plural = _("países")

    def __str__(self):
        return str(self.name)

    @property
    def name(self):
        return CountryCode(self.code).label

    @property
    def ministry_name(self):
        if (get_language() or "es").startswith("en"):
            return self.ministry_name_en
        return self.ministry_name_es


class Sector(models.Model):
    """A cultural sector named in the Santiago (2020) and Lima (2019) declarations."""

    code = models.SlugField(
        _("código"), max_length=32, unique=True, choices=SectorCode.choices
    )
    priority = models.PositiveSmallIntegerField(
        _("prioridad"),
        default=10,
        help_text=_("Orden de prioridad (la Declaración de Lima prioriza la edición)."),
    )

    class Meta:
        ordering = ["priority", "code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectores")

    def __str__(self):
        return str(self.name)

    @property
    def name(self):
        return SectorCode(self.code).label
