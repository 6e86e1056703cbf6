"""National identity documents of the four countries.

Each validator takes what a person typed, raises ``ValidationError`` naming the
expected format when it is not a valid document, and returns the normalised
form that is stored (and compared for uniqueness).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CURP_ALPHABET = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
CURP_STATES = (
    "AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL|SR|"
    "TC|TS|TL|VZ|YN|ZS|NE"
)
CURP_RE = re.compile(
    r"^[A-Z][AEIOUX][A-Z]{2}\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[HMX]"
    rf"({CURP_STATES})[B-DF-HJ-NP-TV-Z]{{3}}[A-Z\d]\d$"
)

FORMATS = {
    "CL": _("RUT con dígito verificador, por ejemplo 15.432.198-5"),
    "CO": _("cédula de ciudadanía de 6 a 10 dígitos, por ejemplo 1.020.304.050"),
    "MX": _("CURP de 18 caracteres, por ejemplo HEGG560427MVZRRL04"),
    "PE": _("DNI de 8 dígitos, por ejemplo 45678912"),
}


def _invalid(country: str) -> ValidationError:
    return ValidationError(
        _("Documento no válido. Formato esperado: %(format)s."),
        code="invalid_document",
        params={"format": FORMATS[country]},
    )


def rut_check_digit(body: str) -> str:
    """Modulo-11 check digit of a Chilean RUT body (digits only)."""
    total = sum(
        int(digit) * factor
        for digit, factor in zip(reversed(body), [2, 3, 4, 5, 6, 7] * 3, strict=False)
    )
    remainder = 11 - total % 11
    return {11: "0", 10: "K"}.get(remainder, str(remainder))


def curp_check_digit(first17: str) -> str:
    """Check digit of a Mexican CURP (RENAPO's weighted sum, modulo 10)."""
    total = sum(
        CURP_ALPHABET.index(char) * (18 - position)
        for position, char in enumerate(first17)
    )
    return str((10 - total % 10) % 10)


def normalize_rut(value: str) -> str:
    compact = re.sub(r"[.\s]", "", value).upper()
    match = re.fullmatch(r"(\d{7,8})-?([\dK])", compact)
    if not match or rut_check_digit(match[1]) != match[2]:
        raise _invalid("CL")
    return f"{int(match[1])}-{match[2]}"


def normalize_cedula(value: str) -> str:
    compact = re.sub(r"[.\s]", "", value)
    if not re.fullmatch(r"[1-9]\d{5,9}", compact):
        raise _invalid("CO")
    return compact


def normalize_curp(value: str) -> str:
    compact = value.strip().upper()
    if not CURP_RE.match(compact) or curp_check_digit(compact[:17]) != compact[17]:
        raise _invalid("MX")
    return compact


def normalize_dni(value: str) -> str:
    compact = re.sub(r"\s", "", value)
    if not re.fullmatch(r"\d{8}", compact):
        raise _invalid("PE")
    return compact


NORMALIZERS = {
    "CL": normalize_rut,
    "CO": normalize_cedula,
    "MX": normalize_curp,
    "PE": normalize_dni,
}


def normalize_national_id(country: str, value: str) -> str:
    """Validate ``value`` as ``country``'s identity document and normalise it."""
    if country not in NORMALIZERS:
        raise ValidationError(_("Seleccione un país."), code="invalid_country")
    return NORMALIZERS[country](value or "")
