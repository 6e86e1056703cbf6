"""Demonstration qualification frameworks and the provisional regional mapping.

Level counts follow each country's framework; the level names and descriptors
are short summaries written for the demonstration, not the official texts.
"""

# ruff: noqa: E501

FRAMEWORKS = [
    {
        "code": "cl-mctp",
        "country": "CL",
        "short_name": "MCTP",
        "name": "Marco de Cualificaciones Técnico-Profesional (Chile)",
        "source_url": "https://www.chilevalora.cl/",
        "levels": [
            "Realiza tareas rutinarias bajo supervisión directa.",
            "Realiza tareas definidas con cierta autonomía y responsabilidad por su trabajo.",
            "Resuelve problemas en contextos variados y coordina tareas de otros.",
            "Planifica y gestiona procesos técnicos con responsabilidad sobre resultados.",
            "Diseña, gestiona y evalúa procesos complejos con alta autonomía.",
        ],
    },
    {
        "code": "co-mnc",
        "country": "CO",
        "short_name": "MNC",
        "name": "Marco Nacional de Cualificaciones (Colombia)",
        "source_url": "https://www.mineducacion.gov.co/",
        "levels": [
            "Tareas simples y rutinarias con supervisión.",
            "Tareas operativas con instrucciones definidas.",
            "Actividades técnicas en contextos conocidos con autonomía limitada.",
            "Actividades técnicas variadas con responsabilidad sobre el trabajo de otros.",
            "Gestión técnica y tecnológica de procesos.",
            "Desempeño profesional con autonomía y criterio propio.",
            "Especialización y gestión de áreas de conocimiento.",
            "Generación de conocimiento y liderazgo de campos profesionales.",
        ],
    },
    {
        "code": "mx-conocer",
        "country": "MX",
        "short_name": "CONOCER",
        "name": "Niveles de competencia CONOCER (México)",
        "source_url": "https://conocer.gob.mx/",
        "levels": [
            "Actividades rutinarias y predecibles.",
            "Actividades programadas, en su mayoría rutinarias, con cierta autonomía.",
            "Actividades variadas en contextos diversos, con coordinación de otros.",
            "Actividades complejas con responsabilidad sobre recursos y personas.",
            "Actividades de planeación, dirección y evaluación estratégica.",
        ],
    },
    {
        "code": "pe-mncp",
        "country": "PE",
        "short_name": "MNCP",
        "name": "Marco Nacional de Cualificaciones del Perú",
        "source_url": "https://www.gob.pe/mtpe",
        "levels": [
            "Tareas básicas bajo supervisión directa.",
            "Tareas operativas con instrucciones precisas.",
            "Funciones técnicas con autonomía en procesos conocidos.",
            "Funciones técnicas complejas y supervisión de equipos.",
            "Gestión de procesos técnicos y profesionales.",
            "Desempeño profesional especializado.",
            "Dirección y especialización avanzada.",
            "Investigación e innovación de alto nivel.",
        ],
    },
]

REGIONAL = {
    "code": "ap-referencia",
    "short_name": "MRC-AP",
    "name": "Marco Regional de Referencia de la Alianza del Pacífico (provisional)",
    "description": (
        "Marco de referencia para comparar niveles entre países. La "
        "correspondencia aún no es oficial: cada fila está marcada como provisional "
        "y los oficiales de certificación pueden editarla."
    ),
    "levels": [
        "Básico",
        "Operativo",
        "Técnico inicial",
        "Técnico",
        "Técnico superior",
        "Profesional",
        "Profesional especializado",
        "Experto",
    ],
}

# national framework code -> {national level: regional level}; provisional.
MAPPING = {
    "cl-mctp": {1: 1, 2: 2, 3: 4, 4: 5, 5: 6},
    "co-mnc": {n: n for n in range(1, 9)},
    "mx-conocer": {1: 1, 2: 2, 3: 4, 4: 5, 5: 6},
    "pe-mncp": {n: n for n in range(1, 9)},
}
