"""Issuers and the certification programs they award."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .language import english_char, english_text, localized


class Issuer(models.Model):
    """The body that certifies in one country: its culture ministry."""

    country = models.OneToOneField(
        "reference.Country",
        on_delete=models.PROTECT,
        related_name="issuer",
        verbose_name=_("país"),
    )
    name = models.CharField(_("nombre"), max_length=200)
    name_en = models.CharField(
        _("nombre en inglés"),
        max_length=200,
        blank=True,
        help_text=_("Se muestra en las páginas en inglés; vacío: el nombre oficial."),
    )
    profile_es = models.TextField(_("perfil público (español)"), blank=True)
    profile_en = models.TextField(_("perfil público (inglés)"), blank=True)
    website = models.URLField(_("sitio web"), blank=True)

    class Meta:
        ordering = ["country_id"]
        verbose_name = _("emisor")
        verbose_name_plural = _("emisores")

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        """The name in the active language (the official name by default)."""
        if (get_language() or "es").startswith("en") and self.name_en:
            return self.name_en
        return self.name

    @property
    def profile(self) -> str:
        if (get_language() or "es").startswith("en") and self.profile_en:
            return self.profile_en
        return self.profile_es


class ProgramKind(models.TextChoices):
    COMPETENCY = "competency", _("Certificado de competencia laboral")
    COURSE_COMPLETION = "course-completion", _("Certificado de aprobación de curso")


class IssuanceMode(models.TextChoices):
    AUTOMATIC = "automatic", _("Automática")
    OFFICER_APPROVAL = "approval", _("Requiere aprobación de un oficial")


class CertificationProgramQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def for_country(self, country_code: str):
        return self.filter(issuer__country_id=country_code)


class CertificationProgram(models.Model):
    """What a person can earn: the units to demonstrate and how it is issued."""

    code = models.SlugField(_("código"), max_length=60, unique=True)
    title = models.CharField(_("título"), max_length=300)
    title_en = english_char(300, _("título en inglés"))
    description = models.TextField(_("descripción"), blank=True)
    description_en = english_text(_("descripción en inglés"))
    issuer = models.ForeignKey(
        Issuer,
        on_delete=models.PROTECT,
        related_name="programs",
        verbose_name=_("emisor"),
    )
    standard = models.ForeignKey(
        "certification.OccupationalStandard",
        on_delete=models.PROTECT,
        related_name="programs",
        verbose_name=_("estándar"),
    )
    required_units = models.ManyToManyField(
        "certification.CompetencyUnit",
        related_name="programs",
        verbose_name=_("unidades requeridas"),
        blank=True,
    )
    kind = models.CharField(
        _("tipo"),
        max_length=20,
        choices=ProgramKind.choices,
        default=ProgramKind.COMPETENCY,
    )
    validity_years = models.PositiveSmallIntegerField(
        _("vigencia (años)"),
        null=True,
        blank=True,
        help_text=_("Vacío: el certificado no vence."),
    )
    issuance = models.CharField(
        _("emisión"),
        max_length=20,
        choices=IssuanceMode.choices,
        default=IssuanceMode.OFFICER_APPROVAL,
    )
    active = models.BooleanField(_("activo"), default=True)

    objects = CertificationProgramQuerySet.as_manager()

    class Meta:
        ordering = ["issuer__country_id", "code"]
        verbose_name = _("programa de certificación")
        verbose_name_plural = _("programas de certificación")

    def __str__(self):
        return self.title

    def clean(self):
        issuer = self.issuer if self.issuer_id else None
        standard = self.standard if self.standard_id else None
        if issuer and standard and issuer.country_id != standard.country_id:
            raise ValidationError(
                {"standard": _("El estándar debe ser del país del emisor.")}
            )

    @property
    def display_title(self) -> str:
        return localized(self, "title")

    @property
    def display_description(self) -> str:
        return localized(self, "description")

    @property
    def country_id(self) -> str:
        return self.issuer.country_id


class CountryOfficerGroup(models.Model):
    """Links the auth group of a country's certification officers to the country.

    Created by ``certification.roles.officer_roles_sync``; the admin scopes what an
    officer sees through it, so renaming the group changes nothing.
    """

    country = models.OneToOneField(
        "reference.Country",
        on_delete=models.CASCADE,
        related_name="officer_group",
        verbose_name=_("país"),
    )
    group = models.OneToOneField(
        "auth.Group",
        on_delete=models.CASCADE,
        related_name="certification_country",
        verbose_name=_("grupo"),
    )

    class Meta:
        verbose_name = _("grupo de oficiales por país")
        verbose_name_plural = _("grupos de oficiales por país")

    def __str__(self):
        return str(self.group)
