"""Subnational divisions of the four countries (ISO 3166-2 codes), and the
optional self-declared fields that reports break figures down by.

Chile's regions, Colombia's departments (and the capital district), Mexico's
states and Peru's departments (with Callao and Metropolitan Lima, as ISO
3166-2 lists them).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

REGIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "CL": (
        ("CL-AP", "Arica y Parinacota"),
        ("CL-TA", "Tarapacá"),
        ("CL-AN", "Antofagasta"),
        ("CL-AT", "Atacama"),
        ("CL-CO", "Coquimbo"),
        ("CL-VS", "Valparaíso"),
        ("CL-RM", "Región Metropolitana de Santiago"),
        ("CL-LI", "Libertador General Bernardo O'Higgins"),
        ("CL-ML", "Maule"),
        ("CL-NB", "Ñuble"),
        ("CL-BI", "Biobío"),
        ("CL-AR", "La Araucanía"),
        ("CL-LR", "Los Ríos"),
        ("CL-LL", "Los Lagos"),
        ("CL-AI", "Aysén del General Carlos Ibáñez del Campo"),
        ("CL-MA", "Magallanes y de la Antártica Chilena"),
    ),
    "CO": (
        ("CO-AMA", "Amazonas"),
        ("CO-ANT", "Antioquia"),
        ("CO-ARA", "Arauca"),
        ("CO-ATL", "Atlántico"),
        ("CO-DC", "Bogotá, Distrito Capital"),
        ("CO-BOL", "Bolívar"),
        ("CO-BOY", "Boyacá"),
        ("CO-CAL", "Caldas"),
        ("CO-CAQ", "Caquetá"),
        ("CO-CAS", "Casanare"),
        ("CO-CAU", "Cauca"),
        ("CO-CES", "Cesar"),
        ("CO-CHO", "Chocó"),
        ("CO-COR", "Córdoba"),
        ("CO-CUN", "Cundinamarca"),
        ("CO-GUA", "Guainía"),
        ("CO-GUV", "Guaviare"),
        ("CO-HUI", "Huila"),
        ("CO-LAG", "La Guajira"),
        ("CO-MAG", "Magdalena"),
        ("CO-MET", "Meta"),
        ("CO-NAR", "Nariño"),
        ("CO-NSA", "Norte de Santander"),
        ("CO-PUT", "Putumayo"),
        ("CO-QUI", "Quindío"),
        ("CO-RIS", "Risaralda"),
        ("CO-SAP", "San Andrés, Providencia y Santa Catalina"),
        ("CO-SAN", "Santander"),
        ("CO-SUC", "Sucre"),
        ("CO-TOL", "Tolima"),
        ("CO-VAC", "Valle del Cauca"),
        ("CO-VAU", "Vaupés"),
        ("CO-VID", "Vichada"),
    ),
    "MX": (
        ("MX-AGU", "Aguascalientes"),
        ("MX-BCN", "Baja California"),
        ("MX-BCS", "Baja California Sur"),
        ("MX-CAM", "Campeche"),
        ("MX-CHP", "Chiapas"),
        ("MX-CHH", "Chihuahua"),
        ("MX-CMX", "Ciudad de México"),
        ("MX-COA", "Coahuila de Zaragoza"),
        ("MX-COL", "Colima"),
        ("MX-DUR", "Durango"),
        ("MX-MEX", "Estado de México"),
        ("MX-GUA", "Guanajuato"),
        ("MX-GRO", "Guerrero"),
        ("MX-HID", "Hidalgo"),
        ("MX-JAL", "Jalisco"),
        ("MX-MIC", "Michoacán de Ocampo"),
        ("MX-MOR", "Morelos"),
        ("MX-NAY", "Nayarit"),
        ("MX-NLE", "Nuevo León"),
        ("MX-OAX", "Oaxaca"),
        ("MX-PUE", "Puebla"),
        ("MX-QUE", "Querétaro"),
        ("MX-ROO", "Quintana Roo"),
        ("MX-SLP", "San Luis Potosí"),
        ("MX-SIN", "Sinaloa"),
        ("MX-SON", "Sonora"),
        ("MX-TAB", "Tabasco"),
        ("MX-TAM", "Tamaulipas"),
        ("MX-TLA", "Tlaxcala"),
        ("MX-VER", "Veracruz de Ignacio de la Llave"),
        ("MX-YUC", "Yucatán"),
        ("MX-ZAC", "Zacatecas"),
    ),
    "PE": (
        ("PE-AMA", "Amazonas"),
        ("PE-ANC", "Áncash"),
        ("PE-APU", "Apurímac"),
        ("PE-ARE", "Arequipa"),
        ("PE-AYA", "Ayacucho"),
        ("PE-CAJ", "Cajamarca"),
        ("PE-CAL", "Callao"),
        ("PE-CUS", "Cusco"),
        ("PE-HUV", "Huancavelica"),
        ("PE-HUC", "Huánuco"),
        ("PE-ICA", "Ica"),
        ("PE-JUN", "Junín"),
        ("PE-LAL", "La Libertad"),
        ("PE-LAM", "Lambayeque"),
        ("PE-LIM", "Lima (región)"),
        ("PE-LMA", "Lima Metropolitana"),
        ("PE-LOR", "Loreto"),
        ("PE-MDD", "Madre de Dios"),
        ("PE-MOQ", "Moquegua"),
        ("PE-PAS", "Pasco"),
        ("PE-PIU", "Piura"),
        ("PE-PUN", "Puno"),
        ("PE-SAM", "San Martín"),
        ("PE-TAC", "Tacna"),
        ("PE-TUM", "Tumbes"),
        ("PE-UCA", "Ucayali"),
    ),
}

REGION_NAMES: dict[str, str] = {
    code: name for regions in REGIONS.values() for code, name in regions
}

REGION_CHOICES = [(country, list(regions)) for country, regions in REGIONS.items()]


def region_name(code: str) -> str:
    return REGION_NAMES.get(code, code)


def region_country(code: str) -> str:
    """The country code a region code belongs to ("" when unknown)."""
    return code.split("-", 1)[0] if code in REGION_NAMES else ""


class Gender(models.TextChoices):
    FEMALE = "female", _("Mujer")
    MALE = "male", _("Hombre")
    NON_BINARY = "non-binary", _("No binario")
    OTHER = "other", _("Otro")
    UNDISCLOSED = "undisclosed", _("Prefiero no decir")


class AgeBand(models.TextChoices):
    UNDER_25 = "18-24", _("18 a 24 años")
    FROM_25 = "25-34", _("25 a 34 años")
    FROM_35 = "35-44", _("35 a 44 años")
    FROM_45 = "45-54", _("45 a 54 años")
    FROM_55 = "55-64", _("55 a 64 años")
    FROM_65 = "65+", _("65 años o más")
    UNDISCLOSED = "undisclosed", _("Prefiero no decir")
