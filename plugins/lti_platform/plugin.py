"""External LTI 1.3 tools as lesson content (no package: ``packaged = False``).

``config`` is ``{"tool": <LtiTool id>, "target_link_uri": "" | url, "custom":
{...}}``. The state is the last AGS 2.0 score the tool sent for the learner
(``{"score": {...}}``, stored by ``plugins.lti_platform.views.scores``, never
posted by the learner's browser); ``result`` reads it: completed when the
activity is completed or submitted, or fully graded; the score as
``scoreGiven / scoreMaximum`` in percent; no verdict of its own (the item's
pass mark decides).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plugins.content import ContentPlugin, ContentResult

ACTIVITY_PROGRESS = ("Initialized", "Started", "InProgress", "Submitted", "Completed")
GRADING_PROGRESS = ("FullyGraded", "Pending", "PendingManual", "Failed", "NotReady")
CUSTOM_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


def _tools():
    from .models import LtiTool

    return LtiTool.objects.all()


class LtiConfigForm(forms.Form):
    tool = forms.ModelChoiceField(
        label=gettext_lazy("Herramienta registrada"),
        queryset=_tools(),
        required=True,
    )
    target_link_uri = forms.URLField(
        assume_scheme="https",
        label=gettext_lazy("URL de lanzamiento de este contenido"),
        required=False,
        help_text=gettext_lazy(
            "Opcional; vacío: la URL de lanzamiento de la herramienta."
        ),
    )
    custom = forms.CharField(
        label=gettext_lazy("Parámetros personalizados"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Opcional; uno por línea, como clave=valor."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tool"].queryset = _tools()

    def clean_custom(self) -> dict:
        found = {}
        for number, line in enumerate(self.cleaned_data["custom"].splitlines(), 1):
            if not line.strip():
                continue
            key, sep, value = line.partition("=")
            if not sep or not CUSTOM_KEY.match(key.strip()):
                raise ValidationError(
                    _("Línea %(n)s: escriba clave=valor (la clave sin espacios).")
                    % {"n": number}
                )
            found[key.strip()] = value.strip()
        return found


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


class LtiPlugin(ContentPlugin):
    id = "lti"
    name = gettext_lazy("Herramienta externa (LTI 1.3)")
    description = gettext_lazy(
        "Una herramienta LTI 1.3 registrada que el estudiante abre desde la "
        "lección y que devuelve su calificación."
    )
    extensions = ()
    packaged = False
    state_from_player = False
    config_form = LtiConfigForm

    def configure(self, *, cleaned_data) -> dict:
        return {
            "tool": cleaned_data["tool"].pk,
            "target_link_uri": cleaned_data.get("target_link_uri") or "",
            "custom": cleaned_data.get("custom") or {},
        }

    def config_initial(self, *, config) -> dict:
        custom = config.get("custom") or {}
        return {
            "tool": config.get("tool"),
            "target_link_uri": config.get("target_link_uri", ""),
            "custom": "\n".join(f"{key}={value}" for key, value in custom.items()),
        }

    def inspect(self, *, names, read) -> dict:
        raise ValidationError(_("Este tipo de contenido no lleva paquete."))

    def render(self, *, config, state, urls) -> str:
        result = self.result(config=config, state=state)
        return render_to_string(
            "lti_platform/player.html",
            {
                "launch": reverse(
                    "lti_platform:launch",
                    kwargs={"item_id": urls["item_id"], "page_id": urls["page_id"]},
                ),
                "result": result,
                "has_score": bool(state.get("score")),
            },
        )

    def clean_state(self, *, config, data) -> dict:
        """``data``: an AGS 2.0 score (``application/vnd.ims.lis.v1.score+json``)."""
        if not isinstance(data, dict):
            raise ValidationError(_("La calificación no es un objeto JSON."))
        if data.get("activityProgress") not in ACTIVITY_PROGRESS:
            raise ValidationError(_("activityProgress falta o no es válido."))
        if data.get("gradingProgress") not in GRADING_PROGRESS:
            raise ValidationError(_("gradingProgress falta o no es válido."))
        timestamp = data.get("timestamp")
        try:
            stamp = datetime.fromisoformat(str(timestamp).replace("Z", "+00:00"))
        except ValueError:
            stamp = None
        if stamp is None or stamp.tzinfo is None:
            raise ValidationError(_("timestamp falta o no es una fecha ISO 8601."))
        given = data.get("scoreGiven")
        maximum = data.get("scoreMaximum")
        score = {
            "activityProgress": data["activityProgress"],
            "gradingProgress": data["gradingProgress"],
            "timestamp": stamp.astimezone(UTC).isoformat(),
        }
        if given is not None:
            if _number(given) is None or given < 0:
                raise ValidationError(_("scoreGiven debe ser un número >= 0."))
            if _number(maximum) is None or maximum <= 0:
                raise ValidationError(
                    _("scoreMaximum debe ser un número > 0 cuando hay scoreGiven.")
                )
            score["scoreGiven"] = float(given)
            score["scoreMaximum"] = float(maximum)
        if isinstance(data.get("comment"), str):
            score["comment"] = data["comment"][:1000]
        return {"score": score}

    def result(self, *, config, state) -> ContentResult:
        score = state.get("score") or {}
        completed = score.get("activityProgress") in ("Completed", "Submitted") or (
            score.get("gradingProgress") == "FullyGraded"
        )
        percent = None
        if "scoreGiven" in score and score.get("scoreMaximum"):
            percent = round(100 * score["scoreGiven"] / score["scoreMaximum"], 2)
        return ContentResult(completed=completed, score=percent, passed=None)
