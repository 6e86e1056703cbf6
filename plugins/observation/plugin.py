"""Practical observation: the learner asks to be observed; the assessor
records date, place, the checklist of criteria met, notes and optional
media; the learner then acknowledges the record."""

from __future__ import annotations

from django import forms
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _l

from plugins.authoring import CriteriaAuthoringForm, line_id, reject_unknown_fields
from plugins.base import (
    AssessmentPlugin,
    ContractExamples,
    ExampleResponse,
    GradingForm,
    Score,
)


class ObservationAuthoringForm(CriteriaAuthoringForm):
    instructions = forms.CharField(
        label=_l("Qué se observará"), widget=forms.Textarea(attrs={"rows": 4})
    )
    max_file_mb = forms.IntegerField(
        label=_l("Tamaño máximo del registro multimedia (MB)"),
        min_value=1,
        max_value=500,
        initial=100,
    )
    field_order = ["instructions", "performance_criteria", "extra_criteria"]


class ObservationGradingForm(GradingForm):
    observed_on = forms.DateField(
        label=_l("Fecha de la observación"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    place = forms.CharField(label=_l("Lugar"), max_length=200)
    notes = forms.CharField(
        label=_l("Notas del evaluador"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    media = forms.FileField(label=_l("Registro multimedia (opcional)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in self.config["criteria"]:
            self.fields[f"met-{criterion['id']}"] = forms.BooleanField(
                label=criterion["text"], required=False
            )
        self.order_fields(
            ["observed_on", "place"]
            + [f"met-{c['id']}" for c in self.config["criteria"]]
            + ["notes", "media", "feedback"]
        )

    def score(self) -> Score:
        met = {
            c["id"]: self.cleaned_data[f"met-{c['id']}"]
            for c in self.config["criteria"]
        }
        return Score(
            points=sum(met.values()),
            max_points=len(met),
            passed=all(met.values()),
            feedback=self.cleaned_data.get("feedback", ""),
            items={key: {"competent": value} for key, value in met.items()},
            criteria=met,
        )


class ObservationPlugin(AssessmentPlugin):
    id = "observation"
    evidence_kind = "performance"
    name = _l("Observación práctica")
    description = _l(
        "Un evaluador observa el trabajo en vivo y registra una lista de criterios."
    )
    allowed_file_types = ("image/", "audio/", "video/", "application/pdf")
    needs_acknowledgement = True

    def authoring_form(self, *, data=None, initial=None, context=None):
        return ObservationAuthoringForm(data=data, initial=initial)

    def render(self, *, config, data=None, errors=None):
        # Nothing to refill: the request to be observed has no inputs.
        return render_to_string("plugins/observation/render.html", {"config": config})

    def clean_response(self, *, config, data, files):
        reject_unknown_fields(data, set())
        reject_unknown_fields(files, set())
        return {}

    def grade(self, *, config, response):
        return None

    def render_result(self, *, config, response, result):
        record = result.get("record", {})
        items = result.get("items", {})
        rows = [
            {"text": c["text"], "met": items.get(c["id"], {}).get("competent", False)}
            for c in config["criteria"]
        ]
        return render_to_string(
            "plugins/observation/result.html", {"record": record, "rows": rows}
        )

    def grading_form(self, *, config, response, data=None, files=None):
        return ObservationGradingForm(
            data=data, files=files, config=config, response=response
        )

    def contract_examples(self):
        voice = line_id("c", "Proyecta la voz", 0)
        record = {"observed_on": "2026-03-02", "place": "Teatro Municipal"}
        return ContractExamples(
            authoring={
                "instructions": "Ensayo general.",
                "extra_criteria": "Proyecta la voz",
                "max_file_mb": "5",
            },
            passing=ExampleResponse(
                data={}, grading={**record, f"met-{voice}": "on"}, passed=True
            ),
            failing=ExampleResponse(data={}, grading=record, passed=False),
        )
