"""Demonstration issuers, programs and unit equivalences. The demo standards
themselves are a spreadsheet, ``data/standards.csv``, in the layout of the
standards importer (``certification.interchange``), which loads them.

Every title and description says "DEMOSTRACIÓN — no oficial": these standards
and programs were written to show how the platform works and are not the
countries' official profiles, norms or standards.
"""

# ruff: noqa: E501

DEMO_LABEL = "DEMOSTRACIÓN — no oficial"
DEMO_NOTE = (
    "Estándar de demostración redactado para mostrar la plataforma. No es un "
    "perfil, norma ni estándar oficial y no habilita para ejercer ni certificar."
)

# Unit equivalences between countries: (standard code, unit code) pairs.
EQUIVALENCES = [
    (("DEMO-CL-EDI-01", "UCL-EDI-1"), ("DEMO-PE-EDI-01", "PE-EDI-1")),
    (("DEMO-CL-EDI-01", "UCL-EDI-2"), ("DEMO-PE-EDI-01", "PE-EDI-2")),
    (("DEMO-CL-EDI-01", "UCL-EDI-4"), ("DEMO-PE-EDI-01", "PE-EDI-3")),
]

ISSUER_PROFILES = {
    "CL": (
        "Emisor de demostración de certificados del sector cultural de Chile.",
        "Demonstration issuer of cultural-sector certificates for Chile.",
    ),
    "CO": (
        "Emisor de demostración de certificados del sector cultural de Colombia.",
        "Demonstration issuer of cultural-sector certificates for Colombia.",
    ),
    "MX": (
        "Emisor de demostración de certificados del sector cultural de México.",
        "Demonstration issuer of cultural-sector certificates for Mexico.",
    ),
    "PE": (
        "Emisor de demostración de certificados del sector cultural del Perú.",
        "Demonstration issuer of cultural-sector certificates for Peru.",
    ),
}

# Program code -> details; ``course`` is the slug of the demo course it follows.
PROGRAMS = [
    {
        "code": "cl-produccion-editorial-demo",
        "standard": "DEMO-CL-EDI-01",
        "title": "Certificado de competencias: producción editorial independiente",
        "kind": "competency",
        "issuance": "approval",
        "validity_years": 5,
        "course": "edicion-independiente",
    },
    {
        "code": "co-sonido-en-vivo-demo",
        "standard": "DEMO-CO-SON-01",
        "title": "Certificado de competencias: sonido en vivo",
        "kind": "competency",
        "issuance": "approval",
        "validity_years": 3,
        "course": "sonido-en-vivo-salas-pequenas",
    },
    {
        "code": "mx-tecnica-escenica-demo",
        "standard": "DEMO-MX-ESC-01",
        "title": "Certificado de competencias: técnica escénica y regiduría de gira",
        "kind": "competency",
        "issuance": "automatic",
        "validity_years": 5,
        "course": "regiduria-y-gira",
    },
    {
        "code": "pe-lutheria-andina-demo",
        "standard": "DEMO-PE-LUT-01",
        "title": "Certificado de competencias: luthería andina (reconocimiento de experiencia)",
        "kind": "competency",
        "issuance": "approval",
        "validity_years": None,
        "course": None,
    },
    {
        "code": "pe-edicion-independiente-demo",
        "standard": "DEMO-PE-EDI-01",
        "title": "Constancia de curso: edición independiente",
        "kind": "course-completion",
        "issuance": "automatic",
        "validity_years": None,
        # Reached through the Chilean units the course teaches (equivalences).
        "course": "edicion-independiente",
    },
]
