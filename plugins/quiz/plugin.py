"""Quiz: single and multiple choice, true/false and short answer, drawn from
a question bank, graded automatically."""

from __future__ import annotations

import random
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from plugins.base import (
    AssessmentPlugin,
    ContractExamples,
    ExampleResponse,
    GradingForm,
    Score,
)
from plugins.quiz.bank import parse_bank, print_bank

SHORT_ANSWER_MAX = 500
PUBLIC_KEYS = ("id", "kind", "text", "points")


class QuizAuthoringForm(forms.Form):
    questions = forms.CharField(
        label=_l("Banco de preguntas"),
        widget=forms.Textarea(attrs={"rows": 18, "class": "monospace"}),
        help_text=_l(
            "Una pregunta por bloque, separadas por una línea en blanco. «?» pregunta, "
            "«*» opción correcta, «-» opción incorrecta, «= verdadero» o «= falso», "
            "«~» respuesta corta aceptada, «>» retroalimentación, «pts 2» puntos."
        ),
    )
    draw = forms.IntegerField(
        label=_l("Preguntas por intento"),
        min_value=0,
        initial=0,
        required=False,
        help_text=_l("0: todas. Si es menor que el banco, se sortean en cada intento."),
    )
    shuffle_questions = forms.BooleanField(
        label=_l("Mezclar el orden de las preguntas"), required=False, initial=True
    )
    shuffle_options = forms.BooleanField(
        label=_l("Mezclar el orden de las opciones"), required=False, initial=True
    )
    show_answers = forms.BooleanField(
        label=_l("Mostrar las respuestas correctas después del envío"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, initial=None, **kwargs):
        initial = dict(initial or {})
        if isinstance(initial.get("questions"), list):
            initial["questions"] = print_bank(initial["questions"])
        super().__init__(*args, initial=initial, **kwargs)

    def clean_questions(self):
        return parse_bank(self.cleaned_data["questions"])

    def clean_draw(self):
        return self.cleaned_data.get("draw") or 0

    def clean(self):
        cleaned = super().clean()
        questions = cleaned.get("questions") or []
        if cleaned.get("draw") and cleaned["draw"] > len(questions):
            self.add_error(
                "draw",
                _("El banco tiene %(n)s preguntas; no se pueden sortear más.")
                % {"n": len(questions)},
            )
        return cleaned


class QuizGradingForm(GradingForm):
    points = forms.FloatField(label=_l("Puntaje (corrige el automático)"), min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_points = sum(q.get("points", 1) for q in self.config["questions"])
        self.fields["points"].validators.append(MaxValueValidator(self.max_points))

    def score(self) -> Score:
        return Score(
            points=self.cleaned_data["points"],
            max_points=self.max_points,
            feedback=self.cleaned_data.get("feedback", ""),
        )


def normalise(text: str) -> str:
    """Case-, accent- and space-insensitive form of a short answer."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.split())


class QuizPlugin(AssessmentPlugin):
    id = "quiz"
    name = _l("Cuestionario")
    description = _l(
        "Preguntas de selección única o múltiple, verdadero o falso y respuesta "
        "corta, calificadas automáticamente."
    )
    shows_pass_mark = True

    def authoring_form(self, *, data=None, initial=None, context=None):
        return QuizAuthoringForm(data=data, initial=initial)

    def prepare(self, *, config, rng: random.Random):
        questions = [dict(q) for q in config["questions"]]
        draw = config.get("draw") or 0
        if draw and draw < len(questions):
            questions = rng.sample(questions, draw)
        elif config.get("shuffle_questions"):
            rng.shuffle(questions)
        for question in questions:
            if question.get("options") and config.get("shuffle_options"):
                question["options"] = rng.sample(
                    question["options"], len(question["options"])
                )
        return {**config, "questions": questions}

    def render(self, *, config, data=None, errors=None):
        public = []
        for question in config["questions"]:
            item = {key: question[key] for key in PUBLIC_KEYS if key in question}
            given = data.getlist(question["id"]) if data is not None else []
            item["given"] = given
            item["errors"] = (errors or {}).get(question["id"], [])
            if question["kind"] in {"single", "multiple"}:
                item["options"] = [
                    {"id": o["id"], "text": o["text"]} for o in question["options"]
                ]
            elif question["kind"] == "truefalse":
                item["options"] = [
                    {"id": "true", "text": _("Verdadero")},
                    {"id": "false", "text": _("Falso")},
                ]
            public.append(item)
        return render_to_string("plugins/quiz/render.html", {"questions": public})

    def clean_response(self, *, config, data, files):
        if files:
            raise ValidationError(_("Este cuestionario no admite archivos."))
        questions = {q["id"]: q for q in config["questions"]}
        unknown = sorted(set(data.keys()) - set(questions))
        if unknown:
            raise ValidationError(
                _("Campos desconocidos en el envío: %(f)s.") % {"f": ", ".join(unknown)}
            )
        answers = {}
        for qid, question in questions.items():
            values = [value for value in data.getlist(qid) if value != ""]
            answers[qid] = self._clean_answer(question, values)
        return {"answers": answers}

    def _clean_answer(self, question, values):
        if question["kind"] == "short":
            if len(values) > 1:
                raise ValidationError(_("Una sola respuesta por pregunta."))
            answer = values[0] if values else ""
            if len(answer) > SHORT_ANSWER_MAX:
                raise ValidationError(_("La respuesta es demasiado larga."))
            return answer
        valid = (
            {"true", "false"}
            if question["kind"] == "truefalse"
            else {o["id"] for o in question["options"]}
        )
        if any(value not in valid for value in values):
            raise ValidationError(
                _("Opción desconocida en la pregunta «%(q)s».")
                % {"q": question["text"]}
            )
        if question["kind"] != "multiple" and len(values) > 1:
            raise ValidationError(
                _("La pregunta «%(q)s» admite una sola opción.")
                % {"q": question["text"]}
            )
        if len(set(values)) != len(values):
            raise ValidationError(_("Opción repetida en el envío."))
        return sorted(values)

    def grade(self, *, config, response):
        answers = response.get("answers", {})
        points = max_points = 0.0
        items = {}
        for question in config["questions"]:
            worth = float(question.get("points", 1))
            max_points += worth
            correct = self._is_correct(question, answers.get(question["id"]))
            points += worth if correct else 0
            items[question["id"]] = {"correct": correct}
        return Score(points=points, max_points=max_points, items=items)

    @staticmethod
    def _is_correct(question, answer) -> bool:
        if answer in (None, "", []):
            return False
        if question["kind"] == "short":
            accepted = {normalise(text) for text in question["accepted"]}
            return normalise(answer) in accepted
        return sorted(answer) == sorted(question["correct"])

    def render_result(self, *, config, response, result):
        answers = response.get("answers", {})
        items = result.get("items", {})
        rows = []
        for question in config["questions"]:
            rows.append(
                {
                    "text": question["text"],
                    "correct": items.get(question["id"], {}).get("correct", False),
                    "feedback": question.get("feedback", ""),
                    "given": self._describe(question, answers.get(question["id"])),
                    "expected": self._describe(
                        question,
                        question.get("correct") or question.get("accepted", [])[:1],
                    )
                    if config.get("show_answers")
                    else "",
                }
            )
        return render_to_string("plugins/quiz/result.html", {"rows": rows})

    @staticmethod
    def _describe(question, answer) -> str:
        if answer in (None, "", []):
            return _("(sin respuesta)")
        if question["kind"] == "short":
            return answer if isinstance(answer, str) else ", ".join(answer)
        labels = {"true": _("Verdadero"), "false": _("Falso")}
        labels.update({o["id"]: o["text"] for o in question.get("options", [])})
        return ", ".join(labels.get(value, value) for value in answer)

    def grading_form(self, *, config, response, data=None, files=None):
        return QuizGradingForm(data=data, files=files, config=config, response=response)

    def contract_examples(self):
        bank = EXAMPLE_BANK
        choice, short = parse_bank(bank)
        right, wrong = (option["id"] for option in choice["options"])
        return ContractExamples(
            authoring={"questions": bank, "draw": "0", "shuffle_options": "on"},
            secrets=("Registro de Propiedad Intelectual", "identifica una edición"),
            passing=ExampleResponse(
                data={
                    choice["id"]: right,
                    short["id"]: "registro de propiedad intelectual",
                },
                passed=True,
            ),
            failing=ExampleResponse(
                data={choice["id"]: wrong, short["id"]: "INAPI"}, passed=False
            ),
            tampered={choice["id"]: "forged-option"},
        )


EXAMPLE_BANK = """? ¿Qué identifica el ISBN?
* Una edición de un libro
- Al autor
> El ISBN identifica una edición concreta.

? ¿Cómo se llama el registro de derechos de autor en Chile?
~ Registro de Propiedad Intelectual
"""
