"""The fixed reference rows, loaded by a data migration and by ``seed_demo``."""

COUNTRIES = [
    {
        "code": "CL",
        "ministry_name_es": "Ministerio de las Culturas, las Artes y el Patrimonio",
        "ministry_name_en": "Ministry of Cultures, Arts and Heritage of Chile",
        "ministry_url": "https://www.cultura.gob.cl/",
    },
    {
        "code": "CO",
        "ministry_name_es": "Ministerio de las Culturas, las Artes y los Saberes",
        "ministry_name_en": "Ministry of Culture of Colombia",
        "ministry_url": "https://www.mincultura.gov.co/",
    },
    {
        "code": "MX",
        "ministry_name_es": "Secretaría de Cultura",
        "ministry_name_en": "Secretariat of Culture of Mexico",
        "ministry_url": "https://www.gob.mx/cultura",
    },
    {
        "code": "PE",
        "ministry_name_es": "Ministerio de Cultura",
        "ministry_name_en": "Ministry of Culture of Peru",
        "ministry_url": "https://www.gob.pe/cultura",
    },
]

# Priority follows the Lima Declaration (2019): publishing first, then
# performing arts, music and audiovisual.
SECTORS = [
    ("publishing", 1),
    ("music", 2),
    ("performing-arts", 3),
    ("audiovisual", 4),
    ("heritage", 5),
    ("creative-trades", 6),
]


def load_reference_data(country_model, sector_model) -> None:
    """Create or update the reference rows; running it again changes nothing."""
    for row in COUNTRIES:
        country_model.objects.update_or_create(
            code=row["code"], defaults={k: v for k, v in row.items() if k != "code"}
        )
    for code, priority in SECTORS:
        sector_model.objects.update_or_create(
            code=code, defaults={"priority": priority}
        )
