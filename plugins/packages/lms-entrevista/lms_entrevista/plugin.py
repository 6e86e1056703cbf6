"""The interview: the trainer writes the questions, each with the assessment's
criteria it judges; the learner asks to be interviewed (saying when they are
available); the assessor records, per question, a summary of the answer and
the criteria met. Points are the criteria met out of those asked; the
assessment's pass mark decides."""

from __future__ import annotations

from django import forms
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from plugins.authoring import ItemListField, line_id, reject_unknown_fields
from plugins.base import (
    AssessmentPlugin,
    AuthoringContext,
    Choice,
    ContractExamples,
    ExampleResponse,
    FixableError,
    GradingForm,
    Score,
)

AVAILABILITY_MAX = 500


class QuestionForm(forms.Form):
    """One question of the interview (a row of the questions list)."""

    text = forms.CharField(label=_l("Pregunta"), max_length=500)
    expected = forms.CharField(
        label=_l("Respuesta esperada (solo la ve el evaluador)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    criteria = forms.MultipleChoiceField(
        label=_l("Criterios que evalúa"),
        widget=forms.CheckboxSelectMultiple,
        choices=(),
        error_messages={"required": _l("Elija al menos un criterio.")},
    )

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criteria"].choices = list(criteria)
        if not criteria:
            self.fields["criteria"].help_text = _l(
                "Elija las unidades o los criterios de la evaluación (arriba) y "
                "guarde: aquí aparecerán para marcarlos."
            )


class InterviewAuthoringForm(forms.Form):
    questions = ItemListField(
        label=_l("Preguntas"), item_form=QuestionForm, min_items=1, extra=2
    )
    duration_minutes = forms.IntegerField(
        label=_l("Duración prevista (minutos)"),
        min_value=5,
        max_value=240,
        initial=30,
    )

    def __init__(self, *args, context: AuthoringContext | None = None, **kwargs):
        initial = dict(kwargs.pop("initial", None) or {})
        if isinstance(initial.get("questions"), list):
            initial["questions"] = [
                {key: q.get(key) for key in ("text", "expected", "criteria")}
                for q in initial["questions"]
            ]
        super().__init__(*args, initial=initial, **kwargs)
        self.choices = (context or AuthoringContext()).criteria_choices()
        self.fields["questions"].form_kwargs = {"criteria": self.choices}

    def clean(self):
        cleaned = super().clean()
        labels = dict(self.choices)
        questions = [
            {
                "id": line_id("q", item["text"], index),
                "text": item["text"],
                "expected": item["expected"],
                "criteria": list(item["criteria"]),
            }
            for index, item in enumerate(cleaned.get("questions") or [])
        ]
        cleaned["questions"] = questions
        used = dict.fromkeys(key for q in questions for key in q["criteria"])
        cleaned["criteria"] = [{"id": key, "text": labels[key]} for key in used]
        return cleaned


class InterviewGradingForm(GradingForm):
    """Per question: what the candidate answered, and the criteria met."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = {c["id"]: c["text"] for c in self.config["criteria"]}
        order = []
        for n, question in enumerate(self.config["questions"], start=1):
            summary, met = f"summary-{question['id']}", f"met-{question['id']}"
            self.fields[summary] = forms.CharField(
                label=_l("Pregunta %(n)s: %(q)s — resumen de la respuesta")
                % {"n": n, "q": question["text"]},
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[met] = forms.MultipleChoiceField(
                label=_l("Criterios cumplidos en la pregunta %(n)s") % {"n": n},
                choices=[(key, labels.get(key, key)) for key in question["criteria"]],
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
            order += [summary, met]
        self.order_fields([*order, "feedback"])

    def score(self) -> Score:
        items, criteria = {}, {}
        points = max_points = 0
        for question in self.config["questions"]:
            met = set(self.cleaned_data[f"met-{question['id']}"])
            for key in question["criteria"]:
                criteria[key] = criteria.get(key, True) and key in met
            points += len(met)
            max_points += len(question["criteria"])
            items[question["id"]] = {
                "summary": self.cleaned_data[f"summary-{question['id']}"],
                "met": sorted(met),
                "competent": met == set(question["criteria"]),
            }
        return Score(
            points=points,
            max_points=max_points,
            feedback=self.cleaned_data.get("feedback", ""),
            items=items,
            criteria=criteria,
        )


class InterviewPlugin(AssessmentPlugin):
    id = "entrevista"
    name = _l("Entrevista técnica")
    description = _l(
        "Un evaluador entrevista al participante y registra, pregunta por "
        "pregunta, un resumen de la respuesta y los criterios cumplidos."
    )
    # An oral interview shows what the candidate knows and can explain.
    evidence_kind = "knowledge"
    shows_pass_mark = True
    needs_acknowledgement = True

    def authoring_form(self, *, data=None, initial=None, context=None):
        return InterviewAuthoringForm(data=data, initial=initial, context=context)

    def render(self, *, config, data=None, errors=None):
        return render_to_string(
            "lms_entrevista/render.html",
            {
                "count": len(config["questions"]),
                "minutes": config["duration_minutes"],
                "criteria": config["criteria"],
                "availability": data.get("availability", "") if data else "",
                "errors": (errors or {}).get("availability", []),
            },
        )

    def clean_response(self, *, config, data, files):
        reject_unknown_fields(data, {"availability"})
        reject_unknown_fields(files, set())
        availability = (data.get("availability") or "").strip()
        if not availability:
            raise FixableError(
                _("Indique cuándo puede ser entrevistado."), field="availability"
            )
        if len(availability) > AVAILABILITY_MAX:
            raise FixableError(
                _("Escriba su disponibilidad en %(n)s caracteres o menos.")
                % {"n": AVAILABILITY_MAX},
                field="availability",
            )
        return {"availability": availability}

    def grade(self, *, config, response):
        return None  # the interview is recorded by an assessor

    def grading_form(self, *, config, response, data=None, files=None):
        return InterviewGradingForm(
            data=data, files=files, config=config, response=response
        )

    def render_response(self, *, config, response):
        return render_to_string(
            "lms_entrevista/response.html",
            {"response": response, "questions": self._questions(config)},
        )

    def render_result(self, *, config, response, result):
        items = result.get("items", {})
        rows = [
            {**question, **items.get(question["id"], {})}
            for question in self._questions(config)
        ]
        return render_to_string("lms_entrevista/result.html", {"rows": rows})

    @staticmethod
    def _questions(config):
        labels = {c["id"]: c["text"] for c in config["criteria"]}
        return [
            {**q, "labels": [(key, labels.get(key, key)) for key in q["criteria"]]}
            for q in config["questions"]
        ]

    def contract_examples(self):
        voice = Choice("pc:1", "CD1 — Explica el plan de ensayo")
        safety = Choice("pc:2", "CD2 — Identifica los riesgos del escenario")
        plan = "¿Cómo organiza un ensayo general?"
        risks = "¿Qué riesgos revisa antes de una función?"
        first, second = line_id("q", plan, 0), line_id("q", risks, 1)
        return ContractExamples(
            context=AuthoringContext(criteria=(voice, safety)),
            authoring={
                "questions-0-text": plan,
                "questions-0-expected": "Cronograma, roles y prueba técnica.",
                "questions-0-criteria": [voice.key],
                "questions-1-text": risks,
                "questions-1-expected": "Cables, alturas y salidas de emergencia.",
                "questions-1-criteria": [voice.key, safety.key],
                "duration_minutes": "30",
            },
            secrets=(
                "Cronograma, roles y prueba técnica.",
                "Cables, alturas y salidas de emergencia.",
            ),
            passing=ExampleResponse(
                data={"availability": "Martes y jueves por la tarde"},
                grading={
                    f"summary-{first}": "Describe el cronograma y los roles.",
                    f"met-{first}": [voice.key],
                    f"summary-{second}": "Nombra cables y salidas.",
                    f"met-{second}": [voice.key, safety.key],
                },
                passed=True,
            ),
            failing=ExampleResponse(
                data={"availability": "Lunes"},
                grading={
                    f"summary-{first}": "No lo sabe.",
                    f"summary-{second}": "Menciona solo las luces.",
                    f"met-{second}": [voice.key],
                },
                passed=False,
            ),
            fixable=ExampleResponse(data={"availability": "   "}, passed=False),
        )
