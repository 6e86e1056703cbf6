"""The officer's manual evidence: find the learner by name or national ID in
the officer's countries, record through ``evidence_manual_record`` (no
technical fields: the source reference is generated), and the second person's
confirmation."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from certification.integrity import IntegrityRefused, eligible_assessors
from certification.models import CompetencyUnit, Evidence, PerformanceCriterion
from certification.permissions import scope_queryset
from certification.roles import officer_countries
from certification.services import evidence_confirm, evidence_manual_record
from lms.reference.models import Country

MAX_CHOICES = 50


def user_label(user) -> str:
    """Full name, identity document and e-mail: tells two «Camila» apart."""
    document = user.national_id or _("sin documento")
    return f"{user.display_name} — {document} — {user.email or user.username}"


def _countries(user):
    if user.is_superuser:
        return set(Country.objects.values_list("code", flat=True))
    return officer_countries(user)


def learners_search(*, user, query: str):
    """Learners of ``user``'s countries whose name, e-mail or national ID
    contains ``query`` (IDs compared without dots, dashes or spaces)."""
    people = (
        get_user_model()
        .objects.filter(country__in=_countries(user), is_active=True)
        .exclude(pk=user.pk)
    )
    query = (query or "").strip()
    if query:
        compact = "".join(ch for ch in query if ch.isalnum())
        match = (
            Q(legal_name__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(email__icontains=query)
        )
        if compact:
            match |= Q(national_id__icontains=compact) | Q(national_id__icontains=query)
        people = people.filter(match)
    return people.order_by("legal_name", "last_name", "first_name", "pk")


class ChoiceLabelField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return user_label(obj)


class ManualEvidenceForm(forms.Form):
    """Everything an officer knows: who, which unit (or criterion), who
    assessed and when; the rest is generated."""

    learner = ChoiceLabelField(
        label=gettext_lazy("Participante"),
        queryset=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy(
                "Busque y elija a la persona participante (nombre o documento)."
            ),
            "invalid_choice": gettext_lazy(
                "La persona elegida no está entre las de su país."
            ),
        },
    )
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Unidad de competencia"),
        queryset=None,
        error_messages={"required": gettext_lazy("Elija la unidad de competencia.")},
    )
    criterion = forms.ModelChoiceField(
        label=gettext_lazy("Criterio de desempeño (opcional)"),
        queryset=None,
        required=False,
    )
    assessor = ChoiceLabelField(
        label=gettext_lazy("Evaluador que realizó la evaluación (opcional)"),
        queryset=None,
        required=False,
        help_text=gettext_lazy(
            "Si nombra a un evaluador, esa persona deberá confirmar la evidencia; "
            "si no, la confirmará otro oficial de su país."
        ),
    )
    assessed_on = forms.DateField(
        label=gettext_lazy("Fecha de la evaluación"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": gettext_lazy("Indique la fecha de la evaluación."),
            "invalid": gettext_lazy("Escriba la fecha como AAAA-MM-DD."),
        },
    )
    notes = forms.CharField(
        label=gettext_lazy("Notas"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, user, query: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        countries = _countries(user)
        learners = learners_search(user=user, query=query)
        if not self.is_bound:
            # Offer the first matches of a search; nothing before searching.
            shown = list(learners.values_list("pk", flat=True)[:MAX_CHOICES])
            learners = learners.filter(pk__in=shown) if query.strip() else None
        self.fields["learner"].queryset = (
            learners if learners is not None else get_user_model().objects.none()
        )
        units = scope_queryset(CompetencyUnit.objects.all(), user)
        self.fields["unit"].queryset = units.select_related("standard")
        self.fields["criterion"].queryset = PerformanceCriterion.objects.filter(
            unit__in=units
        )
        self.fields["assessor"].queryset = (
            get_user_model()
            .objects.filter(
                pk__in=[
                    pk
                    for country in countries
                    for pk in eligible_assessors(country=country).values_list(
                        "pk", flat=True
                    )
                ]
            )
            .exclude(pk=user.pk)
            .order_by("legal_name", "username")
        )

    def clean_assessed_on(self):
        day = self.cleaned_data["assessed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("La fecha no puede ser futura."))
        return day

    def clean(self):
        data = super().clean()
        unit, criterion = data.get("unit"), data.get("criterion")
        if unit and criterion and criterion.unit_id != unit.pk:
            self.add_error(
                "criterion", _("El criterio no pertenece a la unidad elegida.")
            )
        return data

    def save(self) -> Evidence:
        data = self.cleaned_data
        assessed_at = timezone.make_aware(
            datetime.datetime.combine(data["assessed_on"], datetime.time(12))
        )
        return evidence_manual_record(
            learner=data["learner"],
            unit=data["unit"],
            criterion=data["criterion"],
            assessor=data["assessor"],
            assessed_at=assessed_at,
            notes=data["notes"],
            recorded_by=self.user,
        )


def _require_officer(user):
    if not (user.is_active and (user.is_superuser or officer_countries(user))):
        raise PermissionDenied
    if not user.has_perm("certification.add_evidence"):
        raise PermissionDenied


def evidence_add(request):
    _require_officer(request.user)
    query = request.GET.get("q", "")
    form = ManualEvidenceForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        query=query,
    )
    if request.method == "POST" and form.is_valid():
        try:
            evidence = form.save()
        except IntegrityRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                _(
                    "Evidencia registrada para %(name)s; contará cuando otra "
                    "persona la confirme."
                )
                % {"name": evidence.learner.display_name},
            )
            return redirect("certification_evidence:index")
    return TemplateResponse(
        request,
        "certification/admin/evidence_add.html",
        {"form": form, "query": query, "page_title": _("Registrar evidencia")},
    )


def evidence_pending_for(user):
    """Manual evidence waiting for ``user``'s confirmation: naming them as
    assessor, or naming none in a country they are an officer of (and not
    recorded by them)."""
    rows = Evidence.objects.awaiting_confirmation().exclude(learner=user)
    mine = Q(assessor=user)
    countries = (
        _countries(user) if (user.is_superuser or officer_countries(user)) else set()
    )
    if countries:
        mine |= Q(assessor=None, unit__standard__country_id__in=countries) & ~Q(
            recorded_by=user
        )
    return rows.filter(mine).select_related(
        "learner", "unit", "criterion", "recorded_by"
    )


def evidence_pending(request):
    if not request.user.is_active:
        raise PermissionDenied
    return TemplateResponse(
        request,
        "certification/admin/evidence_pending.html",
        {
            "rows": evidence_pending_for(request.user)[:200],
            "page_title": _("Evidencias por confirmar"),
        },
    )


@require_POST
def evidence_confirm_view(request, pk: int):
    evidence = get_object_or_404(
        Evidence.objects.select_related("unit__standard", "learner"), pk=pk
    )
    try:
        evidence_confirm(evidence=evidence, confirmed_by=request.user)
    except IntegrityRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Evidencia confirmada."))
    return redirect("certification_admin:evidence_pending")
