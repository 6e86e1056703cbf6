"""The quiz's question bank: a plain-text format trainers write, parsed into
the JSON config, and printed back for editing.

One question per block, blocks separated by a blank line::

    ? ¿Qué identifica el ISBN?
    * Una edición de un libro
    - Al autor
    - A la imprenta
    > El ISBN identifica una edición concreta de una obra.

``?`` question (several ``*`` lines make it multiple choice), ``*`` correct
option, ``-`` wrong option, ``= verdadero`` / ``= falso`` for true/false,
``~`` an accepted short answer (one per line), ``>`` feedback shown after
submission, ``pts 2`` the question's points (1 by default).
"""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

TRUE_WORDS = {"verdadero", "v", "true", "t", "sí", "si"}
FALSE_WORDS = {"falso", "f", "false"}


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:10]


def _new_question(text: str, line_no: int) -> dict:
    return {
        "text": text,
        "line": line_no,
        "options": [],
        "correct": [],
        "accepted": [],
        "truth": None,
        "feedback": "",
        "points": 1,
    }


def _read_line(question: dict, marker: str, rest: str, line_no: int) -> None:
    if marker in "*-":
        option_id = "o" + _digest(question["text"], rest, str(len(question["options"])))
        question["options"].append({"id": option_id, "text": rest})
        if marker == "*":
            question["correct"].append(option_id)
    elif marker == "=":
        word = rest.casefold()
        if word not in TRUE_WORDS | FALSE_WORDS:
            raise ValidationError(
                _("Línea %(n)s: escriba «= verdadero» o «= falso».") % {"n": line_no}
            )
        question["truth"] = word in TRUE_WORDS
    elif marker == "~":
        question["accepted"].append(rest)
    elif marker == ">":
        question["feedback"] = (question["feedback"] + " " + rest).strip()


def _finish(question: dict, seen: set) -> dict:
    line = question.pop("line")
    base = "q" + _digest(question["text"])
    qid, n = base, 1
    while qid in seen:
        n += 1
        qid = f"{base}-{n}"
    seen.add(qid)
    kinds = [
        bool(question["options"]),
        question["truth"] is not None,
        bool(question["accepted"]),
    ]
    if sum(kinds) != 1:
        raise ValidationError(
            _(
                "Pregunta de la línea %(n)s: use opciones (* / -), «= verdadero/falso» "
                "o respuestas aceptadas (~), solo uno de los tres."
            )
            % {"n": line}
        )
    result = {
        "id": qid,
        "text": question["text"],
        "points": question["points"],
        "feedback": question["feedback"],
    }
    if question["options"]:
        if not question["correct"]:
            raise ValidationError(
                _(
                    "Pregunta de la línea %(n)s: marque al menos una opción "
                    "correcta con *."
                )
                % {"n": line}
            )
        if len(question["options"]) < 2:
            raise ValidationError(
                _("Pregunta de la línea %(n)s: necesita al menos dos opciones.")
                % {"n": line}
            )
        kind = "multiple" if len(question["correct"]) > 1 else "single"
        result.update(
            kind=kind, options=question["options"], correct=question["correct"]
        )
    elif question["truth"] is not None:
        result.update(
            kind="truefalse", correct=["true" if question["truth"] else "false"]
        )
    else:
        result.update(kind="short", accepted=question["accepted"])
    return result


def parse_bank(text: str) -> list[dict]:
    """Parse the text format; raise ``ValidationError`` naming the line."""
    questions: list[dict] = []
    current = None
    seen: set = set()
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        marker, rest = line[0], line[1:].strip()
        if marker == "?":
            if current:
                questions.append(_finish(current, seen))
            current = _new_question(rest, line_no)
        elif current is None:
            raise ValidationError(
                _("Línea %(n)s: empiece cada pregunta con «?».") % {"n": line_no}
            )
        elif line.lower().startswith("pts"):
            try:
                current["points"] = float(line[3:].strip())
            except ValueError:
                raise ValidationError(
                    _("Línea %(n)s: los puntos deben ser un número.") % {"n": line_no}
                ) from None
        elif marker in "*-=~>" and rest:
            _read_line(current, marker, rest, line_no)
        else:
            raise ValidationError(
                _("Línea %(n)s: no se entiende «%(line)s».")
                % {"n": line_no, "line": line}
            )
    if current:
        questions.append(_finish(current, seen))
    if not questions:
        raise ValidationError(_("Escriba al menos una pregunta."))
    return questions


def print_bank(questions: list[dict]) -> str:
    """The text format for ``questions`` (the inverse of ``parse_bank``)."""
    blocks = []
    for question in questions:
        lines = [f"? {question['text']}"]
        if question.get("points", 1) != 1:
            lines.append(f"pts {question['points']:g}")
        if question["kind"] in {"single", "multiple"}:
            for option in question["options"]:
                mark = "*" if option["id"] in question["correct"] else "-"
                lines.append(f"{mark} {option['text']}")
        elif question["kind"] == "truefalse":
            truth = question["correct"] == ["true"]
            lines.append("= verdadero" if truth else "= falso")
        else:
            lines.extend(f"~ {answer}" for answer in question["accepted"])
        if question.get("feedback"):
            lines.append(f"> {question['feedback']}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
