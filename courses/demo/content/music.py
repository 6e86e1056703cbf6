"""Demo course: live sound for small venues."""
# ruff: noqa: E501

COURSE = {
    "sector": "music",
    "slug": "sonido-en-vivo-salas-pequenas",
    "level": "introductory",
    "estimated_hours": 10,
    "countries": ["CL", "CO", "MX", "PE"],
    "es": {
        "title": "Sonido en vivo para salas pequeñas",
        "summary": (
            "Montar y operar el sonido de un concierto en un bar, centro cultural "
            "o sala de hasta unas trescientas personas: cadena de señal, rider "
            "técnico, ganancia, ecualización, monitores y prueba de sonido."
        ),
        "description": (
            "<p>Para músicas y músicos que se sonorizan a sí mismos, técnicos que "
            "se inician y gestores de salas pequeñas. El curso parte de lo que "
            "hay en la mayoría de los espacios de la región: una consola "
            "compacta, un par de cajas activas y algunos monitores.</p>"
        ),
        "outcomes": [
            "Describir la cadena de señal de un escenario y detectar dónde falla.",
            "Redactar un rider técnico con lista de canales y plano de escenario.",
            "Ajustar ganancia y ecualización evitando la retroalimentación.",
            "Conducir una prueba de sonido ordenada cuidando la audición de todos.",
        ],
    },
    "en": {
        "title": "Live sound for small venues",
        "summary": (
            "Setting up and running the sound for a gig in a bar, arts centre or "
            "venue of up to about three hundred people: signal chain, technical "
            "rider, gain, equalisation, monitors and soundcheck."
        ),
        "description": (
            "<p>For musicians who run their own sound, technicians starting out "
            "and small-venue managers. The course starts from what most venues "
            "in the region have: a compact mixer, a pair of powered speakers and "
            "a few monitors.</p>"
        ),
        "outcomes": [
            "Describe a stage's signal chain and find where it fails.",
            "Write a technical rider with an input list and a stage plot.",
            "Set gain and equalisation while avoiding feedback.",
            "Run an orderly soundcheck that protects everyone's hearing.",
        ],
    },
    "lessons": [
        {
            "slug": "cadena-de-senal-y-rider",
            "minutes": 45,
            "es": {
                "title": "La cadena de señal y el rider técnico",
                "summary": (
                    "Del instrumento al oído del público, y cómo contarle a una "
                    "sala lo que su banda necesita."
                ),
                "body": """
## Seguir la señal

Todo sistema de sonido en vivo es una cadena: **fuente** (voz o instrumento), **transductor** (micrófono, pastilla o caja directa), **preamplificador** de la consola, **procesamiento** (ecualización, compresión, efectos), **mezcla**, **amplificación** y **altavoces**. Cuando algo no suena, se recorre la cadena en orden desde la fuente hasta encontrar el eslabón que falla: ¿llega señal al canal?, ¿se mueve el medidor?, ¿está abierto el envío?, ¿está encendida la caja?

Conviene distinguir tres niveles de señal. El nivel de micrófono es muy bajo y necesita el preamplificador. El nivel de línea (teclados, reproductores, salidas de consola) es mucho más alto. El nivel de instrumento (guitarra o bajo con pastillas pasivas) tiene alta impedancia y se lleva a la consola mediante una caja directa (DI), que además permite tramos largos de cable balanceado sin ruido.

### Micrófonos

- **Dinámicos**: resistentes, aguantan presión sonora alta, no necesitan alimentación. Son la base de voces, baterías y amplificadores en salas pequeñas.
- **De condensador**: más sensibles y detallados, necesitan alimentación fantasma (+48 V). Útiles en platillos, instrumentos acústicos y coros, pero captan más el entorno.
- El **patrón polar** importa más que la marca: un cardioide rechaza lo que llega por detrás, y ahí deben quedar los monitores.

## El rider técnico

El rider técnico es el documento con que una agrupación le dice a la sala qué necesita. Una sala pequeña agradece un rider corto y realista, de una o dos páginas, con:

1. La **lista de canales** (input list): número de canal, fuente, micrófono o DI preferido, y si necesita pie o +48 V.
2. El **plano de escenario** (stage plot): ubicación de cada integrante, amplificadores, tomas de corriente y monitores.
3. Las **mezclas de monitor** que se necesitan y quién escucha qué.
4. El contacto de la persona responsable del sonido de la banda.

:::tip Pida antes el inventario de la sala
Un rider que pide lo que la sala no tiene solo genera tensión. Solicite la lista de equipos de la sala y adapte el rider: indique qué es imprescindible, qué es deseable y qué puede traer la propia banda.
:::

:::practice Ejercicio: el rider de su agrupación
Escriba la lista de canales y dibuje el plano de escenario de una agrupación que conozca. Luego compárelo con el inventario de una sala real de su ciudad (muchas lo publican) y marque qué cambiaría para tocar allí.
:::
""",
            },
            "en": {
                "title": "The signal chain and the technical rider",
                "summary": (
                    "From the instrument to the audience's ears, and how to tell "
                    "a venue what your band needs."
                ),
                "body": """
## Follow the signal

Every live sound system is a chain: **source** (voice or instrument), **transducer** (microphone, pickup or direct box), the mixer's **preamp**, **processing** (equalisation, compression, effects), **mix**, **amplification** and **loudspeakers**. When something is silent, walk the chain in order from the source until you find the failing link: is signal reaching the channel, is the meter moving, is the send open, is the speaker switched on?

Tell three signal levels apart. Microphone level is very low and needs the preamp. Line level (keyboards, players, mixer outputs) is much higher. Instrument level (guitar or bass with passive pickups) is high-impedance and reaches the mixer through a direct box (DI), which also lets you run long lengths of balanced cable without noise.

### Microphones

- **Dynamic**: rugged, handle high sound pressure, need no power. The backbone for vocals, drums and amps in small venues.
- **Condenser**: more sensitive and detailed, need phantom power (+48 V). Useful on cymbals, acoustic instruments and choirs, but they pick up more of the room.
- The **polar pattern** matters more than the brand: a cardioid rejects what arrives from behind, and that is where the monitors belong.

## The technical rider

The technical rider is the document in which a band tells the venue what it needs. A small venue appreciates a short, realistic rider of one or two pages, with:

1. The **input list**: channel number, source, preferred microphone or DI, and whether it needs a stand or +48 V.
2. The **stage plot**: where each member stands, amplifiers, power outlets and monitors.
3. The **monitor mixes** needed and who hears what.
4. The contact of the person in charge of the band's sound.

:::tip Ask for the venue's inventory first
A rider that asks for what the venue does not have only creates tension. Ask for the venue's equipment list and adapt the rider: say what is essential, what is desirable, and what the band can bring itself.
:::

:::practice Exercise: your band's rider
Write the input list and draw the stage plot of a band you know. Then compare it with the inventory of a real venue in your city (many publish theirs) and mark what you would change to play there.
:::
""",
            },
        },
        {
            "slug": "ganancia-ecualizacion-monitores",
            "minutes": 50,
            "es": {
                "title": "Ganancia, ecualización y monitores sin acoples",
                "summary": (
                    "La estructura de ganancia, el uso del ecualizador y cómo "
                    "evitar la retroalimentación en escenarios pequeños."
                ),
                "body": """
## La estructura de ganancia

La ganancia del preamplificador se ajusta primero y con el fader del canal en su posición de referencia (marcada como 0 o U). Pida a la fuente que toque o cante tan fuerte como lo hará en el punto más intenso del concierto y suba la ganancia hasta que el medidor quede con margen holgado antes de la zona roja. Con poca ganancia subirá el ruido al compensar más adelante; con demasiada, la señal se distorsiona y no hay fader que lo arregle.

Después se arma la mezcla con los faders, partiendo de una base (voz y bombo, por ejemplo) y sumando lo demás alrededor. Si todo queda con los faders muy abajo, el problema está en la ganancia o en el nivel del master, no en la mezcla.

## Ecualizar: primero restar

El filtro de paso alto (HPF) es la herramienta más útil de la consola: cortar los graves que un micrófono no necesita (voces, platillos, guitarras) limpia la mezcla y reduce ruidos de escenario y golpes. Luego, en lugar de subir lo que falta, pruebe a bajar lo que sobra: unos pocos decibeles menos en la zona que "embarra" suelen funcionar mejor que realzar agudos.

:::warning La sala también ecualiza
Una sala vacía suena distinta de una sala llena: el público absorbe sonido, sobre todo agudos y reverberación. No persiga la perfección en la prueba; deje margen y ajuste durante las primeras canciones.
:::

## Retroalimentación (acoples)

El acople aparece cuando un micrófono capta el sonido de un altavoz que reproduce ese mismo micrófono, y el lazo se realimenta en una frecuencia. Para prevenirlo, en este orden:

1. Acerque la fuente al micrófono: es la mejora más eficaz y gratuita.
2. Ubique los monitores en la zona de rechazo del micrófono y las cajas principales delante de la línea de micrófonos.
3. Abra solo los micrófonos que están en uso.
4. "Timbre" los monitores: suba poco a poco el envío con el micrófono en su lugar hasta que aparezca el primer acople, identifique la frecuencia y atenúela con un filtro estrecho del ecualizador del monitor; repita con la siguiente, sin pasarse de tres o cuatro cortes.

:::practice Ejercicio: timbrar un monitor
Con una consola, un micrófono dinámico y un monitor, timbre el monitor siguiendo los pasos de esta lección. Anote las frecuencias que acoplaron y cuántos decibeles cortó. Repita moviendo el monitor 30 grados y compare los resultados.
:::
""",
            },
            "en": {
                "title": "Gain, equalisation and feedback-free monitors",
                "summary": (
                    "Gain structure, using the equaliser and avoiding feedback on "
                    "small stages."
                ),
                "body": """
## Gain structure

Set the preamp gain first, with the channel fader at its reference position (marked 0 or U). Ask the source to play or sing as loud as they will at the loudest moment of the show and raise the gain until the meter sits with comfortable headroom below the red. Too little gain and you add noise when you make it up later; too much and the signal distorts, and no fader will fix it.

Then build the mix with the faders, starting from a foundation (vocal and kick drum, for example) and adding the rest around it. If every fader ends up very low, the problem lies in the gain or the master level, not the mix.

## Equalise: cut first

The high-pass filter (HPF) is the most useful tool on the desk: removing lows a microphone does not need (vocals, cymbals, guitars) cleans up the mix and reduces stage rumble and thumps. Then, instead of boosting what is missing, try cutting what is in excess: a few decibels less in the "muddy" region often works better than boosting the highs.

:::warning The room equalises too
An empty room sounds different from a full one: the audience absorbs sound, especially highs and reverberation. Do not chase perfection at soundcheck; leave headroom and adjust during the first songs.
:::

## Feedback

Feedback happens when a microphone picks up a loudspeaker that is reproducing that same microphone, and the loop builds up at one frequency. To prevent it, in this order:

1. Bring the source closer to the microphone: the most effective fix, and it costs nothing.
2. Place monitors in the microphone's rejection zone and the main speakers in front of the line of microphones.
3. Open only the microphones in use.
4. "Ring out" the monitors: slowly raise the send with the microphone in place until the first feedback appears, identify the frequency and cut it with a narrow filter on the monitor's equaliser; repeat with the next, without going past three or four cuts.

:::practice Exercise: ring out a monitor
With a mixer, a dynamic microphone and a monitor, ring out the monitor following the steps in this lesson. Write down the frequencies that fed back and how many decibels you cut. Repeat after turning the monitor 30 degrees and compare.
:::
""",
            },
        },
        {
            "slug": "prueba-de-sonido-y-concierto",
            "minutes": 45,
            "es": {
                "title": "Prueba de sonido, concierto y cuidado auditivo",
                "summary": (
                    "Cómo ordenar la prueba de sonido, operar durante el show y "
                    "proteger la audición del público y del equipo."
                ),
                "body": """
## Una prueba de sonido ordenada

El tiempo de prueba siempre es menos del que se quisiera, así que se organiza. Antes de que llegue la banda, haga un **chequeo de línea**: con alguien en el escenario, rasque o hable en cada micrófono y confirme que cada canal llega a la consola en el número que dice la lista. Esto separa los problemas técnicos de los musicales.

Luego pruebe canal por canal, de los instrumentos más fuertes a los más suaves (batería, bajo, guitarras, teclados, voces), ajustando ganancia y filtro de paso alto. Después arme los monitores, que es lo que más necesita la banda para tocar bien, y por último toque una o dos canciones completas para equilibrar la mezcla de sala.

:::tip Acuerde señas antes de empezar
Durante el concierto no hay tiempo para explicar. Acuerde con la banda gestos simples: señalar el monitor y hacia arriba para "más de esto en mi monitor", palma hacia abajo para "menos". Ubíquese donde la banda pueda verle.
:::

## Durante el concierto

Mezcle desde un punto donde escuche lo que escucha el público, no detrás de un muro ni pegado a una caja. Siga la música: abra y cierre solos, cuide que la voz se entienda siempre y que el volumen general no suba canción a canción sin que nadie lo decida. Anote lo que cambió para la próxima fecha.

## Cuidar la audición

La exposición prolongada a niveles altos produce daño auditivo permanente, y en salas pequeñas el escenario y la primera fila pueden estar muy por encima de lo que se percibe como "fuerte". La Organización Mundial de la Salud publicó en 2022 un estándar para locales y eventos de escucha segura que recomienda no superar un nivel promedio de 100 dB(A) en intervalos de 15 minutos, medir y registrar el nivel, y ofrecer protección auditiva y zonas de descanso.

- Use un sonómetro (o una aplicación calibrada) en la posición de mezcla y registre el nivel.
- Tenga tapones disponibles para el público y para el equipo técnico.
- Proteja sus propios oídos durante la prueba de batería y en los monitores.

:::practice Ejercicio: plan de prueba de sonido
Para una banda de cinco integrantes con 45 minutos de prueba, escriba el orden y el tiempo asignado a cada paso de esta lección. Agregue cómo medirá el nivel durante el concierto y qué hará si supera el límite acordado.
:::
""",
            },
            "en": {
                "title": "Soundcheck, show and hearing care",
                "summary": (
                    "How to organise soundcheck, run the show and protect the "
                    "hearing of the audience and crew."
                ),
                "body": """
## An orderly soundcheck

There is always less soundcheck time than you would like, so organise it. Before the band arrives, do a **line check**: with someone on stage, scratch or speak into each microphone and confirm each channel reaches the desk on the number in the input list. This separates technical problems from musical ones.

Then check channel by channel, from the loudest instruments to the quietest (drums, bass, guitars, keys, vocals), setting gain and high-pass filter. Next build the monitor mixes, which is what the band needs most to play well, and finally play one or two full songs to balance the front-of-house mix.

:::tip Agree on signals before you start
During the show there is no time to explain. Agree simple gestures with the band: pointing at the monitor and up for "more of this in my monitor", palm down for "less". Stand where the band can see you.
:::

## During the show

Mix from a spot where you hear what the audience hears, not behind a wall or stuck to a speaker. Follow the music: bring solos up and down, make sure the vocal is always understood and that the overall level does not creep up song after song without anyone deciding it. Write down what changed for the next date.

## Looking after hearing

Prolonged exposure to high levels causes permanent hearing damage, and in small venues the stage and front row can be far above what feels "loud". In 2022 the World Health Organization published a global standard for safe listening venues and events that recommends not exceeding an average level of 100 dB(A) over 15-minute intervals, measuring and logging levels, and offering hearing protection and quiet zones.

- Use a sound level meter (or a calibrated app) at the mix position and log the level.
- Keep earplugs available for the audience and the crew.
- Protect your own ears during the drum check and at the monitors.

:::practice Exercise: a soundcheck plan
For a five-piece band with 45 minutes of soundcheck, write the order and the time allotted to each step in this lesson. Add how you will measure the level during the show and what you will do if it goes above the agreed limit.
:::
""",
            },
        },
    ],
}
