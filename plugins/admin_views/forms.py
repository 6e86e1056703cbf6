from django import forms
from django.utils.translation import gettext_lazy as _

from plugins.models import Assessment
from plugins.registry import plugin_choices
from plugins.selectors import AGE_CHOICES


class AssessmentForm(forms.ModelForm):
    """The core fields of an assessment; the plugin's authoring form is shown
    beside it and becomes ``config``."""

    class Meta:
        model = Assessment
        fields = [
            "title",
            "title_en",
            "instructions",
            "instructions_en",
            "sector",
            "pass_mark",
            "max_attempts",
            "time_limit_minutes",
            "second_assessor",
            "units",
            "criteria",
        ]
        widgets = {
            "instructions": forms.Textarea(attrs={"rows": 3}),
            "instructions_en": forms.Textarea(attrs={"rows": 3}),
            "units": forms.SelectMultiple(attrs={"size": 6}),
            "criteria": forms.SelectMultiple(attrs={"size": 8}),
        }


class QueueFilterForm(forms.Form):
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    course = forms.ChoiceField(label=_("Curso"), required=False)
    country = forms.ChoiceField(label=_("País"), required=False)
    plugin = forms.ChoiceField(label=_("Tipo"), required=False)
    age = forms.ChoiceField(label=_("Antigüedad"), required=False)
    mine = forms.BooleanField(label=_("Solo míos o sin asignar"), required=False)

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("Todos"))]
        self.fields["sector"].choices = everything + [
            (s.code, str(s)) for s in choices["sectors"]
        ]
        self.fields["course"].choices = everything + [
            (str(c.pk), c.title) for c in choices["courses"]
        ]
        self.fields["country"].choices = everything + list(choices["countries"])
        self.fields["plugin"].choices = everything + [
            (key, str(label)) for key, label in plugin_choices()
        ]
        self.fields["age"].choices = [("", _("Cualquiera"))] + [
            (str(days), _("Más de %(d)s días") % {"d": days}) for days in AGE_CHOICES
        ]


class AssignForm(forms.Form):
    assessor = forms.ModelChoiceField(label=_("Evaluador"), queryset=None)
    second = forms.BooleanField(label=_("Como segundo evaluador"), required=False)

    def __init__(self, *args, attempt, **kwargs):
        from certification.integrity import eligible_assessors

        super().__init__(*args, **kwargs)
        self.fields["assessor"].queryset = (
            eligible_assessors(
                country=attempt.learner.country, sector_id=attempt.assessment.sector_id
            )
            .exclude(pk=attempt.learner_id)
            .order_by("legal_name", "username")
        )
        self.fields["assessor"].label_from_instance = _assessor_label


def _assessor_label(user) -> str:
    return f"{user.display_name} ({user.email or user.username})"
