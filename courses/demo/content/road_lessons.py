"""Demo lessons that close a course with the assessments its certification
program needs: knowledge by quiz, products by rubric or portfolio, performance
by an assessor's observation. One lesson per course holds them all."""
# ruff: noqa: E501

PUBLISHING_PRACTICE_LESSON = {
    "es": {
        "title": "Evaluación: etapas, costos y una ronda de corrección observada",
        "summary": "Compruebe lo que sabe del proceso editorial y sus costos, y pida que un evaluador observe cómo coordina una ronda de corrección.",
        "body": """
## Lo que falta para certificar la producción editorial

El certificado de producción editorial independiente pide evidencia de tres tipos. El **conocimiento** se comprueba con cuestionarios: el de ISBN y metadatos que ya rindió y el de esta lección, sobre las etapas del proceso y los costos de un título. El **producto** es el plan editorial que un evaluador calificó con una rúbrica. El **desempeño** no se puede demostrar con un cuestionario ni con un documento: alguien tiene que verlo. Por eso esta lección termina con una observación de su trabajo real.

Las etapas de un título dependen unas de otras. La edición del texto precede a la corrección de estilo, la corrección a la diagramación y la diagramación a las pruebas de imprenta; saltarse un paso cuesta más tarde, cuando un cambio obliga a rehacer páginas ya armadas. Un calendario realista asigna a cada etapa una persona responsable y un plazo, y deja holgura para las rondas de corrección, que casi siempre son más de las previstas.

Los costos siguen la misma lógica. Hay costos fijos, que no cambian con la tirada (edición, corrección, diseño, derechos), y costos variables, que crecen con cada ejemplar (papel, impresión, encuadernación, envío). Por eso el costo unitario baja cuando aumenta la tirada. El precio de venta al público se fija considerando el descuento de cada canal: la librería y la distribuidora retienen una parte importante del precio, y lo que queda debe cubrir el costo y el margen de la editorial.

:::tip Cómo se evalúa esta lección
El cuestionario tiene tres preguntas y tres intentos; verá sus resultados al enviar. La observación no tiene intentos limitados: la solicita cuando tenga una ronda de corrección en curso y un evaluador acuerda con usted la fecha y el lugar, o una sesión en línea.
:::

## La ronda de corrección observada

En la observación, el evaluador mira cómo aplica una hoja de estilo acordada en todo el texto, cómo coordina las rondas de corrección y registra los cambios aprobados, y cómo entrega a la imprenta archivos finales verificados. Registra cada criterio de la unidad como cumplido o aún no cumplido, y usted confirma luego que leyó el registro.

:::practice Para prepararse
Reúna la hoja de estilo del título, el registro de cambios de la última ronda y la lista de verificación de archivos que usa con la imprenta. Si trabaja con otras personas, avíseles que un evaluador acompañará la sesión.
:::

## Evaluaciones
""",
    },
    "en": {
        "title": "Assessment: stages, costs and an observed proofreading round",
        "summary": "Check what you know about the editorial process and its costs, and ask an assessor to observe how you coordinate a proofreading round.",
        "body": """
## What is still needed to certify editorial production

The certificate in independent editorial production asks for three kinds of evidence. **Knowledge** is checked with quizzes: the one on ISBN and metadata you already took and the one in this lesson, on the stages of the process and the costs of a title. The **product** is the publishing plan an assessor graded with a rubric. **Performance** cannot be shown with a quiz or a document: someone has to see it. That is why this lesson ends with an observation of your real work.

The stages of a title depend on each other. Editing the text comes before copy-editing, copy-editing before layout and layout before printer's proofs; skipping a step costs more later, when a change forces pages already laid out to be redone. A realistic schedule gives each stage a person in charge and a deadline, and leaves room for proofreading rounds, which are nearly always more than planned.

Costs follow the same logic. There are fixed costs, which do not change with the print run (editing, proofreading, design, rights), and variable costs, which grow with every copy (paper, printing, binding, shipping). That is why the unit cost falls as the print run grows. The retail price is set with each channel's discount in mind: the bookshop and the distributor keep a large share of the price, and what is left must cover the cost and the publisher's margin.

:::tip How this lesson is assessed
The quiz has three questions and three attempts; you will see your results when you submit. The observation has no attempt limit: ask for it when you have a proofreading round under way and an assessor will agree a date and place with you, or an online session.
:::

## The observed proofreading round

During the observation, the assessor watches how you apply an agreed style sheet throughout the text, how you coordinate proofreading rounds and log the approved changes, and how you deliver verified final files to the printer. They record each criterion of the unit as met or not yet met, and you then confirm that you read the record.

:::practice To prepare
Gather the title's style sheet, the change log of the last round and the file checklist you use with the printer. If you work with other people, let them know an assessor will join the session.
:::

## Assessments
""",
    },
}

MUSIC_ASSESSMENT_LESSON = {
    "es": {
        "title": "Evaluación: señal y seguridad, reporte técnico y concierto observado",
        "summary": "Un cuestionario, el reporte técnico de una función y la observación de un concierto: las evidencias que pide el certificado de sonido en vivo.",
        "body": """
## Tres evidencias para un mismo oficio

El certificado de técnico de sonido en vivo reúne cuatro unidades, y cada una pide un tipo de evidencia distinto. Conocer los micrófonos, los niveles de señal y los riesgos eléctricos y auditivos es **conocimiento**, y se comprueba con el cuestionario de esta lección. El reporte técnico de una función es un **producto**: un evaluador lo lee y juzga cada criterio. Montar la cadena de señal, ajustar la mezcla y operar un concierto es **desempeño**, y solo se demuestra frente a un evaluador que lo observa.

Antes del cuestionario conviene repasar lo esencial. Un micrófono dinámico cardioide es el más usado para voces en escenario porque rechaza el sonido que llega desde atrás y resiste golpes y humedad. Las cajas directas convierten la señal de línea desbalanceada de un instrumento en una señal balanceada de nivel de micrófono, que viaja lejos sin ruido. La ganancia se ajusta canal por canal para que ninguna señal sature, y los monitores se mezclan según lo que pide cada músico.

La seguridad no es un agregado al final. La puesta a tierra de todo el sistema se verifica antes de conectar, y nunca se elimina para quitar un zumbido. La exposición del público y del equipo se controla con un límite de presión sonora acordado con la sala y medido durante la función; la protección auditiva del equipo técnico es parte del trabajo. Anote los niveles medidos y cada incidencia en el reporte de la función: es el registro que lo protege a usted, al grupo y a la sala si algo sale mal.

:::tip Cómo se evalúa esta lección
El cuestionario tiene tres intentos y muestra sus resultados al enviar. El reporte técnico y la observación los califica un evaluador: recibirá un correo cuando estén calificados.
:::

## El reporte y el concierto observado

Para el reporte, suba el documento de una función real: lista de canales, niveles medidos, incidencias y cómo las resolvió. Para la observación, solicítela cuando tenga un concierto programado; el evaluador estará desde el montaje hasta el final de la función.

:::practice Antes de solicitar la observación
Prepare el rider del grupo, el plano de escenario y su lista de verificación de canales. Acuerde con la sala el límite de presión sonora y lleve un medidor.
:::

## Evaluaciones
""",
    },
    "en": {
        "title": "Assessment: signal and safety, technical report and observed show",
        "summary": "A quiz, the technical report of a show and the observation of a concert: the evidence the live sound certificate asks for.",
        "body": """
## Three kinds of evidence for one trade

The live sound engineer certificate brings together four units, and each asks for a different kind of evidence. Knowing microphones, signal levels and electrical and hearing risks is **knowledge**, checked by this lesson's quiz. The technical report of a show is a **product**: an assessor reads it and judges each criterion. Setting up the signal chain, adjusting the mix and running a concert is **performance**, and can only be shown in front of an assessor who observes it.

Before the quiz, review the essentials. A cardioid dynamic microphone is the most used for vocals on stage because it rejects sound arriving from behind and withstands knocks and moisture. Direct boxes turn an instrument's unbalanced line signal into a balanced microphone-level signal that travels far without noise. Gain is set channel by channel so that no signal clips, and monitors are mixed to what each musician asks for.

Safety is not an extra at the end. The earthing of the whole system is checked before connecting, and it is never removed to get rid of a hum. Audience and crew exposure is controlled with a sound pressure limit agreed with the venue and measured during the show; hearing protection for the technical crew is part of the job. Write down the measured levels and any incident in the show report: it is the record that protects you, the band and the venue if something goes wrong.

:::tip How this lesson is assessed
The quiz has three attempts and shows your results when you submit. The technical report and the observation are graded by an assessor: you will receive an e-mail when they are graded.
:::

## The report and the observed show

For the report, upload the document of a real show: channel list, levels measured, incidents and how you solved them. For the observation, ask for it when you have a concert scheduled; the assessor will be there from set-up to the end of the show.

:::practice Before asking for the observation
Prepare the band's rider, the stage plot and your channel checklist. Agree the sound pressure limit with the venue and bring a meter.
:::

## Assessments
""",
    },
}

STAGE_ASSESSMENT_LESSON = {
    "es": {
        "title": "Evaluación: seguridad, libreto y gira, función observada",
        "summary": "Un cuestionario de seguridad, el libreto de regiduría con el plan de gira y la observación de una función: las evidencias del certificado de técnica escénica.",
        "body": """
## Lo que pide el certificado de técnica escénica

El certificado de técnico escénico y regiduría de gira tiene tres unidades. La regiduría de ensayos y funciones pide un **producto**, el libreto de regiduría, y un **desempeño**, llevar la regiduría de una función frente a un evaluador. La logística de gira pide un producto: la hoja de ruta con su presupuesto. El montaje seguro pide **conocimiento** de las normas de trabajo en altura y cargas suspendidas, que se comprueba con el cuestionario, y el desempeño de un montaje observado.

El libreto de regiduría es la memoria de la función: contiene el texto o la partitura con cada pie de luces, sonido y maquinaria, las entradas y salidas, y las notas de cada ensayo. Quien lleva la regiduría da los pies en el momento indicado y, al terminar, redacta el reporte de función con los tiempos y las incidencias. Un buen libreto permite que otra persona lleve la función si usted no puede.

Planificar una gira de tres fechas exige una hoja de ruta con traslados, alojamiento y horarios de cada día, y un presupuesto que separe los costos fijos de los variables. El rider técnico se adapta a las condiciones de cada sala antes de viajar, no al llegar. En el montaje, nadie permanece bajo una carga suspendida en movimiento, el trabajo en altura se hace siempre con arnés y línea de vida, y la escena se verifica antes de abrir sala. Estas reglas no son un trámite: la mayoría de los accidentes en los teatros ocurren durante el montaje y el desmontaje, cuando el equipo está cansado y apurado.

:::tip Cómo se evalúa esta lección
El cuestionario tiene tres intentos y muestra los resultados al enviar. La entrega escrita la califica un evaluador con una rúbrica, y la observación la agenda con usted. Como este programa se emite automáticamente, su certificado se genera en cuanto todas las unidades estén demostradas.
:::

## La función observada

El evaluador observa el montaje y la verificación de la escena, y luego cómo da los pies durante la función. Registra cada criterio de las unidades de regiduría y de montaje seguro.

:::practice Para prepararse
Tenga su libreto al día, revise el plan de montaje con el equipo y verifique que el equipo de protección personal esté completo y en buen estado.
:::

## Evaluaciones
""",
    },
    "en": {
        "title": "Assessment: safety, prompt book and tour, observed performance",
        "summary": "A safety quiz, the prompt book with the tour plan and the observation of a performance: the evidence of the stage technique certificate.",
        "body": """
## What the stage technique certificate asks for

The stage technician and touring stage manager certificate has three units. Stage-managing rehearsals and performances asks for a **product**, the prompt book, and a **performance**, calling a show in front of an assessor. Tour logistics asks for a product: the itinerary with its budget. The safe get-in asks for **knowledge** of the rules for working at height and suspended loads, checked by the quiz, and the performance of an observed get-in.

The prompt book is the memory of the show: it holds the text or score with every lighting, sound and flying cue, the entrances and exits, and the notes of each rehearsal. Whoever stage-manages calls the cues at the right moment and, at the end, writes the show report with times and incidents. A good prompt book lets someone else run the show if you cannot.

Planning a three-date tour requires an itinerary with travel, accommodation and each day's schedule, and a budget that separates fixed from variable costs. The technical rider is adapted to each venue before travelling, not on arrival. During the get-in, nobody stays under a suspended load in motion, work at height is always done with a harness and lifeline, and the stage is checked before the house opens. These rules are not paperwork: most accidents in theatres happen during the get-in and the get-out, when the crew is tired and in a hurry.

:::tip How this lesson is assessed
The quiz has three attempts and shows the results when you submit. An assessor grades the written submission with a rubric and schedules the observation with you. As this program is issued automatically, your certificate is produced as soon as every unit is demonstrated.
:::

## The observed performance

The assessor observes the get-in and the stage check, and then how you call the cues during the show. They record each criterion of the stage management and safe get-in units.

:::practice To prepare
Keep your prompt book up to date, go over the get-in plan with the crew and check that the personal protective equipment is complete and in good condition.
:::

## Assessments
""",
    },
}
