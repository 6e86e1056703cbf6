"""Demo course: continuity and script supervision on a small audiovisual shoot."""
# ruff: noqa: E501

QUIZ = {
    "sector": "audiovisual",
    "es": {
        "title": "Cuestionario: continuidad en el rodaje",
        "instructions": "Responda las preguntas. Verá sus resultados y una explicación al enviar.",
        "questions": (
            "? Dos personajes conversan: A mira hacia la derecha de cuadro y B hacia la izquierda. Si la cámara cruza el eje entre ellos, ¿qué ocurre en pantalla?\n"
            "* Ambos parecen mirar hacia el mismo lado y se pierde la sensación de que se miran\n"
            "- Nada, el eje solo importa en escenas de acción\n"
            "- El sonido queda desfasado\n"
            "> Cruzar el eje invierte la dirección de las miradas; se corrige con un plano neutro o moviendo la cámara a la vista del público.\n\n"
            "? ¿Qué datos debe llevar cada toma en el informe de continuidad?\n"
            "* Escena, plano y número de toma\n"
            "* Duración y si es buena, mala o de reserva\n"
            "- El presupuesto del día\n"
            "> El montajista busca el material por escena, plano y toma, y elige entre las marcadas como buenas.\n\n"
            "? Las fotos de continuidad reemplazan las notas escritas.\n"
            "= falso\n"
            "> La foto muestra el estado; la nota dice en qué momento de la acción se tomó y qué cambia durante la toma.\n\n"
            "? ¿Cómo se llama el guion marcado con líneas verticales que muestran qué parte de la escena cubre cada plano?\n"
            "~ guion lineado\n"
            "~ guión lineado\n"
            "~ lined script\n"
            "> El guion lineado le permite al montaje ver de un vistazo qué cobertura existe para cada línea de diálogo.\n\n"
            "? Si la actriz levanta la taza con la mano derecha en el plano general, en el primer plano debe hacerlo con la misma mano y en el mismo pie de diálogo.\n"
            "= verdadero\n"
            "> Es la continuidad de acción: repetir el mismo gesto en el mismo momento permite cortar en movimiento."
        ),
    },
    "en": {
        "title": "Quiz: continuity on set",
        "instructions": "Answer the questions. You will see your results and an explanation when you submit.",
        "questions": (
            "? Two characters talk: A looks towards frame right and B towards frame left. If the camera crosses the line between them, what happens on screen?\n"
            "* Both seem to look the same way and the sense that they face each other is lost\n"
            "- Nothing, the line only matters in action scenes\n"
            "- The sound goes out of sync\n"
            "> Crossing the line reverses the eyelines; it is fixed with a neutral shot or by moving the camera in view of the audience.\n\n"
            "? What must each take carry in the continuity report?\n"
            "* Scene, shot and take number\n"
            "* Length and whether it is good, no good or a reserve\n"
            "- The day's budget\n"
            "> The editor finds the material by scene, shot and take, and chooses among those marked good.\n\n"
            "? Continuity photos replace written notes.\n"
            "= false\n"
            "> A photo shows a state; the note says at which moment of the action it was taken and what changes during the take.\n\n"
            "? What is the script marked with vertical lines showing which part of the scene each shot covers called?\n"
            "~ lined script\n"
            "~ the lined script\n"
            "> The lined script lets the editor see at a glance what coverage exists for each line of dialogue.\n\n"
            "? If the actress lifts the cup with her right hand in the wide shot, she must do it with the same hand and on the same line in the close-up.\n"
            "= true\n"
            "> That is continuity of action: repeating the same gesture at the same moment lets the editor cut on movement."
        ),
    },
    "pass_mark": 70,
    "max_attempts": 3,
    "time_limit_minutes": 20,
}

COURSE = {
    "sector": "audiovisual",
    "slug": "continuidad-en-rodaje",
    "level": "introductory",
    "estimated_hours": 8,
    "countries": ["CL", "CO", "MX", "PE"],
    "es": {
        "title": "Continuidad y script en rodajes pequeños",
        "summary": (
            "El trabajo de la persona a cargo de la continuidad en un "
            "cortometraje, un documental o una serie web de bajo presupuesto: "
            "desglose del guion, eje y miradas, continuidad de acción, fotos, "
            "informes diarios y guion lineado para el montaje."
        ),
        "description": (
            "<p>Para quienes hacen continuidad por primera vez, asistentes de "
            "dirección y realizadores que ruedan con equipos de cinco a quince "
            "personas. El curso parte de lo que suele haber en esos rodajes: "
            "una sola cámara, jornadas largas, poco tiempo para repetir y un "
            "montajista que recibirá el material días después.</p>"
        ),
        "outcomes": [
            "Desglosar un guion y estimar la duración de cada escena.",
            "Cuidar el eje, la dirección de miradas y la continuidad de acción durante la toma.",
            "Registrar escenas, planos y tomas con notas y fotos que sirvan al montaje.",
            "Entregar el informe diario y el guion lineado al cierre de cada jornada.",
        ],
    },
    "en": {
        "title": "Continuity and script supervision on small shoots",
        "summary": (
            "The work of the person in charge of continuity on a short film, a "
            "documentary or a low-budget web series: script breakdown, the line "
            "and eyelines, continuity of action, photos, daily reports and the "
            "lined script for the edit."
        ),
        "description": (
            "<p>For people doing continuity for the first time, assistant "
            "directors and filmmakers who shoot with crews of five to fifteen. "
            "The course starts from what those shoots usually have: a single "
            "camera, long days, little time for retakes and an editor who will "
            "receive the material days later.</p>"
        ),
        "outcomes": [
            "Break down a script and estimate the running time of each scene.",
            "Keep the line, screen direction and continuity of action during the take.",
            "Log scenes, shots and takes with notes and photos the editor can use.",
            "Hand in the daily report and the lined script at the end of each day.",
        ],
    },
    "lessons": [
        {
            "slug": "desglose-y-preparacion",
            "minutes": 45,
            "es": {
                "title": "Antes del rodaje: desglose del guion y tiempos",
                "summary": (
                    "Qué hace la continuidad, cómo se lee un guion para "
                    "desglosarlo y cómo se estima cuánto durará cada escena."
                ),
                "body": """
## Qué cuida la continuidad

En un rodaje las escenas casi nunca se filman en orden: se agrupan por locación, por actores disponibles o por luz. La persona a cargo de la continuidad (en muchos países se le llama *script*) es la memoria del rodaje: vela por que lo filmado el martes empalme con lo filmado tres semanas después, y le deja al montaje un registro claro de todo lo que se grabó. En un equipo pequeño suele ser la única persona que mira cada toma pensando en el corte final y no solo en la toma que se está haciendo.

Su trabajo se ordena en tres momentos: la **preparación** (leer y desglosar el guion, estimar tiempos), el **rodaje** (vigilar eje, vestuario, utilería, acción y diálogo, y registrar cada toma) y la **entrega** (informes diarios, guion lineado, comunicación con montaje).

## El desglose del guion

Desglosar es leer el guion escena por escena y anotar, para cada una, todo lo que deberá repetirse igual cuando se filme en otro momento:

- el **día de relato** (día 1, noche 1, día 2...) al que pertenece la escena, que decide el vestuario y el maquillaje;
- los **personajes** presentes y lo que traen consigo: ropa, heridas, peinado, objetos en la mano;
- la **utilería** que se usa o cambia de estado: una botella que se vacía, una carta que se rompe;
- las **condiciones**: hora del día, clima, puertas o ventanas abiertas, luces encendidas.

Con el desglose se arma una tabla por día de relato. Cuando el guion dice que un personaje se corta la mano en la escena 12, el desglose recuerda que en las escenas 13 a 20 lleva un vendaje, aunque se filmen antes.

:::tip Numere todo desde el principio
Confirme con la dirección y la asistencia de dirección la numeración definitiva de escenas antes del primer día. Si una escena se agrega después, se numera con letra (12A) para no renumerar todo el plan de rodaje.
:::

## Estimar la duración

La producción necesita saber si el guion cabe en la duración prevista. La regla de una página por minuto es solo un punto de partida: una página de diálogo rápido dura menos, una página con una persecución o un silencio largo dura más. La continuidad lee cada escena en voz alta, con cronómetro, actuando las pausas y las acciones, y anota el tiempo estimado. La suma se compara con la duración objetivo, y las diferencias grandes se conversan con la dirección antes de rodar, no en el montaje.

:::practice Ejercicio: desglose de tres escenas
Tome un cortometraje que conozca o un guion publicado. Desglose tres escenas seguidas: día de relato, personajes, vestuario, utilería y condiciones. Luego cronometre cada escena leyéndola en voz alta y compare su estimación con la duración real de la película.
:::
""",
            },
            "en": {
                "title": "Before the shoot: script breakdown and timing",
                "summary": (
                    "What continuity does, how to read a script to break it "
                    "down and how to estimate how long each scene will run."
                ),
                "body": """
## What continuity looks after

Scenes are almost never shot in order: they are grouped by location, by which actors are available or by the light. The person in charge of continuity (the *script supervisor*) is the memory of the shoot: they make sure that what was filmed on Tuesday cuts with what is filmed three weeks later, and they leave the editor a clear record of everything that was shot. On a small crew they are often the only person who watches every take with the final cut in mind rather than just the take being made.

The work falls into three moments: **preparation** (reading and breaking down the script, estimating timings), the **shoot** (watching the line, costume, props, action and dialogue, and logging every take) and **delivery** (daily reports, the lined script, keeping in touch with the edit).

## Breaking down the script

Breaking down means reading the script scene by scene and noting, for each one, everything that must look the same when it is shot at another moment:

- the **story day** (day 1, night 1, day 2...) the scene belongs to, which decides costume and make-up;
- the **characters** present and what they carry: clothes, wounds, hair, objects in hand;
- the **props** used or changed: a bottle being emptied, a letter being torn up;
- the **conditions**: time of day, weather, doors or windows open, lights on.

The breakdown becomes a table per story day. When the script says a character cuts their hand in scene 12, the breakdown remembers that in scenes 13 to 20 they wear a bandage, even if those scenes are shot first.

:::tip Number everything from the start
Agree the final scene numbers with the director and the assistant director before the first day. A scene added later takes a letter (12A), so the whole schedule does not have to be renumbered.
:::

## Estimating running time

The production needs to know whether the script fits the planned length. The rule of one page per minute is only a starting point: a page of fast dialogue runs shorter, a page with a chase or a long silence runs longer. Continuity reads each scene aloud with a stopwatch, acting out the pauses and the actions, and writes down the estimated time. The total is compared with the target length, and large differences are discussed with the director before shooting, not in the edit.

:::practice Exercise: break down three scenes
Take a short film you know or a published screenplay. Break down three consecutive scenes: story day, characters, costume, props and conditions. Then time each scene by reading it aloud and compare your estimate with the film's actual running time.
:::
""",
            },
        },
        {
            "slug": "eje-miradas-y-accion",
            "minutes": 50,
            "es": {
                "title": "Durante la toma: eje, miradas y continuidad de acción",
                "summary": (
                    "La regla de los 180 grados, la dirección en pantalla y "
                    "cómo registrar gestos, diálogos y objetos para poder cortar."
                ),
                "body": """
## El eje de acción

Cuando dos personajes conversan, se traza una línea imaginaria que los une: el **eje**. Mientras la cámara se mantenga a un mismo lado de esa línea, A mirará siempre hacia un lado del cuadro y B hacia el otro, y el público entenderá que se miran. Si un plano se filma desde el otro lado, las miradas se invierten y al cortar parece que ambos miran en la misma dirección. Es la llamada regla de los 180 grados.

El eje no es una prohibición sino un acuerdo. Se puede cruzar si el público ve el cruce (la cámara se desplaza en un mismo plano), si un personaje se mueve y redefine la línea, o si se intercala un plano neutro, de frente o desde el eje mismo. La continuidad avisa antes de filmar cuando un emplazamiento rompe el eje sin ninguna de esas soluciones.

Lo mismo vale para la **dirección en pantalla**: si un personaje sale por la derecha del cuadro para ir a la estación, en el plano siguiente debe entrar por la izquierda. Un auto que viaja de izquierda a derecha hacia el norte debe seguir así durante toda la secuencia.

## Continuidad de acción y diálogo

El montaje corta muchas veces en movimiento: cuando alguien se sienta, abre una puerta o levanta una taza. Para eso el gesto tiene que repetirse igual en el plano general y en el primer plano: la misma mano, el mismo momento del diálogo, la misma altura. La continuidad observa el ensayo, anota en qué palabra ocurre cada gesto y lo recuerda a actores y actrices antes de cada toma.

También anota las diferencias de diálogo respecto del guion. Si el actor dice «mañana temprano» en lugar de «mañana a las ocho», y la dirección la aprueba, esa versión debe mantenerse en todos los planos de la escena.

:::warning Los objetos consumibles
Cigarrillos, velas, bebidas y comida cambian de estado en cada toma. Defina con utilería un estado de partida para cada toma (vaso lleno hasta la marca, vela de cierta altura) y tenga repuestos listos. Anote el estado al empezar y al terminar.
:::

## Fotos y notas

Las fotos de continuidad se toman al comienzo de la escena y cada vez que algo cambia: vestuario completo de frente y de espalda, peinado, utilería en el set. La foto muestra un estado; la nota explica en qué momento de la acción se tomó y qué cambia durante la toma. Nombre cada foto con escena y plano para encontrarla cuando se vuelva a filmar semanas después.

:::practice Ejercicio: una escena de dos personajes
Filme con un teléfono una conversación breve entre dos personas en tres planos: un plano general y dos planos sobre el hombro. Haga que una de ellas levante un objeto en una palabra concreta. Monte los tres planos y revise: ¿se respetó el eje?, ¿coincide el gesto al cortar? Anote qué le habría advertido al equipo.
:::
""",
            },
            "en": {
                "title": "During the take: the line, eyelines and continuity of action",
                "summary": (
                    "The 180-degree rule, screen direction and how to log "
                    "gestures, dialogue and props so that shots will cut."
                ),
                "body": """
## The line of action

When two characters talk, an imaginary line joins them: the **line of action**. As long as the camera stays on one side of that line, A will always look towards one side of the frame and B towards the other, and the audience understands that they are looking at each other. If a shot is filmed from the other side, the eyelines reverse and, when cut together, both seem to look the same way. This is the 180-degree rule.

The line is not a ban but an agreement. It can be crossed if the audience sees the crossing (the camera moves within one shot), if a character moves and redefines the line, or if a neutral shot, head-on or from the line itself, is cut in between. Continuity warns before the take when a set-up breaks the line without any of those solutions.

The same goes for **screen direction**: if a character leaves frame right to go to the station, in the next shot they must enter from frame left. A car travelling left to right towards the north must keep doing so for the whole sequence.

## Continuity of action and dialogue

Editors often cut on movement: when someone sits down, opens a door or lifts a cup. For that, the gesture must be repeated in the same way in the wide shot and in the close-up: the same hand, the same moment in the dialogue, the same height. Continuity watches the rehearsal, notes on which word each gesture happens and reminds the actors before each take.

Continuity also notes changes to the dialogue. If the actor says "early tomorrow" instead of "tomorrow at eight" and the director approves it, that version must be kept in every shot of the scene.

:::warning Consumable props
Cigarettes, candles, drinks and food change with every take. Agree with the props department a starting state for each take (glass filled to the mark, candle of a given height) and keep spares ready. Note the state at the start and at the end.
:::

## Photos and notes

Continuity photos are taken at the start of the scene and whenever something changes: full costume from the front and the back, hair, props on the set. A photo shows a state; the note explains at which moment of the action it was taken and what changes during the take. Name each photo with scene and shot so you can find it when the scene is picked up weeks later.

:::practice Exercise: a two-person scene
Use a phone to film a short conversation between two people in three shots: a wide shot and two over-the-shoulder shots. Have one of them pick up an object on a specific word. Cut the three shots together and check: was the line kept? Does the gesture match on the cut? Note what you would have warned the crew about.
:::
""",
            },
        },
        {
            "slug": "informes-y-guion-lineado",
            "minutes": 50,
            "quiz": QUIZ,
            "es": {
                "title": "Para el montaje: informes diarios y guion lineado",
                "summary": (
                    "El registro de cada toma, el informe de la jornada y el "
                    "guion lineado que recibe el montaje."
                ),
                "body": """
## El registro de tomas

Cada toma se identifica con tres datos que también aparecen en la claqueta: **escena, plano y toma** (por ejemplo 24B-3: escena 24, segundo emplazamiento, tercera toma). En el informe de continuidad, junto a ese número, se anota la hora, la duración, el lente y, sobre todo, la valoración: buena, mala o de reserva, con el motivo en pocas palabras («foco en el final», «avión en el audio», «la mejor actuación»). El montajista no estuvo en el rodaje: su primera guía es esa columna de comentarios.

Si el sonido se graba aparte, la continuidad verifica con la persona de sonido que la numeración de sus archivos coincida con la de la claqueta. Las tomas sin claqueta o con claqueta al final se anotan como tales, para que nadie busque la sincronización al comienzo.

## El informe diario

Al cierre de la jornada la continuidad entrega a producción y a montaje un informe con las escenas filmadas completas y parciales, el tiempo de pantalla logrado frente al previsto, las tomas buenas de cada plano y las incidencias: un plano que falta, un diálogo cambiado, un vestuario que deberá repetirse cuando se retome la escena. Producción usa el tiempo logrado para saber si el plan de rodaje va al día; montaje usa el resto para empezar a ordenar el material.

:::tip Acuerde el formato antes del primer día
Pregunte al montajista cómo prefiere recibir los informes (planilla, PDF, metadatos en los archivos) y cómo se nombrarán las carpetas. Un formato acordado ahorra horas de búsqueda en la sala de montaje.
:::

## El guion lineado

Sobre una copia del guion, la continuidad traza una línea vertical por cada plano, desde la primera hasta la última línea de diálogo que ese plano cubre, con el número del plano arriba. La línea es recta donde el personaje se ve en cuadro y ondulada donde está fuera de cuadro. Así, el montaje ve de un vistazo qué cobertura existe para cada momento de la escena y dónde falta material.

Las páginas del guion lineado se acompañan de la página opuesta con el detalle de cada plano y sus tomas. Juntas forman el documento de referencia de la película hasta el fin de la posproducción.

:::practice Ejercicio: informe y lineado de su escena
Con la escena de dos personajes que filmó en la lección anterior, complete un informe de continuidad (escena, plano, toma, duración, valoración y comentario) y linee la página del guion correspondiente. Entréguele ambos a otra persona y pídale que encuentre, sin ayuda, la mejor toma de cada plano.
:::

## Evaluación

Compruebe lo aprendido en el curso con el siguiente cuestionario.
""",
            },
            "en": {
                "title": "For the edit: daily reports and the lined script",
                "summary": (
                    "Logging every take, the end-of-day report and the lined "
                    "script the editor receives."
                ),
                "body": """
## Logging takes

Each take is identified by three pieces of data that also appear on the slate: **scene, shot and take** (for example 24B-3: scene 24, second set-up, third take). In the continuity report, next to that number, you write the time, the length, the lens and, above all, the assessment: good, no good or reserve, with the reason in a few words ("focus at the end", "plane on the audio", "best performance"). The editor was not on set: their first guide is that comments column.

If sound is recorded separately, continuity checks with the sound recordist that the numbering of their files matches the slate. Takes without a slate or with an end board are logged as such, so that nobody looks for the sync point at the start.

## The daily report

At the end of the day continuity hands production and the editor a report listing the scenes completed and partly shot, the screen time achieved against the time planned, the good takes of each shot and the incidents: a missing shot, a changed line, a costume that must be repeated when the scene is picked up. Production uses the screen time to know whether the schedule is on track; the editor uses the rest to start organising the material.

:::tip Agree the format before the first day
Ask the editor how they prefer to receive the reports (spreadsheet, PDF, metadata in the files) and how folders will be named. An agreed format saves hours of searching in the cutting room.
:::

## The lined script

On a copy of the script, continuity draws a vertical line for each shot, from the first to the last line of dialogue that shot covers, with the shot number at the top. The line is straight where the character is on screen and wavy where they are off screen. The editor can then see at a glance what coverage exists for each moment of the scene and where material is missing.

The pages of the lined script are paired with a facing page that details each shot and its takes. Together they are the film's reference document until the end of post-production.

:::practice Exercise: report and line your scene
With the two-person scene you filmed in the previous lesson, fill in a continuity report (scene, shot, take, length, assessment and comment) and line the corresponding script page. Give both to someone else and ask them to find, unaided, the best take of each shot.
:::

## Assessment

Check what you learned in the course with the following quiz.
""",
            },
        },
    ],
}
