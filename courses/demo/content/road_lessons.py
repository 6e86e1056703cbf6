"""Demo lessons that hold the assessments leading from each demo course to its
certificate: knowledge by quiz, products by rubric or portfolio, performance
by an assessor's observation."""
# ruff: noqa: E501


def _lesson(es_title, es_summary, es_body, en_title, en_summary, en_body):
    return {
        "es": {"title": es_title, "summary": es_summary, "body": es_body},
        "en": {"title": en_title, "summary": en_summary, "body": en_body},
    }


PUBLISHING_QUIZ_LESSON = _lesson(
    "Evaluación: etapas editoriales, costos y precio",
    "Compruebe con un cuestionario lo que sabe del proceso editorial, los costos de una tirada y el precio de venta.",
    """
## Lo que se evalúa

El plan de un título ordena etapas que dependen unas de otras: la edición del texto precede a la corrección, la corrección a la diagramación y la diagramación a las pruebas de imprenta. Quien produce un libro también calcula cuánto cuesta cada ejemplar y a qué precio debe venderse para cubrir los descuentos de cada canal.

:::tip Cómo rendir el cuestionario
Tiene tres intentos. Al enviar verá su puntaje y una explicación de cada pregunta.
:::

## Cuestionario
""",
    "Assessment: editorial stages, costs and price",
    "Check with a quiz what you know about the editorial process, the costs of a print run and the retail price.",
    """
## What is assessed

The plan of a title orders stages that depend on each other: editing the text comes before proofreading, proofreading before layout and layout before printer's proofs. Whoever produces a book also works out what each copy costs and the price it must sell at to cover each channel's discount.

:::tip How the quiz works
You have three attempts. When you submit you will see your score and an explanation of each question.
:::

## Quiz
""",
)

PUBLISHING_OBSERVATION_LESSON = _lesson(
    "Evaluación práctica: coordinar una ronda de corrección",
    "Un evaluador observa cómo usted coordina una ronda de corrección y registra los criterios cumplidos.",
    """
## La observación

Solicite la observación cuando tenga una ronda de corrección en curso. Un evaluador acordará con usted la fecha y el lugar (o una sesión en línea), observará cómo aplica la hoja de estilo, coordina las correcciones y entrega los archivos finales, y registrará cada criterio de la unidad.

:::practice Para prepararse
Tenga a mano la hoja de estilo del título, el registro de cambios aprobados y la lista de verificación de archivos para la imprenta.
:::
""",
    "Practical assessment: coordinating a proofreading round",
    "An assessor observes how you coordinate a proofreading round and records the criteria you meet.",
    """
## The observation

Ask for the observation when you have a proofreading round under way. An assessor will agree a date and place with you (or an online session), observe how you apply the style sheet, coordinate corrections and deliver the final files, and record each criterion of the unit.

:::practice To prepare
Have the title's style sheet, the log of approved changes and the printer's file checklist at hand.
:::
""",
)

MUSIC_QUIZ_LESSON = _lesson(
    "Evaluación: señal, ganancia y seguridad",
    "Un cuestionario sobre la cadena de señal, los niveles y la seguridad eléctrica y auditiva.",
    """
## Lo que se evalúa

Antes de operar un concierto, el técnico de sonido debe conocer los tipos de micrófono y sus usos, la diferencia entre niveles de micrófono y de línea, y las medidas que protegen al público y al equipo de los riesgos eléctricos y auditivos.

## Cuestionario
""",
    "Assessment: signal, gain and safety",
    "A quiz on the signal chain, levels and electrical and hearing safety.",
    """
## What is assessed

Before running a show, a sound engineer must know the types of microphone and their uses, the difference between microphone and line level, and the measures that protect audience and crew from electrical and hearing risks.

## Quiz
""",
)

MUSIC_PORTFOLIO_LESSON = _lesson(
    "Evaluación: reporte técnico de una función",
    "Entregue el reporte técnico de una función que haya operado; un evaluador lo revisa criterio por criterio.",
    """
## Lo que debe entregar

Suba el reporte técnico de una función real: lista de canales, niveles de presión sonora medidos, incidencias y cómo las resolvió. Puede agregar fotos del escenario o un enlace a un registro de audio.
""",
    "Assessment: technical report of a show",
    "Hand in the technical report of a show you ran; an assessor reviews it criterion by criterion.",
    """
## What to hand in

Upload the technical report of a real show: channel list, sound pressure levels measured, incidents and how you solved them. You may add photos of the stage or a link to an audio recording.
""",
)

MUSIC_OBSERVATION_LESSON = _lesson(
    "Evaluación práctica: montaje, prueba de sonido y concierto",
    "Un evaluador observa el montaje de la cadena de señal, la prueba de sonido y la operación de un concierto.",
    """
## La observación

Solicite la observación para un concierto que vaya a operar. El evaluador estará presente desde el montaje hasta el final de la función y registrará cada criterio de las unidades de montaje, ajuste y operación.
""",
    "Practical assessment: set-up, soundcheck and show",
    "An assessor observes the signal chain set-up, the soundcheck and how you run a show.",
    """
## The observation

Ask for the observation for a show you will run. The assessor will be there from set-up to the end of the show and will record each criterion of the set-up, adjustment and operation units.
""",
)

STAGE_QUIZ_LESSON = _lesson(
    "Evaluación: seguridad en el montaje",
    "Un cuestionario sobre trabajo en altura, cargas suspendidas y la verificación de la escena.",
    """
## Lo que se evalúa

El montaje seguro de una escenografía exige conocer las reglas del trabajo en altura, el uso del equipo de protección personal y la verificación de cargas y anclajes antes de abrir sala.

## Cuestionario
""",
    "Assessment: safety during the get-in",
    "A quiz on working at height, suspended loads and checking the stage.",
    """
## What is assessed

A safe get-in requires knowing the rules for working at height, the use of personal protective equipment and how to check loads and anchors before the house opens.

## Quiz
""",
)

STAGE_RUBRIC_LESSON = _lesson(
    "Evaluación: libreto de regiduría y plan de gira",
    "Entregue el libreto de regiduría de una obra y la hoja de ruta con presupuesto de una gira; un evaluador los califica con una rúbrica.",
    """
## Lo que debe entregar

Describa (y adjunte, si puede) el libreto de regiduría de una obra con sus pies y entradas, y la hoja de ruta de una gira de tres fechas con traslados, alojamiento, horarios y presupuesto.
""",
    "Assessment: prompt book and tour plan",
    "Hand in the prompt book of a play and the itinerary and budget of a tour; an assessor grades them with a rubric.",
    """
## What to hand in

Describe (and attach, if you can) the prompt book of a play with its cues and entrances, and the itinerary of a three-date tour with travel, accommodation, schedules and budget.
""",
)

STAGE_OBSERVATION_LESSON = _lesson(
    "Evaluación práctica: regiduría de una función y montaje",
    "Un evaluador observa cómo usted lleva la regiduría de una función y el montaje seguro de la escenografía.",
    """
## La observación

Solicite la observación para una función en la que lleve la regiduría. El evaluador observará el montaje, la verificación de la escena y cómo da los pies durante la función, y registrará cada criterio.
""",
    "Practical assessment: calling a show and the get-in",
    "An assessor observes how you call a show and carry out a safe get-in.",
    """
## The observation

Ask for the observation for a performance you will stage-manage. The assessor will observe the get-in, the stage check and how you call the cues during the show, and will record each criterion.
""",
)
