"""Demo lessons that close a unit of the publishing course with an assessment:
a review and a quiz, and an applied project graded with a rubric."""
# ruff: noqa: E501

QUIZ_LESSON = {
    "es": {
        "title": "Evaluación: ISBN, depósito legal y metadatos",
        "summary": "Repase los identificadores y registros del libro y compruebe lo aprendido con un cuestionario.",
        "body": """
## Antes del cuestionario: lo esencial en una página

Un libro circula bien cuando cualquier persona de la cadena (distribuidora, librería, biblioteca, plataforma de venta) puede identificarlo sin ambigüedad. Para eso existen tres piezas que usted ya conoce de la lección anterior: el **ISBN**, el **depósito legal** y los **metadatos**. Este repaso las ordena antes de la evaluación.

El ISBN identifica una edición concreta en un formato concreto. La tapa blanda, la tapa dura, el EPUB y el audiolibro de una misma obra llevan ISBN distintos, y una nueva edición corregida o ampliada necesita uno nuevo. Una reimpresión sin cambios conserva el mismo. En los cuatro países la agencia nacional del ISBN asigna los números, a menudo en bloques para las editoriales que publican con regularidad.

El depósito legal es la obligación de entregar ejemplares a la biblioteca nacional para conservar la memoria bibliográfica del país. Los plazos y el número de ejemplares cambian de un país a otro: verifique las reglas vigentes en el suyo antes de imprimir, porque la constancia de depósito suele pedirse para distribuir.

Los metadatos describen el libro para que otros lo encuentren y lo vendan: título, autoría, materia, público, precio, formato, disponibilidad y una buena descripción. El estándar de intercambio más usado es ONIX; las clasificaciones de materia más comunes son Thema y BISAC. Metadatos completos y coherentes venden más que una portada espectacular con datos pobres. Mantenerlos al día también es trabajo editorial: cuando cambia el precio, se agota una tirada o aparece una reseña importante, actualice la ficha y avise a quienes reciben sus datos.

:::tip Cómo rendir el cuestionario
Tiene veinte minutos y tres intentos. Al enviar verá su puntaje, qué respuestas fueron correctas y una explicación breve de cada pregunta. Si no alcanza la nota de aprobación, repase la lección anterior y vuelva a intentarlo.
:::

:::practice Antes de empezar
Busque en el catálogo de la agencia del ISBN de su país un libro de su sello o de uno que admire. Anote cuántos ISBN tiene la obra (uno por formato) y compare la descripción con la que aparece en una librería en línea. ¿Qué datos faltan o no coinciden?
:::

## Cuestionario
""",
    },
    "en": {
        "title": "Assessment: ISBN, legal deposit and metadata",
        "summary": "Review the identifiers and records of a book and check what you learned with a quiz.",
        "body": """
## Before the quiz: the essentials on one page

A book travels well when anyone along the chain (distributor, bookshop, library, online retailer) can identify it without ambiguity. Three pieces you already know from the previous lesson make that possible: the **ISBN**, **legal deposit** and **metadata**. This review puts them in order before the assessment.

The ISBN identifies one edition in one format. The paperback, the hardback, the EPUB and the audiobook of the same work each carry a different ISBN, and a new corrected or expanded edition needs a new one. An unchanged reprint keeps the same number. In all four countries the national ISBN agency assigns numbers, often in blocks for publishers that publish regularly.

Legal deposit is the duty to give copies to the national library so that the country's bibliographic memory is preserved. Deadlines and the number of copies differ from country to country: check the rules in force in yours before printing, because the deposit certificate is often required for distribution.

Metadata describes the book so that others can find it and sell it: title, authorship, subject, audience, price, format, availability and a good description. The most widely used exchange standard is ONIX; the most common subject schemes are Thema and BISAC. Complete, consistent metadata sells more than a spectacular cover with poor data. Keeping it current is editorial work too: when the price changes, a print run sells out or an important review appears, update the record and tell everyone who receives your data.

:::tip How the quiz works
You have twenty minutes and three attempts. When you submit you will see your score, which answers were right and a short explanation of each question. If you do not reach the pass mark, review the previous lesson and try again.
:::

:::practice Before you start
Look up a book from your imprint, or one you admire, in your country's ISBN agency catalogue. Note how many ISBNs the work has (one per format) and compare its description with the one shown by an online bookshop. Which data are missing or do not match?
:::

## Quiz
""",
    },
}

RUBRIC_LESSON = {
    "es": {
        "title": "Evaluación: plan editorial de un título",
        "summary": "Aplique lo aprendido sobre costos, tiradas y distribución en el plan de un libro real; un evaluador lo revisará.",
        "body": """
## Un plan que otra persona pueda leer

Esta evaluación le pide algo que toda editorial independiente hace antes de comprometer dinero: el plan editorial de un título. No hay respuestas únicas; un evaluador leerá su plan con una rúbrica de tres criterios y le escribirá una devolución. Si el resultado es «aún no competente», podrá corregir y enviar una segunda versión.

Elija un libro que de verdad quiera publicar, aunque sea un proyecto a futuro. Describa a quién va dirigido y por qué ese público lo compraría o lo pediría en una biblioteca. Una propuesta clara cabe en un párrafo: de qué trata el libro, qué lo distingue de otros parecidos y por qué su sello es el lugar adecuado para publicarlo.

Luego haga los números. Indique el formato (tamaño, páginas, papel, encuadernación), la tirada inicial y cómo la decidió, el costo unitario estimado con al menos dos cotizaciones de imprenta y el precio de venta al público. Muestre el punto de equilibrio: cuántos ejemplares debe vender para recuperar la inversión, teniendo en cuenta el descuento de la distribución y las librerías.

Incluya también un calendario: cuándo entrega el texto final, cuánto duran la corrección, el diseño y la impresión, y en qué fecha quiere presentar el libro. Un calendario realista evita pagar urgencias a la imprenta y le permite coordinar la presentación con una feria o una fecha significativa para su público.

Por último, explique cómo llegará el libro a sus lectores: venta directa, ferias, librerías, distribuidora, bibliotecas públicas, plataformas digitales. Para cada canal diga qué porcentaje del precio se queda en el camino y qué acciones de difusión acompañarán el lanzamiento.

:::note Cómo se evalúa
La rúbrica tiene tres criterios: público y propuesta (hasta 4 puntos), costos y tirada (hasta 4 puntos) y distribución (hasta 2 puntos). Se aprueba con el 60 % del puntaje. Puede adjuntar hasta tres archivos de 20 MB como máximo: una planilla de costos en PDF, cotizaciones o una maqueta de portada.
:::

:::practice Revise antes de enviar
Lea su plan como si fuera la persona que debe aprobar el presupuesto. ¿Se entiende en cinco minutos? ¿Los números suman? ¿Cada canal de distribución tiene un descuento realista? Corrija lo que no resista esa lectura y recién entonces envíe.
:::

## Su plan
""",
    },
    "en": {
        "title": "Assessment: publishing plan for one title",
        "summary": "Apply what you learned about costs, print runs and distribution to the plan of a real book; an assessor will review it.",
        "body": """
## A plan someone else can read

This assessment asks for something every independent publisher does before committing money: the publishing plan for one title. There is no single right answer; an assessor will read your plan against a three-criterion rubric and write you feedback. If the result is "not yet competent", you may revise it and submit a second version.

Choose a book you really want to publish, even if it is a future project. Describe who it is for and why that audience would buy it or request it at a library. A clear proposal fits in one paragraph: what the book is about, what sets it apart from similar ones and why your imprint is the right place to publish it.

Then do the numbers. State the format (trim size, pages, paper, binding), the first print run and how you decided it, the estimated unit cost with at least two printer quotes, and the retail price. Show the break-even point: how many copies you must sell to recover the investment, taking the distributor's and bookshops' discounts into account.

Include a schedule as well: when the final text is delivered, how long copy-editing, design and printing take, and the date on which you want to launch the book. A realistic schedule avoids paying the printer for rush jobs and lets you time the launch with a fair or a date that matters to your readers.

Finally, explain how the book will reach its readers: direct sales, fairs, bookshops, a distributor, public libraries, digital platforms. For each channel say what share of the price stays along the way and which promotion will accompany the launch.

:::note How it is assessed
The rubric has three criteria: audience and proposal (up to 4 points), costs and print run (up to 4 points) and distribution (up to 2 points). You pass with 60% of the points. You may attach up to three files of at most 20 MB: a costing sheet as PDF, printer quotes or a cover mock-up.
:::

:::practice Check before you submit
Read your plan as if you were the person who must approve the budget. Can it be understood in five minutes? Do the numbers add up? Does every distribution channel have a realistic discount? Fix whatever does not survive that reading, and only then submit.
:::

## Your plan
""",
    },
}
