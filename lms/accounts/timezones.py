"""People's time zones: each user has one (by default their country's), the
middleware activates it for every request, and every time shown to a person
says which zone it is in («09:47 (hora de Santiago)»)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

#: The zone a new user of each country gets (editable in their profile).
COUNTRY_TIME_ZONES = {
    "CL": "America/Santiago",
    "CO": "America/Bogota",
    "MX": "America/Mexico_City",
    "PE": "America/Lima",
}

#: What the profile offers: the zones of the four countries, then UTC.
TIME_ZONE_CHOICES = [
    ("America/Santiago", gettext_lazy("Chile continental (Santiago)")),
    ("America/Punta_Arenas", gettext_lazy("Chile, Magallanes (Punta Arenas)")),
    ("Pacific/Easter", gettext_lazy("Chile, Isla de Pascua")),
    ("America/Bogota", gettext_lazy("Colombia (Bogotá)")),
    ("America/Mexico_City", gettext_lazy("México, centro (Ciudad de México)")),
    ("America/Cancun", gettext_lazy("México, Quintana Roo (Cancún)")),
    ("America/Chihuahua", gettext_lazy("México, Chihuahua")),
    ("America/Mazatlan", gettext_lazy("México, Pacífico (Mazatlán)")),
    ("America/Hermosillo", gettext_lazy("México, Sonora (Hermosillo)")),
    ("America/Tijuana", gettext_lazy("México, Baja California (Tijuana)")),
    ("America/Lima", gettext_lazy("Perú (Lima)")),
    ("UTC", gettext_lazy("Tiempo universal coordinado (UTC)")),
]

_ZONE_LABELS = {
    "America/Santiago": gettext_lazy("hora de Santiago"),
    "America/Bogota": gettext_lazy("hora de Bogotá"),
    "America/Mexico_City": gettext_lazy("hora de Ciudad de México"),
    "America/Lima": gettext_lazy("hora de Lima"),
    "UTC": gettext_lazy("UTC"),
}


def time_zone_validate(value: str) -> None:
    """Refuse a name that is not an IANA time zone."""
    if value and value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("«%(zone)s» no es una zona horaria conocida."),
            code="invalid_time_zone",
            params={"zone": value},
        )


def time_zone_for_country(country: str) -> str:
    return COUNTRY_TIME_ZONES.get(country or "", "")


def user_time_zone(user) -> zoneinfo.ZoneInfo:
    """The zone times are shown in to ``user`` (the site's zone without one)."""
    name = getattr(user, "time_zone", "") or time_zone_for_country(
        getattr(user, "country", "")
    )
    try:
        return zoneinfo.ZoneInfo(name or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def zone_label(moment: dt.datetime) -> str:
    """«hora de Santiago» for the four capitals' zones, else the UTC offset."""
    zone = getattr(moment.tzinfo, "key", "")
    if zone in _ZONE_LABELS:
        return str(_ZONE_LABELS[zone])
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def datetime_display(value, format_name: str = "DATETIME_FORMAT") -> str:
    """An aware datetime in the active zone, formatted, with its zone named:
    «3 de diciembre de 2026 a las 09:47 (hora de Santiago)». Naive or empty
    values come back as they are."""
    if not isinstance(value, dt.datetime) or timezone.is_naive(value):
        return "" if value is None else str(value)
    local = timezone.localtime(value)
    return f"{formats.date_format(local, format_name)} ({zone_label(local)})"


def time_display(value) -> str:
    """Only the time of day, with its zone: «09:47 (hora de Santiago)»."""
    if not isinstance(value, dt.datetime) or timezone.is_naive(value):
        return "" if value is None else str(value)
    local = timezone.localtime(value)
    return f"{formats.time_format(local, 'H:i')} ({zone_label(local)})"
