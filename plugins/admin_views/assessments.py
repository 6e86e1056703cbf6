"""Admin screens to list, create and edit assessments with the plugin's own
authoring form."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from plugins.admin_views.forms import AssessmentForm
from plugins.models import Assessment
from plugins.registry import UnknownPlugin, all_plugins, get_plugin
from plugins.roles import assessments_all_sectors, assessments_scope, trainer_sector_ids

CONFIG_PREFIX = "config"
# The optional English version of the plugin's content: the same authoring
# form again, under its own prefix; left blank, English pages use the Spanish.
CONFIG_EN_PREFIX = "config_en"


def _require(request, codename):
    if not request.user.has_perm(f"plugins.{codename}"):
        raise PermissionDenied


def index(request):
    _require(request, "view_assessment")
    assessments = assessments_scope(
        Assessment.objects.select_related("sector"), request.user
    ).annotate(attempt_count=Count("attempts"))
    return TemplateResponse(
        request,
        "plugins/admin/assessment_index.html",
        {"assessments": assessments, "plugins": all_plugins()},
    )


def _assessment_form(request, instance=None):
    """The core fields; a trainer chooses among the sectors they train."""
    form = AssessmentForm(request.POST or None, instance=instance)
    if not assessments_all_sectors(request.user):
        sector = form.fields["sector"]
        sector.queryset = sector.queryset.filter(
            pk__in=trainer_sector_ids(request.user)
        )
        sector.required = True
    return form


def _authoring(plugin, request, initial=None, *, prefix=CONFIG_PREFIX):
    posted = request.method == "POST"
    if posted and prefix == CONFIG_EN_PREFIX:
        posted = _english_given(plugin, request)
    form = plugin.authoring_form(data=request.POST if posted else None, initial=initial)
    form.prefix = prefix
    return form


def _english_given(plugin, request) -> bool:
    """Whether the trainer wrote any text, or chose any items, in the English
    version's fields (numbers and check boxes come pre-filled, so they do not
    count)."""
    probe = plugin.authoring_form()
    kinds = (forms.CharField, forms.MultipleChoiceField, forms.ModelMultipleChoiceField)
    return any(
        value.strip()
        for name, field in probe.fields.items()
        if isinstance(field, kinds)
        for value in request.POST.getlist(f"{CONFIG_EN_PREFIX}-{name}")
    )


def _save(request, form, config_form, plugin, config_en_form):
    english = config_en_form.is_bound
    if english:
        # Texts the form takes from reference data come out in English.
        with translation.override("en"):
            config_en_form.is_valid()
    if not (
        form.is_valid()
        and config_form.is_valid()
        and (not english or config_en_form.is_valid())
    ):
        return None
    with transaction.atomic():
        assessment = form.save(commit=False)
        assessment.plugin_id = plugin.id
        assessment.config = config_form.cleaned_data
        assessment.config_en = config_en_form.cleaned_data if english else {}
        assessment.save()
        form.save_m2m()
    messages.success(request, _("Evaluación «%(t)s» guardada.") % {"t": assessment})
    return redirect("plugins_admin:assessment_index")


def _render(request, form, config_form, plugin, config_en_form, assessment=None):
    return TemplateResponse(
        request,
        "plugins/admin/assessment_form.html",
        {
            "form": form,
            "config_form": config_form,
            "config_en_form": config_en_form,
            "plugin": plugin,
            "assessment": assessment,
        },
    )


def create(request, plugin_id: str):
    _require(request, "add_assessment")
    try:
        plugin = get_plugin(plugin_id)
    except UnknownPlugin:
        raise Http404 from None
    form = _assessment_form(request)
    config_form = _authoring(plugin, request)
    config_en_form = _authoring(plugin, request, prefix=CONFIG_EN_PREFIX)
    if request.method == "POST":
        saved = _save(request, form, config_form, plugin, config_en_form)
        if saved:
            return saved
    return _render(request, form, config_form, plugin, config_en_form)


def edit(request, pk: int):
    _require(request, "change_assessment")
    assessment = get_object_or_404(
        assessments_scope(Assessment.objects.all(), request.user, writing=True), pk=pk
    )
    try:
        plugin = assessment.plugin
    except UnknownPlugin:
        raise Http404(
            _("El complemento de esta evaluación no está instalado.")
        ) from None
    form = _assessment_form(request, instance=assessment)
    config_form = _authoring(plugin, request, initial=assessment.config)
    config_en_form = _authoring(
        plugin, request, initial=assessment.config_en or None, prefix=CONFIG_EN_PREFIX
    )
    if request.method == "POST":
        saved = _save(request, form, config_form, plugin, config_en_form)
        if saved:
            return saved
    return _render(request, form, config_form, plugin, config_en_form, assessment)
