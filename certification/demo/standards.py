"""Demonstration competency standards for the cultural sector of each country.

Every title and description says "DEMOSTRACIÓN — no oficial": these standards
were written to show how the platform works and are not the countries' official
profiles, norms or standards.
"""

# ruff: noqa: E501

DEMO_LABEL = "DEMOSTRACIÓN — no oficial"
DEMO_NOTE = (
    "Estándar de demostración redactado para mostrar la plataforma. No es un "
    "perfil, norma ni estándar oficial y no habilita para ejercer ni certificar."
)

STANDARDS = [
    {
        "country": "CL",
        "system": "chilevalora",
        "code": "DEMO-CL-EDI-01",
        "title": "Productor/a editorial independiente",
        "sector": "publishing",
        "level": 3,
        "units": [
            {
                "code": "UCL-EDI-1",
                "title": "Planificar la producción editorial de un título",
                "criteria": [
                    "Define las etapas editoriales del título con responsables y plazos.",
                    "Estima el presupuesto de producción considerando tirada y formato.",
                    "Registra el plan en un calendario compartido con el equipo.",
                ],
                "evidence": [
                    (
                        "product",
                        "Plan de producción de un título con calendario y presupuesto.",
                    ),
                    ("knowledge", "Etapas del proceso editorial y sus dependencias."),
                ],
            },
            {
                "code": "UCL-EDI-2",
                "title": "Gestionar el ISBN, el depósito legal y los metadatos",
                "criteria": [
                    "Tramita el ISBN ante la agencia nacional con los datos completos.",
                    "Cumple el depósito legal en el plazo y la forma que exige la ley.",
                    "Prepara metadatos completos y consistentes para la distribución.",
                ],
                "evidence": [
                    (
                        "product",
                        "Ficha de metadatos de un título lista para distribuidores.",
                    ),
                    ("knowledge", "Normativa de ISBN y depósito legal del país."),
                ],
            },
            {
                "code": "UCL-EDI-3",
                "title": "Coordinar la corrección y la preparación de originales",
                "criteria": [
                    "Aplica una hoja de estilo acordada en todo el texto.",
                    "Coordina las rondas de corrección y registra los cambios aprobados.",
                    "Entrega archivos finales verificados a la imprenta.",
                ],
                "evidence": [
                    (
                        "performance",
                        "Coordinación observada de una ronda de corrección.",
                    ),
                ],
            },
            {
                "code": "UCL-EDI-4",
                "title": "Calcular costos, precio y canales de distribución",
                "criteria": [
                    "Calcula el costo unitario y el punto de equilibrio del título.",
                    "Fija el precio de venta considerando descuentos de cada canal.",
                    "Selecciona canales de distribución según tirada y público.",
                ],
                "evidence": [
                    ("product", "Planilla de costos y precio de un título."),
                    ("knowledge", "Estructura de descuentos de la cadena del libro."),
                ],
            },
        ],
    },
    {
        "country": "CO",
        "system": "sena-nscl",
        "code": "DEMO-CO-SON-01",
        "title": "Técnico/a de sonido en vivo",
        "sector": "music",
        "level": 4,
        "units": [
            {
                "code": "NSCL-SON-1",
                "title": "Montar la cadena de señal según el rider técnico",
                "criteria": [
                    "Interpreta el rider técnico y la lista de canales del grupo.",
                    "Conecta micrófonos, cajas directas y cableado según el plano de escenario.",
                    "Verifica cada canal de la consola antes de la prueba de sonido.",
                ],
                "evidence": [
                    (
                        "performance",
                        "Montaje observado de la cadena de señal de un concierto.",
                    ),
                    ("knowledge", "Tipos de micrófono, impedancia y niveles de señal."),
                ],
            },
            {
                "code": "NSCL-SON-2",
                "title": "Ajustar ganancia, ecualización y monitores",
                "criteria": [
                    "Ajusta la ganancia de cada canal sin saturación.",
                    "Ecualiza los canales para lograr inteligibilidad y balance.",
                    "Configura mezclas de monitores según lo que pide cada músico.",
                ],
                "evidence": [
                    (
                        "performance",
                        "Prueba de sonido observada con mezcla de monitores.",
                    ),
                ],
            },
            {
                "code": "NSCL-SON-3",
                "title": "Operar la mezcla durante el concierto",
                "criteria": [
                    "Mantiene el nivel de presión sonora dentro del límite acordado.",
                    "Responde a imprevistos técnicos sin interrumpir la función.",
                    "Registra incidencias en el reporte técnico de la función.",
                ],
                "evidence": [
                    ("performance", "Operación observada de un concierto completo."),
                    ("product", "Reporte técnico de la función."),
                ],
            },
            {
                "code": "NSCL-SON-4",
                "title": "Aplicar normas de seguridad eléctrica y auditiva",
                "criteria": [
                    "Verifica la puesta a tierra y la distribución eléctrica del sistema.",
                    "Aplica medidas de protección auditiva para el público y el equipo.",
                ],
                "evidence": [
                    (
                        "knowledge",
                        "Riesgos eléctricos y auditivos en espectáculos en vivo.",
                    ),
                ],
            },
        ],
    },
    {
        "country": "MX",
        "system": "conocer-ec",
        "code": "DEMO-MX-ESC-01",
        "title": "Técnico/a escénico/a y regiduría de gira",
        "sector": "performing-arts",
        "level": 3,
        "units": [
            {
                "code": "EC-ESC-1",
                "title": "Llevar la regiduría de ensayos y funciones",
                "criteria": [
                    "Mantiene el libreto de regiduría con pies y entradas actualizados.",
                    "Da los pies de luces, sonido y maquinaria en el momento indicado.",
                    "Elabora el reporte de función con tiempos e incidencias.",
                ],
                "evidence": [
                    ("product", "Libreto de regiduría de una obra."),
                    ("performance", "Regiduría observada de una función."),
                ],
            },
            {
                "code": "EC-ESC-2",
                "title": "Planificar la logística de una gira",
                "criteria": [
                    "Elabora la hoja de ruta con traslados, alojamiento y horarios.",
                    "Adapta el rider técnico a las condiciones de cada sala.",
                    "Presupuesta la gira con sus costos fijos y variables.",
                ],
                "evidence": [
                    (
                        "product",
                        "Hoja de ruta y presupuesto de una gira de tres fechas.",
                    ),
                ],
            },
            {
                "code": "EC-ESC-3",
                "title": "Montar y desmontar la escenografía con seguridad",
                "criteria": [
                    "Aplica el plan de montaje respetando cargas y anclajes.",
                    "Usa equipo de protección personal durante el trabajo en altura.",
                    "Verifica la escena antes de abrir sala al público.",
                ],
                "evidence": [
                    ("performance", "Montaje observado de una escenografía."),
                    (
                        "knowledge",
                        "Normas de seguridad para trabajo en altura y cargas suspendidas.",
                    ),
                ],
            },
        ],
    },
    {
        "country": "PE",
        "system": "peru-mtpe",
        "code": "DEMO-PE-LUT-01",
        "title": "Constructor/a de instrumentos musicales tradicionales (luthería andina)",
        "sector": "heritage",
        "level": 4,
        "units": [
            {
                "code": "PE-LUT-1",
                "title": "Seleccionar y preparar maderas y materiales",
                "criteria": [
                    "Identifica especies de madera adecuadas y su procedencia legal.",
                    "Seca y estabiliza la madera según el instrumento a construir.",
                    "Registra el origen de los materiales en la ficha del instrumento.",
                ],
                "evidence": [
                    ("knowledge", "Propiedades acústicas y mecánicas de las maderas."),
                ],
            },
            {
                "code": "PE-LUT-2",
                "title": "Construir la caja de resonancia y el mástil",
                "criteria": [
                    "Talla la caja respetando las medidas del modelo tradicional.",
                    "Ensambla mástil y caja con la alineación correcta.",
                    "Aplica acabados que protegen la madera sin afectar la sonoridad.",
                ],
                "evidence": [
                    ("product", "Un charango o instrumento equivalente terminado."),
                    (
                        "performance",
                        "Construcción observada de una caja de resonancia.",
                    ),
                ],
            },
            {
                "code": "PE-LUT-3",
                "title": "Encordar, calibrar y afinar el instrumento",
                "criteria": [
                    "Ajusta la altura de cuerdas y la entonación en todo el diapasón.",
                    "Afina el instrumento según las afinaciones tradicionales de la región.",
                ],
                "evidence": [
                    ("performance", "Calibración y afinación observadas."),
                ],
            },
            {
                "code": "PE-LUT-4",
                "title": "Transmitir y documentar el saber del oficio",
                "criteria": [
                    "Documenta las técnicas tradicionales con el consentimiento de la comunidad.",
                    "Enseña una técnica del oficio a un aprendiz.",
                ],
                "evidence": [
                    ("product", "Registro documental de una técnica tradicional."),
                ],
            },
        ],
    },
    {
        "country": "PE",
        "system": "peru-mtpe",
        "code": "DEMO-PE-EDI-01",
        "title": "Asistente de edición independiente",
        "sector": "publishing",
        "level": 3,
        "units": [
            {
                "code": "PE-EDI-1",
                "title": "Organizar el calendario editorial de un título",
                "criteria": [
                    "Ordena las etapas editoriales con sus plazos.",
                    "Comunica el calendario al equipo y lo mantiene actualizado.",
                ],
                "evidence": [("product", "Calendario editorial de un título.")],
            },
            {
                "code": "PE-EDI-2",
                "title": "Tramitar el ISBN y el depósito legal",
                "criteria": [
                    "Completa la solicitud de ISBN con datos correctos.",
                    "Realiza el depósito legal ante la Biblioteca Nacional del Perú.",
                ],
                "evidence": [
                    ("knowledge", "Normativa peruana de ISBN y depósito legal.")
                ],
            },
            {
                "code": "PE-EDI-3",
                "title": "Estimar costos y precio de venta",
                "criteria": [
                    "Calcula el costo unitario de una tirada.",
                    "Propone un precio de venta con los descuentos de la cadena del libro.",
                ],
                "evidence": [
                    ("product", "Estimación de costos y precio de un título.")
                ],
            },
        ],
    },
]

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
