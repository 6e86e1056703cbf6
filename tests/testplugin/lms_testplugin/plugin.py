from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html

from plugins.base import (
    AssessmentPlugin,
    ContractExamples,
    ExampleResponse,
    GradingForm,
    Score,
)


class DummyAuthoringForm(forms.Form):
    prompt = forms.CharField()
    answer = forms.CharField()


class DummyGradingForm(GradingForm):
    correct = forms.BooleanField(required=False)

    def score(self):
        return Score(points=int(self.cleaned_data["correct"]), max_points=1)


class TestDummyPlugin(AssessmentPlugin):
    id = "testdummy"
    name = "Test dummy"
    description = "Type the expected word."
    shows_pass_mark = True

    def authoring_form(self, *, data=None, initial=None, context=None):
        return DummyAuthoringForm(data=data, initial=initial)

    def render(self, *, config, data=None, errors=None):
        return format_html(
            '<label>{} <input type="text" name="answer" value="{}"></label>',
            config["prompt"],
            data.get("answer", "") if data is not None else "",
        )

    def clean_response(self, *, config, data, files):
        if set(data.keys()) - {"answer"} or files:
            raise ValidationError("Unknown fields in the submission.")
        return {"answer": (data.get("answer") or "").strip()}

    def grade(self, *, config, response):
        if not response["answer"]:
            return None
        return Score(points=int(response["answer"] == config["answer"]), max_points=1)

    def grading_form(self, *, config, response, data=None, files=None):
        return DummyGradingForm(
            data=data, files=files, config=config, response=response
        )

    def contract_examples(self):
        return ContractExamples(
            authoring={"prompt": "Diga la palabra", "answer": "zanahoria-secreta"},
            secrets=("zanahoria-secreta",),
            passing=ExampleResponse(data={"answer": "zanahoria-secreta"}, passed=True),
            failing=ExampleResponse(
                data={"answer": ""}, grading={"correct": ""}, passed=False
            ),
        )
