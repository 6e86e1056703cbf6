"""Demo course: inventory and preventive conservation of a community collection."""
# ruff: noqa: E501

QUIZ = {
    "sector": "heritage",
    "es": {
        "title": "Cuestionario: inventario y conservación preventiva",
        "instructions": "Responda las preguntas. Verá sus resultados y una explicación al enviar.",
        "questions": (
            "? ¿Qué caracteriza a un buen número de inventario?\n"
            "* Es único y no se reutiliza aunque el objeto salga de la colección\n"
            "- Cambia cada vez que el objeto se mueve de estante\n"
            "- Se escribe con tinta permanente directamente sobre la pieza\n"
            "> El número une el objeto con su ficha para siempre; se marca de forma reversible y discreta.\n\n"
            "? ¿Cuáles son agentes de deterioro?\n"
            "* La luz\n"
            "* Las plagas\n"
            "* La humedad relativa incorrecta\n"
            "- La ficha de inventario\n"
            "> La conservación preventiva trabaja sobre los agentes de deterioro antes de que dañen la colección.\n\n"
            "? Una humedad relativa estable es, en general, más importante que alcanzar un valor ideal exacto.\n"
            "= verdadero\n"
            "> Los cambios bruscos de humedad dañan más que un valor algo alto o bajo pero estable.\n\n"
            "? ¿Cómo se llama el registro de entrada de un objeto a la colección, con su procedencia y la forma en que llegó?\n"
            "~ registro de ingreso\n"
            "~ ingreso\n"
            "~ acta de ingreso\n"
            "> El ingreso documenta la procedencia y la forma de adquisición (donación, préstamo, compra).\n\n"
            "? Para manipular metales conviene usar guantes de algodón.\n"
            "= falso\n"
            "> Los guantes de nitrilo protegen los metales de la grasa de la piel y permiten un mejor agarre."
        ),
    },
    "en": {
        "title": "Quiz: inventory and preventive conservation",
        "instructions": "Answer the questions. You will see your results and an explanation when you submit.",
        "questions": (
            "? What makes a good inventory number?\n"
            "* It is unique and never reused, even if the object leaves the collection\n"
            "- It changes every time the object moves shelf\n"
            "- It is written in permanent ink straight onto the object\n"
            "> The number links the object to its record for good; it is marked reversibly and discreetly.\n\n"
            "? Which are agents of deterioration?\n"
            "* Light\n"
            "* Pests\n"
            "* Incorrect relative humidity\n"
            "- The inventory record\n"
            "> Preventive conservation works on the agents of deterioration before they damage the collection.\n\n"
            "? A stable relative humidity generally matters more than reaching an exact ideal value.\n"
            "= true\n"
            "> Sudden changes in humidity do more harm than a value slightly high or low but stable.\n\n"
            "? What is the record of an object entering the collection, with its provenance and how it arrived, called?\n"
            "~ accession record\n"
            "~ accession\n"
            "~ accessioning\n"
            "> Accessioning documents provenance and the means of acquisition (gift, loan, purchase).\n\n"
            "? Cotton gloves are the best choice for handling metals.\n"
            "= false\n"
            "> Nitrile gloves protect metals from skin grease and give a better grip."
        ),
    },
    "pass_mark": 70,
    "max_attempts": 3,
    "time_limit_minutes": 20,
}

COURSE = {
    "sector": "heritage",
    "slug": "inventario-coleccion-comunitaria",
    "level": "introductory",
    "estimated_hours": 10,
    "countries": ["CL", "CO", "MX", "PE"],
    "es": {
        "title": "Inventario y conservación preventiva de una colección comunitaria",
        "summary": (
            "Cómo registrar, cuidar y proteger los objetos de un museo "
            "comunitario, una casa de la cultura o un archivo local: ficha de "
            "inventario, numeración, agentes de deterioro, manipulación, "
            "almacenamiento y plan de emergencia."
        ),
        "description": (
            "<p>Para personas que cuidan colecciones sin un equipo profesional "
            "de conservación: gestores de museos comunitarios, bibliotecas "
            "locales, parroquias, cooperativas artesanales y organizaciones "
            "indígenas. El curso parte de recursos modestos y decisiones "
            "prácticas, y respeta que la comunidad decide qué se registra y "
            "qué se comparte.</p>"
        ),
        "outcomes": [
            "Asignar números de inventario y completar una ficha con los datos mínimos de cada objeto.",
            "Reconocer los agentes de deterioro y priorizar los riesgos de una colección.",
            "Manipular, embalar y almacenar objetos con materiales adecuados y al alcance.",
            "Preparar un plan de emergencia sencillo con las prioridades de rescate.",
        ],
    },
    "en": {
        "title": "Inventory and preventive conservation of a community collection",
        "summary": (
            "How to record, care for and protect the objects of a community "
            "museum, an arts centre or a local archive: inventory record, "
            "numbering, agents of deterioration, handling, storage and an "
            "emergency plan."
        ),
        "description": (
            "<p>For people who look after collections without a professional "
            "conservation team: managers of community museums, local "
            "libraries, parishes, craft cooperatives and Indigenous "
            "organisations. The course starts from modest resources and "
            "practical decisions, and respects that the community decides "
            "what is recorded and what is shared.</p>"
        ),
        "outcomes": [
            "Assign inventory numbers and complete a record with the minimum data for each object.",
            "Recognise the agents of deterioration and rank the risks to a collection.",
            "Handle, pack and store objects with suitable, affordable materials.",
            "Prepare a simple emergency plan with salvage priorities.",
        ],
    },
    "lessons": [
        {
            "slug": "inventario-ficha-y-numero",
            "minutes": 50,
            "es": {
                "title": "Inventariar: la ficha, el número y la fotografía",
                "summary": (
                    "Qué datos registrar de cada objeto, cómo numerarlo sin "
                    "dañarlo y cómo documentar su procedencia con la comunidad."
                ),
                "body": """
## Por qué inventariar primero

Una colección sin inventario no se puede cuidar ni defender: no se sabe qué hay, dónde está ni en qué estado se encuentra, y si un objeto se pierde o es robado no hay cómo probar que existía. El inventario es la base de toda otra tarea: la conservación, los préstamos, la exhibición, la investigación y la denuncia ante la autoridad si algo desaparece.

Inventariar no exige un programa informático costoso. Una planilla bien diseñada, respaldada en dos lugares, sirve a una colección de cientos de objetos. Lo importante es que cada objeto tenga **un número único**, una **ficha** con datos mínimos y **fotografías** que permitan reconocerlo.

## La ficha mínima

El estándar internacional Object ID, pensado para identificar bienes culturales robados, ofrece una buena lista de datos mínimos:

- tipo de objeto y título o nombre con que la comunidad lo conoce;
- materiales y técnica;
- medidas (alto, ancho, profundidad o diámetro, peso si es relevante);
- inscripciones y marcas: firmas, sellos, números antiguos;
- rasgos distintivos: reparaciones, faltantes, manchas;
- tema o descripción breve;
- fecha o período, y autoría o comunidad de origen cuando se conocen.

A esos datos se suman los de gestión: fecha de ingreso, forma de adquisición (donación, préstamo, compra, hallazgo), persona o familia de procedencia, ubicación actual y estado de conservación.

:::note El conocimiento de la comunidad también es dato
Muchos objetos de una colección comunitaria tienen nombres, usos y relatos que solo conocen sus portadores. Regístrelos con su consentimiento y anote quién los compartió. Algunos saberes pueden ser reservados: acuerde con la comunidad qué campos de la ficha serán públicos y cuáles no.
:::

## Numerar sin dañar

El número se marca en el objeto de forma **reversible, discreta y duradera**: en un lugar que no se vea en exhibición y que no se desgaste con la manipulación. En cerámica o madera se aplica una capa de barniz reversible, se escribe el número con tinta de archivo y se protege con otra capa. En textiles se cose una cinta de algodón con el número escrito. En papel se escribe con lápiz blando en el reverso. Nunca se usan etiquetas autoadhesivas ni tinta permanente directamente sobre la pieza.

:::practice Ejercicio: diez fichas
Elija diez objetos de una colección a la que tenga acceso (o de su propia casa, para practicar). Asigne números, complete la ficha mínima de cada uno y tome dos fotografías: una general con una escala y una de un rasgo distintivo. Revise si otra persona podría reconocer cada objeto solo con su ficha.
:::
""",
            },
            "en": {
                "title": "Inventorying: the record, the number and the photograph",
                "summary": (
                    "What to record for each object, how to number it without "
                    "harming it and how to document its provenance with the community."
                ),
                "body": """
## Why the inventory comes first

A collection without an inventory cannot be cared for or defended: nobody knows what is there, where it is or what condition it is in, and if an object is lost or stolen there is no way to prove it existed. The inventory underpins every other task: conservation, loans, display, research, and reporting to the authorities if something disappears.

Inventorying does not require expensive software. A well-designed spreadsheet, backed up in two places, serves a collection of hundreds of objects. What matters is that each object has **a unique number**, a **record** with minimum data and **photographs** that make it recognisable.

## The minimum record

The international Object ID standard, designed to identify stolen cultural property, offers a good list of minimum data:

- type of object and the title or name the community knows it by;
- materials and technique;
- measurements (height, width, depth or diameter, weight if relevant);
- inscriptions and markings: signatures, stamps, old numbers;
- distinguishing features: repairs, missing parts, stains;
- subject or a short description;
- date or period, and maker or community of origin when known.

To these, add management data: date of accession, means of acquisition (gift, loan, purchase, find), the person or family it came from, current location and condition.

:::note The community's knowledge is data too
Many objects in a community collection have names, uses and stories that only their keepers know. Record them with their consent and note who shared them. Some knowledge may be restricted: agree with the community which fields of the record will be public and which will not.
:::

## Numbering without harm

The number is marked on the object in a way that is **reversible, discreet and durable**: somewhere not visible on display and not worn away by handling. On ceramics or wood, apply a layer of reversible varnish, write the number in archival ink and protect it with a second layer. On textiles, sew on a cotton tape with the number written on it. On paper, write with a soft pencil on the back. Never use self-adhesive labels or permanent ink straight onto the object.

:::practice Exercise: ten records
Choose ten objects from a collection you have access to (or from your own home, to practise). Assign numbers, complete the minimum record for each and take two photographs: a general view with a scale and a close-up of a distinguishing feature. Check whether someone else could recognise each object from its record alone.
:::
""",
            },
        },
        {
            "slug": "agentes-de-deterioro",
            "minutes": 50,
            "es": {
                "title": "Los agentes de deterioro y el ambiente de la colección",
                "summary": (
                    "Los diez agentes que dañan las colecciones, la humedad, "
                    "la luz y las plagas, y cómo priorizar con pocos recursos."
                ),
                "body": """
## Diez agentes, una forma de pensar

La conservación preventiva no espera a que un objeto se dañe para tratarlo: actúa sobre las causas. Una forma práctica de ordenarlas es la lista de **diez agentes de deterioro** que difunde el Instituto Canadiense de Conservación: fuerzas físicas, robo y vandalismo, fuego, agua, plagas, contaminantes, luz y radiación ultravioleta, temperatura incorrecta, humedad relativa incorrecta y disociación (la pérdida de información o de la relación entre el objeto y sus datos).

Para cada agente se piensa en cinco acciones, en este orden: **evitar** que llegue, **bloquear** su paso, **detectar** su presencia, **responder** cuando actúa y **recuperar** lo dañado. Un techo revisado antes de la temporada de lluvias evita el agua; una caja bloquea el polvo y la luz; una trampa adhesiva detecta insectos.

## Humedad y temperatura

La madera, el papel, el cuero y los textiles absorben y pierden humedad según el ambiente, y se hinchan o encogen con ella. Los cambios bruscos provocan grietas, deformaciones y desprendimientos; la humedad alta y sostenida favorece el moho y la corrosión de metales. Por eso, **la estabilidad importa más que un valor ideal**: una sala que se mantiene entre 45 % y 60 % todo el año es mejor que una que alcanza 50 % por la mañana y 80 % por la noche.

Un registrador de datos (*datalogger*) económico, instalado durante un año, muestra cómo se comporta cada sala. Con esos datos se decide dónde guardar lo más sensible: lejos de muros exteriores, de ventanas y del suelo.

:::warning No improvise con calor o deshumidificación intensa
Secar rápidamente un objeto mojado o calentar una sala húmeda puede causar más daño que la humedad misma. Ante un problema grave, consulte a un conservador o a la institución de patrimonio de su país antes de intervenir.
:::

## Luz y plagas

La luz es acumulativa e irreversible: decolora tintes, pigmentos y papel, aunque se trate de luz débil durante mucho tiempo. Se controla cerrando cortinas, rotando las piezas expuestas, usando fundas y manteniendo en cajas lo que no se exhibe.

Las plagas (polillas, carcomas, pececillos de plata, roedores) se controlan con limpieza regular, sin comida en las salas, con revisión de todo objeto que ingresa y con trampas adhesivas revisadas cada mes. Un objeto con señales de plaga se aísla en una bolsa cerrada hasta decidir el tratamiento.

:::practice Ejercicio: recorrido de riesgos
Recorra el espacio donde se guarda la colección con la lista de los diez agentes. Para cada uno anote qué encontró (una gotera, una ventana sin cortina, restos de insectos) y califique el riesgo de 1 a 3. Elija las tres acciones más baratas que reducirían los riesgos más altos.
:::
""",
            },
            "en": {
                "title": "The agents of deterioration and the collection's environment",
                "summary": (
                    "The ten agents that damage collections, humidity, light "
                    "and pests, and how to set priorities with few resources."
                ),
                "body": """
## Ten agents, one way of thinking

Preventive conservation does not wait for an object to be damaged before treating it: it acts on the causes. A practical way to order them is the list of **ten agents of deterioration** published by the Canadian Conservation Institute: physical forces, theft and vandalism, fire, water, pests, pollutants, light and ultraviolet radiation, incorrect temperature, incorrect relative humidity, and dissociation (the loss of information or of the link between an object and its data).

For each agent there are five actions, in this order: **avoid** it reaching the collection, **block** its path, **detect** its presence, **respond** when it strikes and **recover** what was damaged. A roof checked before the rainy season avoids water; a box blocks dust and light; a sticky trap detects insects.

## Humidity and temperature

Wood, paper, leather and textiles take up and give off moisture according to their surroundings, and swell or shrink with it. Sudden changes cause cracks, warping and flaking; high, sustained humidity encourages mould and the corrosion of metals. That is why **stability matters more than an ideal value**: a room that stays between 45% and 60% all year is better than one that reaches 50% in the morning and 80% at night.

An inexpensive data logger, left in place for a year, shows how each room behaves. With that data you decide where to keep the most sensitive objects: away from outside walls, windows and the floor.

:::warning Do not improvise with heat or aggressive drying
Drying a wet object quickly or heating a damp room can do more harm than the moisture itself. Faced with a serious problem, consult a conservator or your country's heritage institution before intervening.
:::

## Light and pests

Light damage is cumulative and irreversible: it fades dyes, pigments and paper, even when the light is dim but lasts a long time. It is controlled by drawing curtains, rotating the objects on display, using covers and keeping in boxes what is not on show.

Pests (clothes moths, woodworm, silverfish, rodents) are controlled by regular cleaning, no food in the rooms, inspecting every object that comes in, and sticky traps checked every month. An object showing signs of pests is isolated in a sealed bag until a treatment is decided.

:::practice Exercise: a risk walk
Walk through the space where the collection is kept with the list of ten agents. For each one, note what you found (a leak, a window without a curtain, insect remains) and rate the risk from 1 to 3. Choose the three cheapest actions that would reduce the highest risks.
:::
""",
            },
        },
        {
            "slug": "manipulacion-almacenaje-emergencias",
            "minutes": 55,
            "quiz": QUIZ,
            "es": {
                "title": "Manipulación, almacenamiento y plan de emergencia",
                "summary": (
                    "Reglas para mover objetos, materiales de guarda al alcance "
                    "y un plan de emergencia con prioridades de rescate."
                ),
                "body": """
## Manipular con método

La mayoría de los daños en colecciones pequeñas ocurre al mover objetos. Antes de levantar una pieza, se prepara el destino y el camino, se observa el objeto para ver sus partes débiles y se decide cómo tomarlo. Las reglas básicas son sencillas:

- una pieza a la vez, con las dos manos, sosteniéndola por su parte más firme y nunca por asas, bordes o salientes;
- manos limpias y secas; guantes de nitrilo para metales, fotografías y objetos con superficies delicadas;
- objetos grandes o pesados, siempre entre dos personas y con una bandeja o carro;
- nada de lápices de tinta, comida ni bebidas cerca de la colección.

## Guardar bien con poco

Un buen almacenamiento protege contra casi todos los agentes de deterioro a la vez. Los objetos se guardan en estanterías metálicas o de madera sellada, separados del suelo al menos diez centímetros, dentro de cajas o envueltos en materiales estables: papel y cartón libres de ácido, tela de algodón lavada sin apresto, espuma de polietileno. Los textiles se guardan planos o enrollados en tubos, nunca doblados por el mismo lugar durante años. Los papeles van en carpetas, sin clips metálicos ni cintas adhesivas.

Cada caja y cada estante se rotulan con los números de inventario de lo que contienen, y la ubicación se actualiza en la ficha cada vez que algo se mueve. Así se evita la disociación: un objeto que no se encuentra es, para la colección, un objeto perdido.

:::tip Empiece por lo más valioso y lo más frágil
Si el presupuesto no alcanza para todo, compre materiales de guarda primero para los objetos que la comunidad considera más importantes y para los más vulnerables (papel, textiles, fotografías).
:::

## El plan de emergencia

Inundaciones, incendios y sismos son riesgos reales en los cuatro países. Un plan de emergencia sencillo cabe en dos páginas e incluye: los contactos de quienes deben acudir, la ubicación de llaves, extintores y cortes de luz y agua, una lista corta de **prioridades de rescate** (los diez o veinte objetos que se salvarían primero, marcados en un plano) y un botiquín con bolsas, papel absorbente, guantes, linternas y cinta para señalizar. Una copia del inventario debe guardarse fuera del edificio.

:::practice Ejercicio: su plan en dos páginas
Redacte el plan de emergencia de la colección con la que trabaja: contactos, plano con salidas y prioridades de rescate, y lista del botiquín. Preséntelo a la comunidad o a su equipo y acuerden una fecha para un simulacro.
:::

## Evaluación

Compruebe lo aprendido en el curso con el siguiente cuestionario.
""",
            },
            "en": {
                "title": "Handling, storage and an emergency plan",
                "summary": (
                    "Rules for moving objects, affordable storage materials and "
                    "an emergency plan with salvage priorities."
                ),
                "body": """
## Handling with method

Most damage in small collections happens when objects are moved. Before lifting an object, prepare where it is going and the route, look at the object to find its weak points and decide how to hold it. The basic rules are simple:

- one object at a time, with both hands, supporting it by its strongest part and never by handles, rims or projections;
- clean, dry hands; nitrile gloves for metals, photographs and objects with delicate surfaces;
- large or heavy objects always moved by two people with a tray or trolley;
- no ink pens, food or drink near the collection.

## Good storage on a small budget

Good storage protects against almost every agent of deterioration at once. Objects are kept on metal or sealed-wood shelving, at least ten centimetres off the floor, inside boxes or wrapped in stable materials: acid-free paper and board, washed unstarched cotton, polyethylene foam. Textiles are stored flat or rolled on tubes, never folded along the same line for years. Papers go in folders, without metal clips or sticky tape.

Each box and shelf is labelled with the inventory numbers of what it holds, and the location is updated in the record whenever something moves. This prevents dissociation: an object that cannot be found is, for the collection, a lost object.

:::tip Start with the most valued and the most fragile
If the budget does not stretch to everything, buy storage materials first for the objects the community considers most important and for the most vulnerable ones (paper, textiles, photographs).
:::

## The emergency plan

Floods, fires and earthquakes are real risks in all four countries. A simple emergency plan fits on two pages and includes: the contacts of those who must come, where the keys, fire extinguishers and mains switches for power and water are, a short list of **salvage priorities** (the ten or twenty objects to be saved first, marked on a floor plan) and a kit with bags, absorbent paper, gloves, torches and tape for marking. A copy of the inventory must be kept outside the building.

:::practice Exercise: your plan on two pages
Write the emergency plan for the collection you work with: contacts, a floor plan with exits and salvage priorities, and the kit list. Present it to the community or your team and agree a date for a drill.
:::

## Assessment

Check what you learned in the course with the following quiz.
""",
            },
        },
    ],
}
