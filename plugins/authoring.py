"""Helpers plugins may use in their authoring forms (optional, not contract)."""

from __future__ import annotations

import hashlib

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l


def line_id(prefix: str, text: str, index: int) -> str:
    return prefix + hashlib.sha256(f"{index}\x1f{text}".encode()).hexdigest()[:8]


class CriteriaAuthoringForm(forms.Form):
    """Criteria judged one by one: performance criteria of the competency
    standards (id ``pc:<pk>``, which give evidence when judged competent) and
    free-text criteria, one per line. ``cleaned_data["criteria"]`` is the list
    ``[{"id", "text"}]`` stored in the config (a criterion of the standard in
    the active language: the English version is cleaned in English)."""

    performance_criteria = forms.ModelMultipleChoiceField(
        label=_l("Criterios de desempeño de la norma"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    extra_criteria = forms.CharField(
        label=_l("Otros criterios (uno por línea)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )

    def __init__(self, *args, initial=None, **kwargs):
        from certification.models import PerformanceCriterion

        initial = dict(initial or {})
        criteria = initial.pop("criteria", None) or []
        initial.setdefault(
            "performance_criteria",
            [int(c["id"][3:]) for c in criteria if c["id"].startswith("pc:")],
        )
        initial.setdefault(
            "extra_criteria",
            "\n".join(c["text"] for c in criteria if not c["id"].startswith("pc:")),
        )
        super().__init__(*args, initial=initial, **kwargs)
        self.fields[
            "performance_criteria"
        ].queryset = PerformanceCriterion.objects.select_related("unit").order_by(
            "unit__code", "sort_order", "code"
        )

    def clean(self):
        cleaned = super().clean()
        criteria = [
            {"id": f"pc:{pc.pk}", "text": f"{pc.code} — {pc.display_text}"}
            for pc in cleaned.pop("performance_criteria", None) or []
        ]
        lines = [
            line.strip()
            for line in (cleaned.pop("extra_criteria", "") or "").splitlines()
            if line.strip()
        ]
        criteria += [
            {"id": line_id("c", text, index), "text": text}
            for index, text in enumerate(lines)
        ]
        if not criteria:
            raise forms.ValidationError(_("Indique al menos un criterio."))
        cleaned["criteria"] = criteria
        return cleaned


def reject_unknown_fields(data, allowed) -> None:
    """Raise a ``ValidationError`` listing POST keys the form never renders."""
    unknown = sorted(set(data.keys()) - set(allowed))
    if unknown:
        raise forms.ValidationError(
            _("Campos desconocidos en el envío: %(f)s.") % {"f": ", ".join(unknown)}
        )


DOCUMENT_TYPES = (
    "application/pdf",
    "image/",
    "audio/",
    "video/",
    "application/vnd.openxmlformats-officedocument",
    "application/vnd.oasis.opendocument",
)
