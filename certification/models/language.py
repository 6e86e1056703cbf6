"""English texts of reference data, picked by the active language.

Reference data (standards, units, criteria, programs, frameworks) is written in
the country's language, Spanish; each text field has an optional English twin
``<field>_en``. ``localized`` returns the twin on English pages when it is
filled in, the Spanish text otherwise.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def english_active() -> bool:
    return (get_language() or "es").startswith("en")


def localized(instance, name: str) -> str:
    """``instance.<name>_en`` when English is active and it is filled in,
    else ``instance.<name>``."""
    if english_active():
        english = getattr(instance, f"{name}_en", "")
        if english:
            return english
    return getattr(instance, name)


def english_char(max_length: int, label) -> models.CharField:
    return models.CharField(
        label,
        max_length=max_length,
        blank=True,
        help_text=_("Se muestra en las páginas en inglés; vacío: el texto en español."),
    )


def english_text(label) -> models.TextField:
    return models.TextField(
        label,
        blank=True,
        help_text=_("Se muestra en las páginas en inglés; vacío: el texto en español."),
    )
