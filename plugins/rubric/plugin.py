"""Open response with rubric: the learner writes and may attach files; an
assessor chooses one level per rubric criterion."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from plugins.authoring import DOCUMENT_TYPES, line_id, reject_unknown_fields
from plugins.base import (
    AssessmentPlugin,
    ContractExamples,
    ExampleFile,
    ExampleResponse,
    FixableError,
    GradingForm,
    Score,
)
from plugins.uploads import accept_attribute, describe_formats

TEXT_MAX = 20_000


def parse_rubric(text: str) -> list[dict]:
    """``Criterio: Nivel=puntos; Nivel=puntos`` per line -> rubric criteria."""
    criteria = []
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        title, sep, levels_text = line.partition(":")
        if not sep or not title.strip():
            raise ValidationError(
                _("Línea %(n)s: escriba «Criterio: Nivel=puntos; Nivel=puntos».")
                % {"n": n}
            )
        levels = []
        for index, chunk in enumerate(p for p in levels_text.split(";") if p.strip()):
            label, eq, points = chunk.rpartition("=")
            try:
                value = float(points)
            except ValueError:
                value = None
            if not eq or not label.strip() or value is None or value < 0:
                raise ValidationError(
                    _("Línea %(n)s: cada nivel se escribe «Nombre=puntos».") % {"n": n}
                )
            levels.append(
                {
                    "id": line_id("l", label.strip(), index),
                    "label": label.strip(),
                    "points": value,
                }
            )
        if len(levels) < 2:
            raise ValidationError(
                _("Línea %(n)s: se necesitan dos niveles o más.") % {"n": n}
            )
        criteria.append(
            {
                "id": line_id("r", title.strip(), n),
                "text": title.strip(),
                "levels": levels,
            }
        )
    if not criteria:
        raise ValidationError(_("Escriba al menos un criterio de la rúbrica."))
    return criteria


def print_rubric(criteria: list[dict]) -> str:
    return "\n".join(
        c["text"]
        + ": "
        + "; ".join(f"{lv['label']}={lv['points']:g}" for lv in c["levels"])
        for c in criteria
    )


class RubricAuthoringForm(forms.Form):
    prompt = forms.CharField(
        label=_l("Consigna"), widget=forms.Textarea(attrs={"rows": 5})
    )
    rubric = forms.CharField(
        label=_l("Rúbrica"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_l(
            "Un criterio por línea: «Criterio: Inicial=0; Logrado=2; Destacado=4»."
        ),
    )
    allow_files = forms.BooleanField(
        label=_l("Permitir archivos adjuntos"), required=False, initial=True
    )
    max_files = forms.IntegerField(
        label=_l("Máximo de archivos"), min_value=1, max_value=10, initial=3
    )
    max_file_mb = forms.IntegerField(
        label=_l("Tamaño máximo por archivo (MB)"),
        min_value=1,
        max_value=200,
        initial=20,
    )

    def __init__(self, *args, initial=None, **kwargs):
        initial = dict(initial or {})
        if isinstance(initial.get("rubric"), list):
            initial["rubric"] = print_rubric(initial["rubric"])
        super().__init__(*args, initial=initial, **kwargs)

    def clean_rubric(self):
        return parse_rubric(self.cleaned_data["rubric"])


class RubricGradingForm(GradingForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in self.config["rubric"]:
            self.fields[criterion["id"]] = forms.ChoiceField(
                label=criterion["text"],
                choices=[
                    (lv["id"], f"{lv['label']} ({lv['points']:g})")
                    for lv in criterion["levels"]
                ],
                widget=forms.RadioSelect,
            )
        self.order_fields([c["id"] for c in self.config["rubric"]] + ["feedback"])

    def score(self) -> Score:
        points = max_points = 0.0
        items = {}
        for criterion in self.config["rubric"]:
            levels = {lv["id"]: lv for lv in criterion["levels"]}
            chosen = levels[self.cleaned_data[criterion["id"]]]
            points += chosen["points"]
            max_points += max(lv["points"] for lv in criterion["levels"])
            items[criterion["id"]] = chosen["id"]
        return Score(
            points=points,
            max_points=max_points,
            feedback=self.cleaned_data.get("feedback", ""),
            items=items,
        )


class RubricPlugin(AssessmentPlugin):
    id = "rubric"
    evidence_kind = "product"
    name = _l("Respuesta abierta con rúbrica")
    description = _l(
        "El participante escribe y adjunta archivos; un evaluador aplica la rúbrica."
    )
    allowed_file_types = DOCUMENT_TYPES

    def authoring_form(self, *, data=None, initial=None, context=None):
        return RubricAuthoringForm(data=data, initial=initial)

    def render(self, *, config, data=None, errors=None):
        return render_to_string(
            "plugins/rubric/render.html",
            {
                "config": config,
                "text": data.get("text", "") if data is not None else "",
                "refilled": data is not None,
                "errors": errors or {},
                "formats": describe_formats(self.allowed_file_types),
                "accept": accept_attribute(self.allowed_file_types),
            },
        )

    def clean_response(self, *, config, data, files):
        reject_unknown_fields(data, {"text"})
        reject_unknown_fields(files, {"files"} if config.get("allow_files") else set())
        text = (data.get("text") or "").strip()
        errors = {}
        if not text:
            errors["text"] = _("Escriba su respuesta antes de enviarla.")
        elif len(text) > TEXT_MAX:
            errors["text"] = _("La respuesta supera los %(n)s caracteres.") % {
                "n": TEXT_MAX
            }
        uploads = files.getlist("files") if config.get("allow_files") else []
        if len(uploads) > config.get("max_files", 3):
            errors["files"] = _("Puede adjuntar hasta %(n)s archivos.") % {
                "n": config.get("max_files", 3)
            }
        if errors:
            raise FixableError(errors)
        return {"text": text, "files": uploads}

    def grade(self, *, config, response):
        return None

    def render_response(self, *, config, response):
        return render_to_string("plugins/rubric/response.html", {"response": response})

    def render_result(self, *, config, response, result):
        chosen = result.get("items", {})
        rows = []
        for criterion in config["rubric"]:
            level = next(
                (
                    lv
                    for lv in criterion["levels"]
                    if lv["id"] == chosen.get(criterion["id"])
                ),
                None,
            )
            top = max(lv["points"] for lv in criterion["levels"])
            rows.append({"criterion": criterion["text"], "level": level, "top": top})
        return render_to_string("plugins/rubric/result.html", {"rows": rows})

    def grading_form(self, *, config, response, data=None, files=None):
        return RubricGradingForm(
            data=data, files=files, config=config, response=response
        )

    def contract_examples(self):
        rubric = "Argumento: Inicial=0; Logrado=2\nFuentes: Inicial=0; Logrado=2"
        argument, sources = parse_rubric(rubric)

        def levels(index):
            return {c["id"]: c["levels"][index]["id"] for c in (argument, sources)}

        pdf = ExampleFile("ensayo.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
        return ContractExamples(
            authoring={
                "prompt": "Analice el contrato de edición.",
                "rubric": rubric,
                "allow_files": "on",
                "max_files": "2",
                "max_file_mb": "5",
            },
            passing=ExampleResponse(
                data={"text": "El contrato cede derechos por cinco años."},
                files={"files": [pdf]},
                grading={**levels(1), "feedback": "Bien argumentado."},
                passed=True,
            ),
            failing=ExampleResponse(
                data={"text": "No sé."}, grading=levels(0), passed=False
            ),
            fixable=ExampleResponse(data={"text": "  "}, passed=False),
        )
