"""Demo course: stage management and touring a performing-arts production."""
# ruff: noqa: E501

COURSE = {
    "sector": "performing-arts",
    "slug": "regiduria-y-gira",
    "level": "intermediate",
    "estimated_hours": 14,
    "countries": ["CL", "CO", "MX", "PE"],
    "es": {
        "title": "Regiduría y gira de espectáculos escénicos",
        "summary": (
            "Dirigir técnicamente una función y llevar una obra de teatro, danza "
            "o circo de gira: libro de regiduría, ficha técnica, logística, "
            "presupuesto, montaje seguro y reporte de función."
        ),
        "description": (
            "<p>Para regidoras y regidores, productores y compañías "
            "independientes que preparan su primera gira nacional o regional. "
            "Se trabaja con las herramientas que usan los equipos profesionales "
            "y se adaptan a compañías pequeñas.</p>"
        ),
        "outcomes": [
            "Preparar un libro de regiduría con los pies de cada cambio.",
            "Redactar una ficha técnica y coordinar el avance con cada sala.",
            "Planificar la logística y el presupuesto de una gira.",
            "Conducir un montaje y una función con protocolos de seguridad.",
        ],
    },
    "en": {
        "title": "Stage management and touring a production",
        "summary": (
            "Calling a performance and taking a theatre, dance or circus piece "
            "on tour: prompt book, technical rider, logistics, budget, safe "
            "get-in and show report."
        ),
        "description": (
            "<p>For stage managers, producers and independent companies "
            "preparing their first national or regional tour. It works with the "
            "tools professional crews use, adapted to small companies.</p>"
        ),
        "outcomes": [
            "Prepare a prompt book with the standby and go of every cue.",
            "Write a technical rider and advance each venue.",
            "Plan a tour's logistics and budget.",
            "Run a get-in and a performance with safety procedures.",
        ],
    },
    "lessons": [
        {
            "slug": "la-regiduria",
            "minutes": 45,
            "es": {
                "title": "La regiduría: quien sostiene la función",
                "summary": (
                    "Qué hace la regidora o el regidor, el libro de regiduría y "
                    "cómo se dan los pies de luz, sonido y escena."
                ),
                "body": """
## Un oficio de coordinación

La regiduría (en algunos países se habla de dirección de escena técnica o *stage management*) es el puente entre la dirección artística, el elenco y el equipo técnico. En ensayos, registra todo lo que se decide: entradas y salidas, movimientos de escenografía, utilería, cambios de vestuario, efectos de luz y sonido. En función, es quien da las órdenes para que cada cambio ocurra en el momento exacto, y quien decide qué hacer ante un imprevisto.

En compañías pequeñas la regiduría suele sumar otras tareas: convocatorias, horarios, comunicación con la sala, botiquín, llaves. Por eso su primera herramienta es el orden: una sola fuente de verdad que todo el equipo conoce.

## El libro de regiduría

El libro de regiduría es el texto o la partitura de la obra con todas las anotaciones técnicas al margen. Para obras sin texto (danza, circo) se construye sobre la música, con marcas de tiempo o de conteo, o sobre una descripción secuencial de las escenas. Debe poder usarlo otra persona si quien lo escribió no puede estar: esa es la prueba de que está bien hecho.

- Cada **pie** (cue) lleva un número por departamento: L12 para luz, S5 para sonido, E3 para escena.
- Se marca el punto exacto del texto, la música o la acción donde se ejecuta.
- Se incluyen las listas de utilería por escena, los cambios rápidos de vestuario y las posiciones iniciales.

### La secuencia aviso–listo–va

Los pies se dan con una secuencia fija para que nadie se adelante: un **aviso** con tiempo ("aviso luz doce y sonido cinco"), la confirmación de cada operador ("luz lista", "sonido listo") y la orden de ejecución en el instante preciso ("luz doce... va"). La palabra de ejecución se dice sola y al final, nunca en medio de una frase.

:::tip Numere con espacio para cambios
Numere los pies de diez en diez o deje decimales disponibles (L12.5). En los ensayos generales aparecen pies nuevos y renumerar todo el libro la noche del estreno es una fuente segura de errores.
:::

:::practice Ejercicio: regir una escena
Elija una escena de cinco minutos de una obra que conozca (o un video de una función) y escriba su libro de regiduría: al menos cinco pies de luz, tres de sonido y uno de escena, con su aviso y su punto de ejecución. Pida a otra persona que lo "rija" en voz alta mientras mira la escena y anote dónde dudó.
:::
""",
            },
            "en": {
                "title": "Stage management: holding the performance together",
                "summary": (
                    "What the stage manager does, the prompt book and how light, "
                    "sound and scenery cues are called."
                ),
                "body": """
## A craft of coordination

Stage management is the bridge between the artistic direction, the cast and the technical crew. In rehearsals the stage manager records everything decided: entrances and exits, scenery moves, props, costume changes, lighting and sound effects. In performance, the stage manager calls every change at the exact moment and decides what to do when something unexpected happens.

In small companies stage management often takes on more: calls, schedules, contact with the venue, first-aid kit, keys. Its first tool is therefore order: a single source of truth that the whole team knows.

## The prompt book

The prompt book is the script or score of the piece with all technical notes in the margin. For pieces without text (dance, circus) it is built on the music, with timings or counts, or on a sequential description of the scenes. Someone else must be able to use it if its author cannot be there: that is the test of a good one.

- Every **cue** has a number per department: LX12 for lighting, SQ5 for sound, FLY3 or SC3 for scenery.
- The exact point in the text, music or action where it happens is marked.
- Props lists per scene, quick costume changes and opening positions are included.

### Standby, ready, go

Cues are called in a fixed sequence so nobody jumps ahead: a **standby** in good time ("standby LX twelve and sound cue five"), each operator's confirmation ("LX standing by", "sound standing by") and the execution word at the precise moment ("LX twelve... go"). The word "go" is said on its own and last, never in the middle of a sentence.

:::tip Number with room for changes
Number cues in tens or keep decimals free (LX12.5). New cues appear at the dress rehearsal, and renumbering the whole book on opening night is a sure source of mistakes.
:::

:::practice Exercise: call a scene
Choose a five-minute scene from a piece you know (or a video of a performance) and write its prompt book: at least five lighting cues, three sound cues and one scenery cue, each with its standby and its go point. Ask someone else to call it aloud while watching the scene and note where they hesitated.
:::
""",
            },
        },
        {
            "slug": "planificar-una-gira",
            "minutes": 55,
            "es": {
                "title": "Planificar una gira: ficha técnica, avance y presupuesto",
                "summary": (
                    "Cómo preparar la ficha técnica, coordinar con cada sala y "
                    "armar la logística y el presupuesto de una gira."
                ),
                "body": """
## La ficha técnica

La ficha técnica describe lo que el espectáculo necesita para hacerse: dimensiones mínimas del escenario (ancho, fondo, altura libre), tipo de piso (para danza y circo es crítico: linóleo, tarima, puntos de anclaje), planta de luces, listado de equipos de sonido y video, tiempos de montaje, función y desmontaje, personal técnico que debe poner la sala y camarines.

Haga dos versiones: la **ideal** y la **mínima** con la que la obra todavía funciona. Muchas salas de la región, sobre todo fuera de las capitales, tienen equipamiento limitado; una versión mínima bien pensada abre fechas que de otro modo se perderían.

## El avance con cada sala

El avance (advance) es la conversación técnica y de producción con cada sala, semanas antes de llegar. Se confirma: inventario real de la sala, horario de acceso, carga y descarga, personal disponible, corriente eléctrica, estacionamiento del vehículo, camarines, venta de entradas, hora de inicio y normas del lugar. Todo acuerdo se deja por escrito, aunque sea en un correo de resumen.

:::warning Lo que no se confirma no existe
"Sí, tenemos piso de danza" puede significar un linóleo en buen estado o unos rollos guardados sin cinta. Pida fotos, medidas y nombres. Un plano de la sala y una foto del escenario vacío evitan la mayoría de las sorpresas.
:::

## Logística

Para cada fecha, la hoja de ruta diaria reúne: horarios (viaje, llegada, montaje, prueba, función, desmontaje), direcciones, contactos, alojamiento y comidas. Planifique con holgura los traslados largos y los cruces de frontera: en giras internacionales, averigüe con anticipación los requisitos migratorios y laborales para artistas y los trámites aduaneros para escenografía y equipos en cada país de destino, que cambian y pueden tomar semanas.

## Presupuesto

Un presupuesto de gira separa:

- **Costos de producción por fecha**: honorarios del elenco y del equipo, viáticos, alojamiento, transporte local, alquileres de equipos que la sala no tiene.
- **Costos generales de la gira**: transporte de escenografía, seguros, materiales de difusión, imprevistos (reserve un porcentaje fijo).
- **Ingresos**: caché o garantía acordada con cada sala, porcentaje de taquilla, fondos públicos de circulación, venta de funciones a festivales.

Compare para cada fecha lo que cuesta y lo que deja: una gira sana combina fechas que financian a otras, pero sabe cuáles son.

:::practice Ejercicio: una gira de tres fechas
Arme la ficha técnica mínima de un espectáculo que conozca y el presupuesto de una gira de tres fechas en tres ciudades. Incluya la hoja de ruta del día más complicado y la lista de preguntas del avance que enviaría a la primera sala.
:::
""",
            },
            "en": {
                "title": "Planning a tour: rider, advancing and budget",
                "summary": (
                    "How to prepare the technical rider, advance each venue and "
                    "build a tour's logistics and budget."
                ),
                "body": """
## The technical rider

The technical rider describes what the show needs to happen: minimum stage dimensions (width, depth, clear height), floor type (critical for dance and circus: vinyl dance floor, sprung floor, rigging points), lighting plan, sound and video equipment list, get-in, show and get-out times, technical staff the venue must provide, and dressing rooms.

Write two versions: the **ideal** one and the **minimum** with which the piece still works. Many venues in the region, especially outside the capitals, have limited equipment; a well-thought-out minimum version opens dates that would otherwise be lost.

## Advancing each venue

Advancing is the technical and production conversation with each venue, weeks before arrival. Confirm: the venue's real inventory, access times, loading and unloading, available staff, power supply, vehicle parking, dressing rooms, ticketing, start time and house rules. Every agreement goes in writing, even as a summary e-mail.

:::warning What is not confirmed does not exist
"Yes, we have a dance floor" may mean vinyl in good condition or a few rolls stored without tape. Ask for photos, measurements and names. A venue plan and a photo of the empty stage prevent most surprises.
:::

## Logistics

For each date, the day sheet gathers: times (travel, arrival, get-in, soundcheck, show, get-out), addresses, contacts, accommodation and meals. Plan long journeys and border crossings with slack: on international tours, find out early the immigration and work requirements for artists and the customs formalities for scenery and equipment in each destination country, which change and can take weeks.

## Budget

A tour budget separates:

- **Production costs per date**: cast and crew fees, per diems, accommodation, local transport, hire of equipment the venue lacks.
- **General tour costs**: freight for scenery, insurance, promotional materials, contingency (set aside a fixed percentage).
- **Income**: fee or guarantee agreed with each venue, box-office share, public touring grants, sales of performances to festivals.

Compare, for each date, what it costs and what it brings in: a healthy tour combines dates that fund others, but knows which ones they are.

:::practice Exercise: a three-date tour
Build the minimum technical rider of a show you know and the budget of a three-date tour in three cities. Include the day sheet of the most complicated day and the list of advancing questions you would send to the first venue.
:::
""",
            },
        },
        {
            "slug": "montaje-seguro-y-funcion",
            "minutes": 50,
            "es": {
                "title": "Montaje seguro, función y reporte",
                "summary": (
                    "Organizar montaje y desmontaje con seguridad, preparar la "
                    "función y registrarla en un reporte."
                ),
                "body": """
## El montaje empieza antes de descargar

Al llegar a la sala, la regiduría o la dirección técnica recorre el espacio con el personal local: salidas de emergencia, extintores, tablero eléctrico, zonas de carga, varas y puntos de colgado, estado del piso. Luego se acuerda el orden de trabajo: normalmente primero lo que va en altura (luces, telones, aparatos aéreos), después escenografía y piso, y al final sonido, video y utilería.

Una reunión de cinco minutos al inicio, con todo el equipo, para repasar el plan del día y los riesgos evita la mayoría de los accidentes: nadie trabaja bajo una vara que se está moviendo, y se sabe quién manda en cada momento.

## Seguridad

- **Trabajo en altura**: escaleras y andamios en buen estado, alguien sujetando la escalera, herramientas amarradas, zona despejada debajo. Use arnés y sistemas anticaídas según las normas laborales de cada país.
- **Aéreos de circo**: los puntos de anclaje los valida una persona competente de la sala o un técnico de rigging; la compañía revisa su propio material (mosquetones, eslingas, giratorios) y lleva un registro de inspecciones.
- **Electricidad**: no sobrecargar circuitos, cables protegidos en zonas de paso, nada de empalmes improvisados.
- **Evacuación**: el elenco y el equipo conocen las salidas; la regiduría sabe cómo detener la función y a quién avisar.

:::warning Parar la función es una decisión de la regiduría
Si hay riesgo para el público, el elenco o el equipo, la regiduría detiene la función: se encienden luces de sala, se da un aviso claro y calmado, y se sigue el protocolo acordado con la sala. Acuerde ese protocolo en el avance, no durante la emergencia.
:::

## La función y el reporte

Antes de abrir sala se hace la revisión de preset: utilería en su lugar, escenografía en posición inicial, prueba de canales de intercomunicación, luces y sonido en su primer estado, elenco presente. La regiduría da las llamadas al elenco (por ejemplo a la media hora, a los quince y a los cinco minutos) y pide autorización a sala para empezar.

Después de cada función se escribe el **reporte de función**: hora de inicio y término, duración de cada acto, asistencia, incidencias técnicas o artísticas, accidentes, comentarios del público y tareas pendientes. Se envía el mismo día a la dirección, la producción y los departamentos. En una gira, los reportes son la memoria que permite mejorar de una fecha a la siguiente.

:::practice Ejercicio: reporte y protocolo
Redacte un reporte de función de una presentación real o simulada con al menos dos incidencias y las acciones que propone. Escriba además, en media página, el protocolo para detener una función en la sala donde suele trabajar.
:::
""",
            },
            "en": {
                "title": "Safe get-in, performance and show report",
                "summary": (
                    "Running get-in and get-out safely, preparing the performance "
                    "and recording it in a show report."
                ),
                "body": """
## The get-in starts before unloading

On arrival, the stage manager or technical director walks the space with the local crew: emergency exits, extinguishers, electrical board, loading areas, flybars and hanging points, condition of the floor. Then the order of work is agreed: usually what goes up high first (lights, drapes, aerial apparatus), then scenery and floor, and finally sound, video and props.

A five-minute meeting at the start, with the whole crew, to go over the plan of the day and its risks prevents most accidents: nobody works under a bar that is moving, and everyone knows who is in charge at each moment.

## Safety

- **Working at height**: ladders and towers in good condition, someone footing the ladder, tools tethered, the area below kept clear. Use harnesses and fall-arrest systems according to each country's workplace regulations.
- **Circus aerials**: anchor points are approved by a competent person from the venue or a rigging technician; the company inspects its own equipment (carabiners, slings, swivels) and keeps an inspection log.
- **Electricity**: do not overload circuits, protect cables in walkways, no improvised splices.
- **Evacuation**: cast and crew know the exits; the stage manager knows how to stop the show and whom to notify.

:::warning Stopping the show is the stage manager's call
If there is a risk to the audience, cast or crew, the stage manager stops the show: house lights up, a clear and calm announcement, and the procedure agreed with the venue. Agree that procedure when advancing, not during the emergency.
:::

## The performance and the report

Before the house opens, the preset check is done: props in place, scenery in its opening position, headset channels tested, lights and sound in their first state, cast present. The stage manager gives the cast their calls (for example at the half, fifteen and five minutes) and asks front of house for clearance to start.

After each performance the **show report** is written: start and end times, length of each act, attendance, technical or artistic incidents, accidents, audience comments and pending tasks. It is sent the same day to the director, producer and departments. On tour, the reports are the memory that lets the show improve from one date to the next.

:::practice Exercise: report and procedure
Write a show report for a real or simulated performance with at least two incidents and the actions you propose. Also write, in half a page, the procedure for stopping a performance in the venue where you usually work.
:::
""",
            },
        },
    ],
}
