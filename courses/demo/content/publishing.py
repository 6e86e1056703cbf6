"""Demo course: independent publishing, from manuscript to book."""
# ruff: noqa: E501

COURSE = {
    "sector": "publishing",
    "slug": "edicion-independiente",
    "level": "introductory",
    "estimated_hours": 12,
    "countries": ["CL", "CO", "MX", "PE"],
    "es": {
        "title": "Edición independiente: del manuscrito al libro",
        "summary": (
            "Cómo convertir un manuscrito en un libro publicado con un sello "
            "independiente: etapas editoriales, ISBN, depósito legal y metadatos, "
            "costos, tirada, precio y distribución en los países de la Alianza "
            "del Pacífico."
        ),
        "description": (
            "<p>Un curso práctico para editoras y editores que empiezan o que "
            "quieren ordenar su trabajo. Recorre el camino completo de un título, "
            "desde la evaluación del manuscrito hasta que el libro llega a una "
            "librería, con ejercicios que se aplican a un proyecto propio.</p>"
        ),
        "outcomes": [
            "Planificar las etapas editoriales de un título con su calendario.",
            "Tramitar el ISBN y el depósito legal y preparar metadatos completos.",
            "Calcular el costo unitario, el punto de equilibrio y el precio de venta.",
            "Elegir canales de distribución según tirada, público y márgenes.",
        ],
    },
    "en": {
        "title": "Independent publishing: from manuscript to book",
        "summary": (
            "How to turn a manuscript into a book published by an independent "
            "press: editorial stages, ISBN, legal deposit and metadata, costs, "
            "print runs, pricing and distribution across the Pacific Alliance "
            "countries."
        ),
        "description": (
            "<p>A hands-on course for publishers who are starting out or want to "
            "put their work in order. It follows a title all the way, from "
            "assessing the manuscript to the book reaching a bookshop, with "
            "exercises applied to a project of your own.</p>"
        ),
        "outcomes": [
            "Plan the editorial stages of a title with its schedule.",
            "Obtain an ISBN and legal deposit and prepare complete metadata.",
            "Work out unit cost, break-even point and retail price.",
            "Choose distribution channels by print run, readership and margins.",
        ],
    },
    "lessons": [
        {
            "slug": "del-manuscrito-al-libro",
            "minutes": 50,
            "es": {
                "title": "Del manuscrito al libro: las etapas editoriales",
                "summary": (
                    "Qué ocurre entre la llegada de un manuscrito y la entrega de "
                    "archivos a imprenta, y quién hace cada cosa."
                ),
                "body": """
## Un libro es una cadena de decisiones

Publicar no es solo imprimir un texto. Entre el manuscrito y el libro hay una serie de etapas que se encadenan: cada una depende de la anterior y un error temprano se paga caro al final. Una editorial independiente pequeña suele reunir varias funciones en pocas personas, por eso conviene tener claro el orden y el propósito de cada etapa aunque la misma persona haga varias.

El ciclo habitual es: evaluación y contratación, edición de fondo, corrección de estilo, diseño y diagramación, corrección de pruebas, preparación de archivos finales e impresión. En paralelo corren tareas administrativas (ISBN, depósito legal, metadatos) y comerciales (precio, presentación a distribuidores, prensa).

## Evaluación y contrato

La evaluación responde a tres preguntas: si el texto encaja en la línea del catálogo, si tiene un público identificable y si el proyecto es viable con los recursos disponibles. Un informe de lectura de una o dos páginas ayuda a decidir y a explicar la decisión a la autora o al autor.

Antes de trabajar el texto, firme un contrato de edición. Debe indicar qué derechos se ceden (formato impreso, digital, audio, traducciones), en qué territorio, por cuánto tiempo, la remuneración (porcentaje sobre el precio de venta, anticipo si lo hay) y cómo se rinden cuentas. Las leyes de derecho de autor de cada país fijan requisitos propios; consulte la oficina nacional de derecho de autor antes de usar un modelo de contrato de otro país.

## Edición de fondo, corrección de estilo y pruebas

La **edición de fondo** trabaja la estructura: orden de capítulos, vacíos de información, ritmo, coherencia de personajes o argumentos. Se hace sobre el texto completo y en diálogo con quien escribe.

La **corrección de estilo** trabaja la frase: claridad, repeticiones, concordancias, registro, uso consistente de mayúsculas, cifras y citas según una hoja de estilo del sello. La **corrección de pruebas** se hace ya sobre el texto diagramado y busca erratas, cortes de palabra, viudas y huérfanas, y errores introducidos al maquetar.

:::tip Una hoja de estilo ahorra semanas
Escriba en una página las decisiones de la casa: cómo se escriben las cifras, las siglas, los títulos de obras, las citas largas y la bibliografía. Compártala con correctores y diseñadores desde el primer día.
:::

## Diseño, diagramación y archivos finales

El diseño define formato (por ejemplo 14 × 21 cm), tipografía, márgenes, cubierta y papel. La diagramación aplica ese diseño página a página. El archivo para imprenta suele ser un PDF con sangrado, marcas de corte y las imágenes en la resolución y el modo de color que pida la imprenta: pregunte sus especificaciones antes de diagramar, no después.

:::practice Ejercicio: el calendario de su título
Elija un manuscrito real o imaginario y arme un calendario hacia atrás desde la fecha en que quiere tener el libro impreso.

1. Anote cada etapa de esta lección con su responsable.
2. Asigne una duración realista a cada etapa, incluidas las esperas de respuesta.
3. Marque las dos etapas en que un retraso movería la fecha final y piense qué haría para protegerlas.
:::
""",
            },
            "en": {
                "title": "From manuscript to book: the editorial stages",
                "summary": (
                    "What happens between a manuscript arriving and files going "
                    "to the printer, and who does each thing."
                ),
                "body": """
## A book is a chain of decisions

Publishing is not just printing a text. Between manuscript and book there is a chain of stages: each depends on the one before, and an early mistake is expensive at the end. A small independent press often gathers several roles in a few people, so it pays to be clear about the order and purpose of each stage even when one person does several.

The usual cycle is: assessment and contract, structural editing, copy-editing, design and typesetting, proofreading, final files and printing. Administrative tasks (ISBN, legal deposit, metadata) and commercial ones (pricing, pitching to distributors, press) run in parallel.

## Assessment and contract

Assessment answers three questions: does the text fit the list, does it have an identifiable readership, and is the project feasible with the resources at hand. A one- or two-page reader's report helps you decide and explain the decision to the author.

Before working on the text, sign a publishing contract. It should state which rights are granted (print, digital, audio, translations), in which territory, for how long, the payment (a percentage of the retail price, an advance if any) and how royalty statements are made. Each country's copyright law sets its own requirements; check with the national copyright office before using a contract template from another country.

## Structural editing, copy-editing and proofs

**Structural editing** works on the whole: chapter order, gaps, pace, consistency of characters or arguments. It is done on the complete text, in conversation with the author.

**Copy-editing** works on the sentence: clarity, repetition, agreement, register, consistent use of capitals, numbers and quotations according to the press's style sheet. **Proofreading** happens on the typeset pages and looks for typos, bad hyphenation, widows and orphans, and errors introduced during layout.

:::tip A style sheet saves weeks
Write the house decisions on one page: how numbers, acronyms, titles of works, long quotations and references are written. Share it with copy-editors and designers from day one.
:::

## Design, typesetting and final files

Design sets the format (for example 14 × 21 cm), typefaces, margins, cover and paper. Typesetting applies that design page by page. The print file is usually a PDF with bleed, crop marks and images at the resolution and colour mode the printer asks for: ask for the printer's specifications before typesetting, not after.

:::practice Exercise: your title's schedule
Choose a real or imaginary manuscript and build a schedule backwards from the date you want the printed book.

1. List every stage in this lesson with the person responsible.
2. Give each stage a realistic duration, including time waiting for replies.
3. Mark the two stages where a delay would move the final date and think about how you would protect them.
:::
""",
            },
        },
        {
            "slug": "isbn-deposito-legal-metadatos",
            "minutes": 40,
            "es": {
                "title": "ISBN, depósito legal y metadatos",
                "summary": (
                    "Los trámites que identifican un libro y los datos que "
                    "permiten que librerías y bibliotecas lo encuentren."
                ),
                "body": """
## El ISBN identifica una edición, no una obra

El ISBN (International Standard Book Number) es un número de 13 dígitos que identifica una edición concreta de un libro en un formato concreto. La tapa blanda, la tapa dura, el EPUB y el audiolibro de una misma obra llevan cada uno su propio ISBN. Una reimpresión sin cambios conserva el ISBN; una nueva edición con cambios sustanciales necesita uno nuevo.

Cada país tiene una agencia nacional del ISBN que asigna los números a las editoriales de su territorio. En la Alianza del Pacífico la función la cumplen, entre otras, la Cámara Chilena del Libro, la Cámara Colombiana del Libro, el Instituto Nacional del Derecho de Autor (INDAUTOR) en México y la Biblioteca Nacional del Perú. Requisitos, plazos y tarifas cambian: revise siempre el sitio de la agencia antes de iniciar el trámite.

## El depósito legal

El depósito legal obliga a entregar ejemplares de lo publicado a una o varias instituciones (normalmente la biblioteca nacional) para conservar el patrimonio bibliográfico del país. Cuántos ejemplares, en qué plazo y si el trámite es previo o posterior a la impresión dependen de la ley de cada país. En algunos países el número de depósito legal se obtiene antes de imprimir y debe figurar en la página de créditos, así que conviene resolverlo en cuanto el libro tenga formato y número de páginas definidos.

:::warning No imprima sin revisar la página de créditos
La página de créditos (o de derechos) reúne título, autoría, traducción si la hay, año y número de edición, nombre y dirección de la editorial, ISBN, número de depósito legal cuando corresponda, aviso de derechos e imprenta. Un dato que falta aquí obliga a reimprimir o a poner etiquetas.
:::

## Metadatos: el libro que no se describe no se vende

Los metadatos son los datos descriptivos y comerciales del libro: título y subtítulo, autoría, sinopsis, materia, público, formato, páginas, dimensiones, precio, disponibilidad, fecha de publicación e imagen de cubierta. Librerías, distribuidoras, bibliotecas y plataformas de venta trabajan a partir de ellos.

El estándar internacional para intercambiarlos es ONIX; para clasificar la materia se usa cada vez más el esquema Thema, pensado para funcionar en muchos idiomas. Aunque su editorial no genere ONIX directamente, mantener una ficha completa y coherente de cada título en una hoja de cálculo le permitirá cargar los datos en cualquier sistema.

### Una buena sinopsis comercial

- Dice de qué trata el libro en la primera frase.
- Nombra al público al que va dirigido.
- Menciona lo que lo distingue (autora premiada, tema inédito, formato especial).
- Tiene una versión corta (unas 50 palabras) y una larga (unas 200).

:::practice Ejercicio: la ficha completa de un título
Prepare en una hoja de cálculo la ficha de un título con todas las columnas de esta lección: identificación, descripción, datos físicos, comercialización. Redacte las dos versiones de la sinopsis y elija dos materias Thema que le correspondan. Luego pida a alguien que no conoce el libro que lea la sinopsis corta y le diga a quién se lo regalaría.
:::
""",
            },
            "en": {
                "title": "ISBN, legal deposit and metadata",
                "summary": (
                    "The formalities that identify a book and the data that let "
                    "bookshops and libraries find it."
                ),
                "body": """
## An ISBN identifies an edition, not a work

The ISBN (International Standard Book Number) is a 13-digit number that identifies one edition of a book in one format. The paperback, the hardback, the EPUB and the audiobook of the same work each carry their own ISBN. An unchanged reprint keeps its ISBN; a new edition with substantial changes needs a new one.

Each country has a national ISBN agency that assigns numbers to the publishers of its territory. In the Pacific Alliance the role is played by, among others, the Chilean Book Chamber, the Colombian Book Chamber, the National Copyright Institute (INDAUTOR) in Mexico and the National Library of Peru. Requirements, timescales and fees change: always check the agency's website before you apply.

## Legal deposit

Legal deposit requires publishers to hand copies of what they publish to one or more institutions (usually the national library) so the country's printed heritage is preserved. How many copies, by when, and whether the formality comes before or after printing depend on each country's law. In some countries the legal deposit number is obtained before printing and must appear on the copyright page, so deal with it as soon as the book's format and page count are settled.

:::warning Do not print without checking the copyright page
The copyright page gathers title, authorship, translator if any, year and edition number, the publisher's name and address, ISBN, legal deposit number where required, rights notice and printer. Anything missing here means reprinting or stickering.
:::

## Metadata: a book that is not described does not sell

Metadata are the descriptive and commercial data of the book: title and subtitle, authorship, blurb, subject, audience, format, pages, dimensions, price, availability, publication date and cover image. Bookshops, distributors, libraries and online retailers all work from them.

The international standard for exchanging them is ONIX; for subjects the Thema scheme, designed to work across many languages, is increasingly used. Even if your press does not produce ONIX itself, keeping a complete and consistent record for each title in a spreadsheet lets you load the data into any system.

### A good sales blurb

- Says what the book is about in the first sentence.
- Names the readership it is for.
- Mentions what sets it apart (award-winning author, new subject, special format).
- Comes in a short version (about 50 words) and a long one (about 200).

:::practice Exercise: a title's complete record
In a spreadsheet, prepare the record of one title with every column from this lesson: identification, description, physical data, sales. Write both versions of the blurb and choose two Thema subjects for it. Then ask someone who does not know the book to read the short blurb and tell you who they would give it to.
:::
""",
            },
        },
        {
            "slug": "costos-tiradas-distribucion",
            "minutes": 60,
            "es": {
                "title": "Costos, tiradas, precio y distribución",
                "summary": (
                    "Cómo calcular cuánto cuesta un libro, cuántos ejemplares "
                    "imprimir, a qué precio venderlo y por qué canales."
                ),
                "body": """
## Costos fijos y costos variables

Los **costos fijos** de un título no dependen de cuántos ejemplares se impriman: edición, corrección, diseño, diagramación, traducción, derechos de imágenes, anticipo a la autora, trámites. Los **costos variables** crecen con la tirada: papel, impresión, encuadernación, transporte, almacenaje y, sobre todo, los descuentos y las regalías que se pagan por cada ejemplar vendido.

El costo unitario de fabricación es la suma de los costos fijos divididos por la tirada más el costo de imprimir un ejemplar. Por eso una tirada mayor baja el costo unitario, pero inmoviliza dinero en bodega y aumenta el riesgo de ejemplares sin vender.

## Offset o impresión digital

La impresión offset tiene un costo de preparación alto y un costo por ejemplar bajo: conviene en tiradas medianas y grandes. La impresión digital casi no tiene preparación pero cada ejemplar cuesta más: conviene para tiradas cortas, reimpresiones pequeñas e impresión bajo demanda. Pida a dos o tres imprentas cotizaciones con las mismas especificaciones (formato, páginas, papel, tintas, encuadernación) para varias tiradas; el punto en que una tecnología pasa a ser más barata que la otra varía según el libro y la imprenta.

## Del precio de venta a lo que recibe la editorial

Del precio de venta al público hay que descontar los impuestos que correspondan en cada país, el descuento de la librería y, si se trabaja con una distribuidora, su comisión. Entre librería y distribuidora el descuento total suele rondar entre la mitad y algo más de la mitad del precio de venta. De lo que queda, la editorial paga la regalía de la autora (calculada normalmente sobre el precio de venta) y sus propios costos.

### Un ejemplo para calcular el punto de equilibrio

- Costos fijos del título: 3.000 unidades de moneda.
- Impresión: 2,5 por ejemplar en una tirada de 1.000.
- Precio de venta sin impuestos: 20. Descuento total de canal: 55 %. La editorial recibe 9.
- Regalía del 10 % sobre el precio de venta: 2 por ejemplar.
- Margen por ejemplar vendido: 9 − 2,5 − 2 = 4,5.
- Punto de equilibrio: 3.000 / 4,5 ≈ 667 ejemplares vendidos, dos tercios de la tirada.

:::note Las cifras son de ejemplo
Use sus propias cotizaciones y los descuentos que efectivamente le ofrezcan. Lo que importa es el método: si el punto de equilibrio supera la mitad de la tirada, revise costos, precio o tirada antes de imprimir.
:::

## Canales de distribución

Las opciones no se excluyen: distribuidora con alcance nacional, venta directa a librerías independientes, ferias del libro (las grandes ferias de Bogotá, Guadalajara, Lima y Santiago, y las ferias de editoriales independientes), venta en línea propia, compras públicas para bibliotecas y coediciones con sellos de otros países para circular en la región. Cada canal tiene un descuento, un plazo de pago y un riesgo de devoluciones distintos: registre por canal cuánto vende y cuánto tarda en cobrar.

:::practice Ejercicio: ¿cuántos imprimo?
Con los datos de un título propio o del ejemplo, calcule el costo unitario y el punto de equilibrio para tiradas de 300, 500 y 1.000 ejemplares, en offset y en digital si tiene las cotizaciones. Anote qué tirada elegiría, con qué precio y por qué canales la vendería durante el primer año.
:::
""",
            },
            "en": {
                "title": "Costs, print runs, pricing and distribution",
                "summary": (
                    "How to work out what a book costs, how many copies to print, "
                    "what to sell it for and through which channels."
                ),
                "body": """
## Fixed and variable costs

A title's **fixed costs** do not depend on how many copies are printed: editing, copy-editing, design, typesetting, translation, image rights, the author's advance, formalities. **Variable costs** grow with the print run: paper, printing, binding, transport, storage and, above all, the discounts and royalties paid on each copy sold.

The unit manufacturing cost is the fixed costs divided by the print run plus the cost of printing one copy. A larger run therefore lowers the unit cost, but ties money up in the warehouse and raises the risk of unsold copies.

## Offset or digital printing

Offset printing has a high set-up cost and a low cost per copy: it suits medium and large runs. Digital printing has almost no set-up but each copy costs more: it suits short runs, small reprints and print on demand. Ask two or three printers for quotes with the same specifications (format, pages, paper, inks, binding) for several run lengths; the point where one technology becomes cheaper than the other varies with the book and the printer.

## From retail price to what the publisher receives

From the retail price you deduct the taxes that apply in each country, the bookshop's discount and, if you work with a distributor, its commission. Between bookshop and distributor, the total discount is usually around half the retail price or somewhat more. From what is left the publisher pays the author's royalty (usually calculated on the retail price) and its own costs.

### A worked break-even example

- Fixed costs of the title: 3,000 currency units.
- Printing: 2.5 per copy for a run of 1,000.
- Retail price before tax: 20. Total channel discount: 55%. The publisher receives 9.
- Royalty of 10% of the retail price: 2 per copy.
- Margin per copy sold: 9 − 2.5 − 2 = 4.5.
- Break-even: 3,000 / 4.5 ≈ 667 copies sold, two thirds of the run.

:::note The figures are an example
Use your own quotes and the discounts you are actually offered. What matters is the method: if break-even is above half the run, review costs, price or run length before printing.
:::

## Distribution channels

The options are not exclusive: a distributor with national reach, direct sales to independent bookshops, book fairs (the big fairs of Bogotá, Guadalajara, Lima and Santiago, and the independent publishers' fairs), your own online shop, public purchasing for libraries, and co-editions with presses in other countries to circulate in the region. Each channel has a different discount, payment term and risk of returns: record per channel how much you sell and how long it takes to get paid.

:::practice Exercise: how many should I print?
With the data of one of your titles or of the example, work out the unit cost and break-even point for runs of 300, 500 and 1,000 copies, offset and digital if you have the quotes. Write down which run you would choose, at what price, and through which channels you would sell it in the first year.
:::
""",
            },
        },
    ],
}
