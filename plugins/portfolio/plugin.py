"""Portfolio of evidence: files (PDF, images, audio, video) and links to
recorded work, each tied to the criteria it shows; an assessor judges every
criterion competent or not yet competent."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from plugins.authoring import CriteriaAuthoringForm, line_id
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

ITEM_FIELD = re.compile(r"^item-(\d+)-(link|note|criteria|file)$")
COMPETENT, NOT_YET = "competent", "not_yet"


class PortfolioAuthoringForm(CriteriaAuthoringForm):
    instructions = forms.CharField(
        label=_l("Qué debe reunir el portafolio"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    max_items = forms.IntegerField(
        label=_l("Máximo de evidencias"), min_value=1, max_value=20, initial=5
    )
    max_file_mb = forms.IntegerField(
        label=_l("Tamaño máximo por archivo (MB)"),
        min_value=1,
        max_value=500,
        initial=100,
    )
    field_order = ["instructions", "performance_criteria", "extra_criteria"]


class PortfolioGradingForm(GradingForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in self.config["criteria"]:
            self.fields[f"verdict-{criterion['id']}"] = forms.ChoiceField(
                label=criterion["text"],
                choices=[
                    (COMPETENT, _l("Competente")),
                    (NOT_YET, _l("Aún no competente")),
                ],
                widget=forms.RadioSelect,
            )
            self.fields[f"comment-{criterion['id']}"] = forms.CharField(
                label=_l("Comentario"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.order_fields([*self.fields.keys() - {"feedback"}, "feedback"])

    def score(self) -> Score:
        verdicts, items = {}, {}
        for criterion in self.config["criteria"]:
            key = criterion["id"]
            verdicts[key] = self.cleaned_data[f"verdict-{key}"] == COMPETENT
            items[key] = {
                "competent": verdicts[key],
                "comment": self.cleaned_data.get(f"comment-{key}", ""),
            }
        met = sum(verdicts.values())
        return Score(
            points=met,
            max_points=len(verdicts),
            passed=all(verdicts.values()),
            feedback=self.cleaned_data.get("feedback", ""),
            items=items,
            criteria=verdicts,
        )


class PortfolioPlugin(AssessmentPlugin):
    id = "portfolio"
    evidence_kind = "product"
    name = _l("Portafolio de evidencias")
    description = _l(
        "Archivos y enlaces a obras registradas, cada uno ligado a criterios; el "
        "evaluador juzga cada criterio."
    )
    allowed_file_types = ("application/pdf", "image/", "audio/", "video/")

    def authoring_form(self, *, data=None, initial=None, context=None):
        return PortfolioAuthoringForm(data=data, initial=initial)

    def render(self, *, config, data=None, errors=None):
        errors = errors or {}
        slots = []
        for n in range(1, config.get("max_items", 5) + 1):
            prefix = f"item-{n}"
            slot = {
                "n": n,
                "link": data.get(f"{prefix}-link", "") if data is not None else "",
                "note": data.get(f"{prefix}-note", "") if data is not None else "",
                "criteria": data.getlist(f"{prefix}-criteria")
                if data is not None
                else [],
                "errors": [
                    message
                    for key, messages in errors.items()
                    if key == prefix or key.startswith(prefix + "-")
                    for message in messages
                ],
            }
            slot["used"] = data is not None and bool(
                slot["link"] or slot["note"] or slot["criteria"] or slot["errors"]
            )
            slots.append(slot)
        return render_to_string(
            "plugins/portfolio/render.html",
            {
                "config": config,
                "slots": slots,
                "formats": describe_formats(self.allowed_file_types),
                "accept": accept_attribute(self.allowed_file_types),
            },
        )

    def clean_response(self, *, config, data, files):
        limit = config.get("max_items", 5)
        criteria_ids = {c["id"] for c in config["criteria"]}
        items: dict[int, dict] = {}
        for key in [*data.keys(), *files.keys()]:
            match = ITEM_FIELD.match(key)
            if not match or not 1 <= int(match[1]) <= limit:
                raise ValidationError(
                    _("Campo desconocido en el envío: %(f)s.") % {"f": key}
                )
            if (match[2] == "file") != (key in files):
                raise ValidationError(
                    _("Campo desconocido en el envío: %(f)s.") % {"f": key}
                )
            items.setdefault(int(match[1]), {})
        evidence, errors = [], {}
        for n in sorted(items):
            try:
                item = self._clean_item(n, data, files, criteria_ids)
            except FixableError as exc:
                errors.update(exc.errors)
                continue
            if item:
                evidence.append(item)
        if errors:
            raise FixableError(errors)
        if not evidence:
            raise FixableError(_("Agregue al menos una evidencia (archivo o enlace)."))
        return {"items": evidence}

    def _clean_item(self, n, data, files, criteria_ids):
        link = (data.get(f"item-{n}-link") or "").strip()
        upload = files.get(f"item-{n}-file")
        note = (data.get(f"item-{n}-note") or "").strip()[:1000]
        chosen = data.getlist(f"item-{n}-criteria")
        if set(chosen) - criteria_ids or len(set(chosen)) != len(chosen):
            raise ValidationError(
                _("Criterio desconocido en la evidencia %(n)s.") % {"n": n}
            )
        field = f"item-{n}"
        if not link and not upload:
            if chosen or note:
                raise FixableError(
                    _("La evidencia %(n)s necesita un archivo o un enlace.") % {"n": n},
                    field=field,
                )
            return None
        if link:
            try:
                URLValidator(schemes=["https", "http"])(link)
            except ValidationError:
                raise FixableError(
                    _("La evidencia %(n)s tiene un enlace no válido.") % {"n": n},
                    field=field,
                ) from None
        if not chosen:
            raise FixableError(
                _("Indique qué criterios muestra la evidencia %(n)s.") % {"n": n},
                field=field,
            )
        return {"link": link, "note": note, "criteria": sorted(chosen), "file": upload}

    def grade(self, *, config, response):
        return None

    def render_response(self, *, config, response):
        labels = {c["id"]: c["text"] for c in config["criteria"]}
        return render_to_string(
            "plugins/portfolio/response.html",
            {"items": response.get("items", []), "labels": labels},
        )

    def render_result(self, *, config, response, result):
        items = result.get("items", {})
        rows = [
            {"text": c["text"], **items.get(c["id"], {})} for c in config["criteria"]
        ]
        return render_to_string("plugins/portfolio/result.html", {"rows": rows})

    def grading_form(self, *, config, response, data=None, files=None):
        return PortfolioGradingForm(
            data=data, files=files, config=config, response=response
        )

    def contract_examples(self):
        tune, breath = (line_id("c", t, i) for i, t in enumerate(["Afina", "Respira"]))
        audio = ExampleFile(
            "toma.mp3", b"ID3\x03\x00\x00\x00\x00\x00\x00", "audio/mpeg"
        )
        return ContractExamples(
            authoring={
                "instructions": "Reúna grabaciones.",
                "extra_criteria": "Afina\nRespira",
                "max_items": "3",
                "max_file_mb": "5",
            },
            passing=ExampleResponse(
                data={
                    "item-1-link": "https://example.org/ensayo",
                    "item-1-criteria": [tune, breath],
                    "item-2-criteria": [breath],
                },
                files={"item-2-file": [audio]},
                grading={f"verdict-{tune}": COMPETENT, f"verdict-{breath}": COMPETENT},
                passed=True,
            ),
            failing=ExampleResponse(
                data={"item-1-link": "https://example.org/b", "item-1-criteria": tune},
                grading={f"verdict-{tune}": COMPETENT, f"verdict-{breath}": NOT_YET},
                passed=False,
            ),
            fixable=ExampleResponse(
                data={"item-1-link": "no es un enlace", "item-1-criteria": tune},
                passed=False,
            ),
            tampered={"item-1-criteria": "c-forged"},
        )
