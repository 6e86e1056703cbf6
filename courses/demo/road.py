"""The road from each demo course to its certificate.

Every demo assessment is aligned to the competency units it gives evidence
for, and each demo course holds the assessments its program's units need:
a quiz where a unit asks for knowledge, a rubric or a portfolio where it asks
for a product, an assessor's observation where it asks for performance. The
Peruvian lutheria program, earned by recognition of prior learning, gets its
own assessments, offered outside any course.

Each new assessment carries its English version next to the Spanish one
(``"en"``: title, instructions and the plugin's content in its own syntax),
which English lesson pages and ``/en/assessments/<id>/`` use; the question
bank, options and criteria keep the Spanish structure, so an attempt is graded
the same way in either language.

Idempotent: assessments are found by title and plugin, lessons by slug; an
assessment already aligned (perhaps by a trainer in the CMS) keeps its
alignment, and the English version is written only where it differs.
"""

# ruff: noqa: E501

from __future__ import annotations

from django.utils import translation

from certification.models import CompetencyUnit, PerformanceCriterion
from courses.demo import assessments as publishing_demo
from courses.demo import markup
from courses.demo.assessments_english import english_version_apply
from courses.demo.content import road_lessons as lessons
from courses.demo.pages import assessment_lesson_place
from courses.models import CoursePage
from lms.reference.models import Sector
from plugins.models import Assessment
from plugins.registry import get_plugin

# Units are named (standard code, unit code).
CL = "DEMO-CL-EDI-01"
CO = "DEMO-CO-SON-01"
MX = "DEMO-MX-ESC-01"
PE = "DEMO-PE-LUT-01"

#: The two publishing assessments made by ``courses.demo.assessments``.
EXISTING = [
    (publishing_demo.QUIZ["title"], "quiz", [(CL, "UCL-EDI-2")]),
    (
        publishing_demo.RUBRIC["title"],
        "rubric",
        [(CL, "UCL-EDI-1"), (CL, "UCL-EDI-2"), (CL, "UCL-EDI-4")],
    ),
]

NEW = [
    {
        "title": "Cuestionario: etapas editoriales, costos y precio",
        "plugin": "quiz",
        "course": "edicion-independiente",
        "after": "evaluacion-plan-editorial",
        "slug": "evaluacion-etapas-costos-correccion",
        "lesson": lessons.PUBLISHING_PRACTICE_LESSON,
        "units": [(CL, "UCL-EDI-1"), (CL, "UCL-EDI-4")],
        "pass_mark": 70,
        "instructions": "Responda las preguntas. Verá sus resultados al enviar.",
        "data": {
            "questions": (
                "? ¿Qué etapa va antes de la diagramación?\n"
                "* La corrección del texto\n"
                "- La impresión\n"
                "- La distribución\n"
                "> Se diagrama un texto ya corregido.\n\n"
                "? El costo unitario de un libro baja cuando aumenta la tirada.\n"
                "= verdadero\n"
                "> Los costos fijos se reparten entre más ejemplares.\n\n"
                "? ¿Qué se descuenta del precio de venta al público?\n"
                "* El descuento de la librería o distribuidora\n"
                "- El ISBN\n"
                "- El depósito legal\n"
                "> Cada canal retiene un porcentaje del precio."
            ),
            "draw": "0",
            "shuffle_questions": "on",
            "shuffle_options": "on",
            "show_answers": "on",
        },
        "en": {
            "title": "Quiz: editorial stages, costs and price",
            "instructions": "Answer the questions. You will see your results when you submit.",
            "data": {
                "questions": (
                    "? Which stage comes before layout?\n"
                    "* Proofreading the text\n"
                    "- Printing\n"
                    "- Distribution\n"
                    "> A text is laid out once it has been proofread.\n\n"
                    "? The unit cost of a book falls as the print run grows.\n"
                    "= true\n"
                    "> Fixed costs are spread over more copies.\n\n"
                    "? What is deducted from the retail price?\n"
                    "* The bookshop's or distributor's discount\n"
                    "- The ISBN\n"
                    "- The legal deposit\n"
                    "> Each channel keeps a percentage of the price."
                ),
                "draw": "0",
                "shuffle_questions": "on",
                "shuffle_options": "on",
                "show_answers": "on",
            },
        },
    },
    {
        "title": "Observación: coordinación de una ronda de corrección",
        "plugin": "observation",
        "course": "edicion-independiente",
        "after": "evaluacion-plan-editorial",
        "slug": "evaluacion-etapas-costos-correccion",
        "lesson": lessons.PUBLISHING_PRACTICE_LESSON,
        "units": [(CL, "UCL-EDI-3")],
        "pass_mark": 100,
        "instructions": "Solicite la observación; un evaluador la coordinará con usted.",
        "data": {
            "instructions": "La coordinación de una ronda de corrección de un título.",
            "criteria_of": [(CL, "UCL-EDI-3")],
            "max_file_mb": 100,
        },
        "en": {
            "title": "Observation: coordinating a proofreading round",
            "instructions": "Ask for the observation; an assessor will arrange it with you.",
            "data": {
                "instructions": "Coordinating a proofreading round for a title.",
                "max_file_mb": 100,
            },
        },
    },
    {
        "title": "Cuestionario: señal, ganancia y seguridad",
        "plugin": "quiz",
        "course": "sonido-en-vivo-salas-pequenas",
        "after": "prueba-de-sonido-y-concierto",
        "slug": "evaluacion-sonido-en-vivo",
        "lesson": lessons.MUSIC_ASSESSMENT_LESSON,
        "units": [(CO, "NSCL-SON-1"), (CO, "NSCL-SON-4")],
        "pass_mark": 70,
        "instructions": "Responda las preguntas. Verá sus resultados al enviar.",
        "data": {
            "questions": (
                "? ¿Qué micrófono se usa de preferencia para voces en vivo?\n"
                "* Dinámico cardioide\n"
                "- De cinta\n"
                "- Omnidireccional de medición\n"
                "> Rechaza el sonido de atrás y resiste el uso en escenario.\n\n"
                "? Una caja directa convierte una señal de línea desbalanceada en una señal balanceada de micrófono.\n"
                "= verdadero\n\n"
                "? ¿Qué protege al público de la exposición auditiva?\n"
                "* Un límite de presión sonora acordado y medido\n"
                "- Subir los monitores\n"
                "- Quitar la puesta a tierra\n"
                "> Nunca se quita la puesta a tierra de un equipo."
            ),
            "draw": "0",
            "shuffle_questions": "on",
            "shuffle_options": "on",
            "show_answers": "on",
        },
        "en": {
            "title": "Quiz: signal, gain and safety",
            "instructions": "Answer the questions. You will see your results when you submit.",
            "data": {
                "questions": (
                    "? Which microphone is preferred for live vocals?\n"
                    "* Cardioid dynamic\n"
                    "- Ribbon\n"
                    "- Omnidirectional measurement\n"
                    "> It rejects sound from behind and withstands use on stage.\n\n"
                    "? A direct box turns an unbalanced line signal into a balanced microphone signal.\n"
                    "= true\n\n"
                    "? What protects the audience from hearing exposure?\n"
                    "* An agreed and measured sound pressure limit\n"
                    "- Turning up the monitors\n"
                    "- Removing the earth connection\n"
                    "> The earth connection of a piece of equipment is never removed."
                ),
                "draw": "0",
                "shuffle_questions": "on",
                "shuffle_options": "on",
                "show_answers": "on",
            },
        },
    },
    {
        "title": "Portafolio: reporte técnico de una función",
        "plugin": "portfolio",
        "course": "sonido-en-vivo-salas-pequenas",
        "after": "prueba-de-sonido-y-concierto",
        "slug": "evaluacion-sonido-en-vivo",
        "lesson": lessons.MUSIC_ASSESSMENT_LESSON,
        "units": [(CO, "NSCL-SON-3")],
        "pass_mark": 100,
        "instructions": "Suba el reporte técnico de una función que haya operado.",
        "data": {
            "instructions": "El reporte técnico de una función con incidencias y niveles medidos.",
            "criteria_of": [(CO, "NSCL-SON-3")],
            "max_items": 5,
            "max_file_mb": 50,
        },
        "en": {
            "title": "Portfolio: technical report of a show",
            "instructions": "Upload the technical report of a show you have run.",
            "data": {
                "instructions": "The technical report of a show, with incidents and measured levels.",
                "max_items": 5,
                "max_file_mb": 50,
            },
        },
    },
    {
        "title": "Observación: montaje, prueba de sonido y concierto",
        "plugin": "observation",
        "course": "sonido-en-vivo-salas-pequenas",
        "after": "prueba-de-sonido-y-concierto",
        "slug": "evaluacion-sonido-en-vivo",
        "lesson": lessons.MUSIC_ASSESSMENT_LESSON,
        "units": [(CO, "NSCL-SON-1"), (CO, "NSCL-SON-2"), (CO, "NSCL-SON-3")],
        "pass_mark": 100,
        "instructions": "Solicite la observación; un evaluador la coordinará con usted.",
        "data": {
            "instructions": "Montaje, prueba de sonido y operación de un concierto.",
            "criteria_of": [
                (CO, "NSCL-SON-1"),
                (CO, "NSCL-SON-2"),
                (CO, "NSCL-SON-3"),
            ],
            "max_file_mb": 100,
        },
        "en": {
            "title": "Observation: set-up, sound check and concert",
            "instructions": "Ask for the observation; an assessor will arrange it with you.",
            "data": {
                "instructions": "Setting up, sound-checking and running a concert.",
                "max_file_mb": 100,
            },
        },
    },
    {
        "title": "Cuestionario: seguridad en el montaje",
        "plugin": "quiz",
        "course": "regiduria-y-gira",
        "after": "montaje-seguro-y-funcion",
        "slug": "evaluacion-tecnica-escenica",
        "lesson": lessons.STAGE_ASSESSMENT_LESSON,
        "units": [(MX, "EC-ESC-3")],
        "pass_mark": 70,
        "instructions": "Responda las preguntas. Verá sus resultados al enviar.",
        "data": {
            "questions": (
                "? ¿Qué se usa siempre al trabajar en altura?\n"
                "* Arnés y línea de vida\n"
                "- Guantes de algodón\n"
                "- Nada si el trabajo es breve\n"
                "> El equipo de protección no depende de la duración.\n\n"
                "? Se puede abrir sala antes de verificar cargas y anclajes.\n"
                "= falso\n\n"
                "? ¿Quién debe estar fuera del área bajo una carga suspendida en movimiento?\n"
                "* Todas las personas\n"
                "- Solo el público\n"
                "- Solo los actores\n"
                "> Nadie permanece bajo una carga en movimiento."
            ),
            "draw": "0",
            "shuffle_questions": "on",
            "shuffle_options": "on",
            "show_answers": "on",
        },
        "en": {
            "title": "Quiz: safety during the get-in",
            "instructions": "Answer the questions. You will see your results when you submit.",
            "data": {
                "questions": (
                    "? What is always used when working at height?\n"
                    "* A harness and lifeline\n"
                    "- Cotton gloves\n"
                    "- Nothing if the job is short\n"
                    "> Protective equipment does not depend on how long the job takes.\n\n"
                    "? The house may open before loads and rigging points are checked.\n"
                    "= false\n\n"
                    "? Who must stay out of the area under a suspended load in motion?\n"
                    "* Everyone\n"
                    "- Only the audience\n"
                    "- Only the actors\n"
                    "> Nobody stays under a load in motion."
                ),
                "draw": "0",
                "shuffle_questions": "on",
                "shuffle_options": "on",
                "show_answers": "on",
            },
        },
    },
    {
        "title": "Libreto de regiduría y plan de gira",
        "plugin": "rubric",
        "course": "regiduria-y-gira",
        "after": "montaje-seguro-y-funcion",
        "slug": "evaluacion-tecnica-escenica",
        "lesson": lessons.STAGE_ASSESSMENT_LESSON,
        "units": [(MX, "EC-ESC-1"), (MX, "EC-ESC-2")],
        "pass_mark": 60,
        "instructions": "Un evaluador revisará su entrega y le escribirá.",
        "data": {
            "prompt": (
                "Describa el libreto de regiduría de una obra (pies y entradas) y la "
                "hoja de ruta con presupuesto de una gira de tres fechas."
            ),
            "rubric": (
                "Libreto de regiduría: Inicial=0; En desarrollo=2; Logrado=4\n"
                "Hoja de ruta: Inicial=0; En desarrollo=2; Logrado=4\n"
                "Presupuesto: Inicial=0; En desarrollo=1; Logrado=2"
            ),
            "allow_files": "on",
            "max_files": "3",
            "max_file_mb": "20",
        },
        "en": {
            "title": "Prompt book and tour plan",
            "instructions": "An assessor will review your submission and write to you.",
            "data": {
                "prompt": (
                    "Describe the prompt book of a play (cues and entrances) and the "
                    "itinerary, with its budget, of a three-date tour."
                ),
                "rubric": (
                    "Prompt book: Beginning=0; Developing=2; Achieved=4\n"
                    "Itinerary: Beginning=0; Developing=2; Achieved=4\n"
                    "Budget: Beginning=0; Developing=1; Achieved=2"
                ),
                "allow_files": "on",
                "max_files": "3",
                "max_file_mb": "20",
            },
        },
    },
    {
        "title": "Observación: regiduría de una función y montaje",
        "plugin": "observation",
        "course": "regiduria-y-gira",
        "after": "montaje-seguro-y-funcion",
        "slug": "evaluacion-tecnica-escenica",
        "lesson": lessons.STAGE_ASSESSMENT_LESSON,
        "units": [(MX, "EC-ESC-1"), (MX, "EC-ESC-3")],
        "pass_mark": 100,
        "instructions": "Solicite la observación; un evaluador la coordinará con usted.",
        "data": {
            "instructions": "La regiduría de una función y el montaje de su escenografía.",
            "criteria_of": [(MX, "EC-ESC-1"), (MX, "EC-ESC-3")],
            "max_file_mb": 100,
        },
        "en": {
            "title": "Observation: stage-managing a performance and its get-in",
            "instructions": "Ask for the observation; an assessor will arrange it with you.",
            "data": {
                "instructions": "Stage-managing a performance and the get-in of its set.",
                "max_file_mb": 100,
            },
        },
    },
    # Peru: lutheria by recognition of prior learning, outside any course.
    {
        "title": "Cuestionario: maderas y materiales de luthería andina",
        "plugin": "quiz",
        "course": None,
        "sector": "heritage",
        "units": [(PE, "PE-LUT-1")],
        "pass_mark": 70,
        "instructions": "Responda las preguntas. Verá sus resultados al enviar.",
        "data": {
            "questions": (
                "? ¿Por qué se seca y estabiliza la madera antes de tallar?\n"
                "* Para que no se deforme ni se agriete después\n"
                "- Para cambiar su color\n"
                "- Porque lo exige el barniz\n"
                "> Una madera húmeda se mueve al secarse dentro del instrumento.\n\n"
                "? La procedencia legal de la madera debe quedar registrada en la ficha del instrumento.\n"
                "= verdadero\n\n"
                "? ¿Qué propiedad de la tapa influye más en la sonoridad?\n"
                "* Su rigidez en relación con su peso\n"
                "- Su color\n"
                "- Su olor\n"
                "> Una tapa liviana y rígida vibra mejor."
            ),
            "draw": "0",
            "shuffle_questions": "on",
            "shuffle_options": "on",
            "show_answers": "on",
        },
        "en": {
            "title": "Quiz: woods and materials of Andean lutherie",
            "instructions": "Answer the questions. You will see your results when you submit.",
            "data": {
                "questions": (
                    "? Why is wood dried and stabilised before carving?\n"
                    "* So that it does not warp or crack later\n"
                    "- To change its colour\n"
                    "- Because the varnish requires it\n"
                    "> Damp wood moves as it dries inside the instrument.\n\n"
                    "? The legal origin of the wood must be recorded in the instrument's record sheet.\n"
                    "= true\n\n"
                    "? Which property of the soundboard most affects the sound?\n"
                    "* Its stiffness relative to its weight\n"
                    "- Its colour\n"
                    "- Its smell\n"
                    "> A light, stiff soundboard vibrates better."
                ),
                "draw": "0",
                "shuffle_questions": "on",
                "shuffle_options": "on",
                "show_answers": "on",
            },
        },
    },
    {
        "title": "Portafolio: instrumento terminado y registro del oficio",
        "plugin": "portfolio",
        "course": None,
        "sector": "heritage",
        "units": [(PE, "PE-LUT-2"), (PE, "PE-LUT-4")],
        "pass_mark": 100,
        "instructions": (
            "Reúna fotos o videos de un instrumento que haya construido y el "
            "registro documental de una técnica tradicional."
        ),
        "data": {
            "instructions": (
                "Fotos o video de un charango (o instrumento equivalente) terminado "
                "y el registro de una técnica tradicional, con el consentimiento de "
                "la comunidad."
            ),
            "criteria_of": [(PE, "PE-LUT-2"), (PE, "PE-LUT-4")],
            "max_items": 6,
            "max_file_mb": 100,
        },
        "en": {
            "title": "Portfolio: a finished instrument and a record of the craft",
            "instructions": (
                "Gather photos or videos of an instrument you have built and the "
                "documentary record of a traditional technique."
            ),
            "data": {
                "instructions": (
                    "Photos or a video of a finished charango (or an equivalent "
                    "instrument) and the record of a traditional technique, with the "
                    "community's consent."
                ),
                "max_items": 6,
                "max_file_mb": 100,
            },
        },
    },
    {
        "title": "Observación: construcción, calibración y afinación",
        "plugin": "observation",
        "course": None,
        "sector": "heritage",
        "units": [(PE, "PE-LUT-2"), (PE, "PE-LUT-3")],
        "pass_mark": 100,
        "instructions": "Solicite la observación; un evaluador visitará su taller.",
        "data": {
            "instructions": (
                "En su taller: la construcción de una caja de resonancia, la "
                "calibración y la afinación de un instrumento."
            ),
            "criteria_of": [(PE, "PE-LUT-2"), (PE, "PE-LUT-3")],
            "max_file_mb": 100,
        },
        "en": {
            "title": "Observation: building, adjusting and tuning",
            "instructions": "Ask for the observation; an assessor will visit your workshop.",
            "data": {
                "instructions": (
                    "In your workshop: building a sound box, and adjusting and "
                    "tuning an instrument."
                ),
                "max_file_mb": 100,
            },
        },
    },
]


def _units(pairs) -> list[CompetencyUnit]:
    units = []
    for standard, code in pairs:
        unit = CompetencyUnit.objects.filter(standard__code=standard, code=code).first()
        if unit is None:
            raise ValueError(f"demo unit {standard} {code} is missing")
        units.append(unit)
    return units


def _authoring_data(spec) -> dict:
    data = dict(spec["data"])
    pairs = data.pop("criteria_of", None)
    if pairs:
        data["performance_criteria"] = [
            str(pk)
            for pk in PerformanceCriterion.objects.filter(
                unit__in=_units(pairs)
            ).values_list("pk", flat=True)
        ]
    return data


def _assessment_create(spec, sector) -> tuple[Assessment, str]:
    found = Assessment.objects.filter(
        title=spec["title"], plugin_id=spec["plugin"]
    ).first()
    if found:
        return found, "unchanged"
    form = get_plugin(spec["plugin"]).authoring_form(data=_authoring_data(spec))
    if not form.is_valid():
        raise ValueError(f"demo {spec['plugin']} config is invalid: {form.errors}")
    assessment = Assessment.objects.create(
        title=spec["title"],
        plugin_id=spec["plugin"],
        config=form.cleaned_data,
        instructions=spec["instructions"],
        sector=sector,
        pass_mark=spec["pass_mark"],
        max_attempts=None if spec["plugin"] != "quiz" else 3,
    )
    return assessment, "created"


def _english_version(assessment: Assessment, spec) -> str:
    """Give ``assessment`` the English version of ``spec``: the same criteria
    of the standard, cleaned in English as the admin's English form does."""
    english = spec["en"]
    data = dict(english["data"])
    if "criteria_of" in spec["data"]:
        data["criteria_of"] = spec["data"]["criteria_of"]
    with translation.override("en"):
        changed = english_version_apply(
            assessment, {**english, "data": _authoring_data({"data": data})}
        )
    return "updated" if changed else "unchanged"


def _align(assessment: Assessment, pairs) -> str:
    """Align ``assessment`` to the units, unless it is aligned already."""
    if assessment.units.exists() or assessment.criteria.exists():
        return "unchanged"
    assessment.units.set(_units(pairs))
    return "updated"


def seed_road_demo(context) -> None:
    """Align the demo assessments and add the ones each program needs, with
    one lesson per course holding the new ones."""
    for title, plugin_id, pairs in EXISTING:
        assessment = Assessment.objects.filter(title=title, plugin_id=plugin_id).first()
        if assessment is not None:
            context.record("assessment alignments", _align(assessment, pairs))
    by_lesson: dict[tuple[str, str], list] = {}
    for spec in NEW:
        course = None
        if spec["course"]:
            course = CoursePage.objects.filter(
                slug=spec["course"], locale__language_code="es"
            ).first()
            if course is None:
                continue
            sector = course.sector
        else:
            sector = Sector.objects.filter(code=spec["sector"]).first()
        assessment, outcome = _assessment_create(spec, sector)
        context.record("assessments", outcome)
        context.record("assessment alignments", _align(assessment, spec["units"]))
        context.record("assessment translations", _english_version(assessment, spec))
        if course is not None:
            by_lesson.setdefault((course.pk, spec["slug"]), []).append(
                (course, spec, assessment)
            )
    for rows in by_lesson.values():
        course, spec, _first = rows[0]
        outcome = _lesson(course, spec, [assessment for _, _, assessment in rows])
        context.record("assessment lessons", outcome)


def _fields(spec, language: str, assessments) -> dict:
    text = spec["lesson"][language]
    return {
        "title": text["title"],
        "summary": text["summary"],
        "estimated_minutes": 60,
        "body": [
            *markup.to_blocks(text["body"]),
            *(("assessment", {"assessment": a}) for a in assessments),
        ],
    }


def _lesson(course, spec, assessments) -> str:
    return assessment_lesson_place(
        course, spec, lambda language: _fields(spec, language, assessments)
    )
