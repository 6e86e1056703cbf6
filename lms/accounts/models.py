from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.reference.models import CountryCode
from lms.reference.regions import REGION_CHOICES, AgeBand, Gender, region_country

from .identity import normalize_national_id
from .timezones import time_zone_for_country, time_zone_validate


class LanguageChoice(models.TextChoices):
    SPANISH = "es", "Español"
    ENGLISH = "en", "English"


class User(AbstractUser):
    """A person using the platform: learner, trainer, assessor or officer.

    The identity document is stored normalised and is unique per country, so one
    person cannot hold two learner records in the same country.
    """

    legal_name = models.CharField(
        _("nombre legal completo"),
        max_length=200,
        blank=True,
        help_text=_("Tal como figura en su documento; se imprime en los certificados."),
    )
    country = models.CharField(
        _("país"), max_length=2, choices=CountryCode.choices, blank=True
    )
    national_id = models.CharField(
        _("documento de identidad"), max_length=32, blank=True
    )
    preferred_language = models.CharField(
        _("idioma preferido"),
        max_length=5,
        choices=LanguageChoice.choices,
        default=LanguageChoice.SPANISH,
    )
    time_zone = models.CharField(
        _("zona horaria"),
        max_length=64,
        blank=True,
        validators=[time_zone_validate],
        help_text=_(
            "Las horas (plazos, envíos, correos) se le muestran en esta zona. "
            "Por omisión, la de su país."
        ),
    )

    # Optional, self-declared: only reports use them, and only in aggregate.
    region = models.CharField(
        _("región, departamento o estado"),
        max_length=8,
        blank=True,
        choices=REGION_CHOICES,
    )
    gender = models.CharField(
        _("género"), max_length=12, blank=True, choices=Gender.choices
    )
    age_band = models.CharField(
        _("edad"), max_length=12, blank=True, choices=AgeBand.choices
    )

    class Meta:
        verbose_name = _("usuario")
        verbose_name_plural = _("usuarios")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "national_id"],
                condition=~models.Q(national_id=""),
                name="unique_national_id_per_country",
            )
        ]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        if not self.time_zone and self.country:
            self.time_zone = time_zone_for_country(self.country)
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "time_zone"}
        super().save(*args, **kwargs)
        fields = kwargs.get("update_fields")
        if self.time_zone and (fields is None or "time_zone" in fields):
            wagtail_profile_time_zone_sync(self)

    def clean(self):
        super().clean()
        if self.region and self.country and region_country(self.region) != self.country:
            raise ValidationError(
                {"region": _("Elija una división de su país.")}, code="region_country"
            )
        if self.national_id:
            try:
                self.national_id = normalize_national_id(self.country, self.national_id)
            except ValidationError as error:
                raise ValidationError({"national_id": error}) from error

    @property
    def display_name(self) -> str:
        return self.legal_name or self.get_full_name() or self.email or self.username


def wagtail_profile_time_zone_sync(user) -> None:
    """The Wagtail admin shows times in its own profile's zone: keep it the
    user's."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    if profile.current_time_zone != user.time_zone:
        profile.current_time_zone = user.time_zone
        profile.save(update_fields=["current_time_zone"])
