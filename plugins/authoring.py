"""Helpers plugins may use in their authoring forms (optional, not contract)."""

from __future__ import annotations

import hashlib

from django import forms
from django.utils.html import format_html, format_html_join
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


class _Rows(list):
    """A posted list of items: each row's data, files and prefix."""


class ItemListWidget(forms.Widget):
    """Renders one sub-form per item (each under ``<name>-<n>-``) plus
    ``extra`` blank ones; reads back the posted rows."""

    template_name = ""

    def __init__(self, *, item_form, extra, form_kwargs=None, attrs=None):
        super().__init__(attrs)
        self.item_form = item_form
        self.extra = extra
        self.form_kwargs = form_kwargs or {}

    def subform(self, name, index, *, data=None, files=None, initial=None):
        return self.item_form(
            data=data,
            files=files,
            initial=initial,
            prefix=f"{name}-{index}",
            **self.form_kwargs,
        )

    def value_from_datadict(self, data, files, name):
        indices = set()
        for key in [*data.keys(), *files.keys()]:
            head, _sep, rest = key.partition(f"{name}-")
            index = rest.split("-", 1)[0]
            if head == "" and _sep and index.isdigit():
                indices.add(int(index))
        rows = _Rows(
            (data, files, index) for index in sorted(indices) if index < MAX_ITEMS
        )
        rows.name = name
        return rows

    def value_omitted_from_data(self, data, files, name):
        return False

    def render(self, name, value, attrs=None, renderer=None):
        if isinstance(value, _Rows):  # posted: the rows written in, as typed
            forms_ = [self.subform(name, i, data=d, files=f) for d, f, i in value]
            start = max((i for _d, _f, i in value), default=-1) + 1
            forms_ = [form for form in forms_ if form.has_changed()]
        else:
            items = value if isinstance(value, list) else []
            forms_ = [
                self.subform(name, i, initial=item) for i, item in enumerate(items)
            ]
            start = len(forms_)
        forms_ += [self.subform(name, start + n) for n in range(self.extra)]
        rows = format_html_join(
            "",
            '<fieldset class="item-list-row"><legend>{}</legend>{}</fieldset>',
            (
                (_("Elemento %(n)s") % {"n": n}, form.as_div())
                for n, form in enumerate(forms_, start=1)
            ),
        )
        return format_html('<div class="item-list" id="{}">{}</div>', name, rows)


#: Rows read from a POST at most (a bound on a forged submission).
MAX_ITEMS = 100


class ItemListField(forms.Field):
    """Structured configuration without text parsing: a list of items, each
    validated by its own small form (``item_form``, a ``forms.Form`` class).

    ``cleaned_data[name]`` is the list of the items' ``cleaned_data`` (rows
    left blank are dropped; an item keeps the ``id`` the item form returns);
    the stored list is the field's ``initial`` when editing, so the trainer
    sees one row per item plus ``extra`` blank ones to add more. Arguments
    the item form needs (choices from the ``AuthoringContext``) go in
    ``form_kwargs``, settable after construction::

        class Question(forms.Form):
            text = forms.CharField()
            criteria = forms.MultipleChoiceField(choices=())

            def __init__(self, *args, criteria=(), **kwargs):
                super().__init__(*args, **kwargs)
                self.fields["criteria"].choices = criteria

        class Authoring(forms.Form):
            questions = ItemListField(item_form=Question, min_items=1)

            def __init__(self, *args, context, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields["questions"].form_kwargs = {
                    "criteria": context.criteria_choices()
                }
    """

    def __init__(
        self, *, item_form, extra=2, min_items=0, max_items=MAX_ITEMS, **kwargs
    ):
        self.item_form = item_form
        self.min_items = min_items
        self.max_items = max_items
        kwargs.setdefault("required", bool(min_items))
        kwargs.setdefault("widget", ItemListWidget(item_form=item_form, extra=extra))
        super().__init__(**kwargs)

    @property
    def form_kwargs(self):
        return self.widget.form_kwargs

    @form_kwargs.setter
    def form_kwargs(self, value):
        self.widget.form_kwargs = dict(value)

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.widget.form_kwargs = dict(self.widget.form_kwargs)
        return result

    def to_python(self, value):
        return value

    def clean(self, value):
        if not isinstance(value, _Rows):  # the stored list (an unbound form)
            return value or []
        items, errors = [], []
        for data, files, index in value:
            form = self.widget.subform(value.name, index, data=data, files=files)
            if not form.has_changed():
                continue
            if form.is_valid():
                items.append(form.cleaned_data)
                continue
            for messages in form.errors.values():
                errors += [
                    _("Elemento %(n)s: %(m)s") % {"n": len(items) + 1, "m": m}
                    for m in messages
                ]
        if errors:
            raise forms.ValidationError(errors)
        if len(items) < self.min_items:
            raise forms.ValidationError(
                _("Agregue al menos %(n)s elemento(s).") % {"n": self.min_items}
            )
        if len(items) > self.max_items:
            raise forms.ValidationError(
                _("Puede agregar hasta %(n)s elementos.") % {"n": self.max_items}
            )
        return items
