"""Admin screens to list, create and edit assessments with the plugin's own
authoring form."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plugins import services
from plugins.admin_views.forms import AssessmentForm
from plugins.authoring import ItemListField
from plugins.base import build_authoring_form
from plugins.models import Assessment
from plugins.models.assessments import REVISION_RELATIONS
from plugins.registry import UnknownPlugin, all_plugins, get_plugin
from plugins.roles import (
    PUBLISH_PERMISSION,
    assessments_all_sectors,
    assessments_scope,
    trainer_sector_ids,
)
from plugins.selectors import authoring_context

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


def _assessment_form(request, instance=None, initial=None):
    """The core fields; a trainer chooses among the sectors they train."""
    form = AssessmentForm(request.POST or None, instance=instance, initial=initial)
    if not assessments_all_sectors(request.user):
        sector = form.fields["sector"]
        sector.queryset = sector.queryset.filter(
            pk__in=trainer_sector_ids(request.user)
        )
        sector.required = True
    return form


def _context(request, draft=None, relations=None, *, english=False):
    """The read-only context of the plugin's authoring form: the core form's
    sector, units and criteria as posted, else as the draft has them; labels
    in the language of the version being authored."""
    if request.method == "POST":
        sector, units, criteria = (
            request.POST.get("sector"),
            request.POST.getlist("units"),
            request.POST.getlist("criteria"),
        )
    elif draft is not None and draft.pk:
        relations = relations or {
            name: list(getattr(draft, name).values_list("pk", flat=True))
            for name in REVISION_RELATIONS
        }
        sector, units, criteria = (
            draft.sector_id,
            relations["units"],
            relations["criteria"],
        )
    else:
        sector, units, criteria = None, (), ()
    with translation.override("en" if english else translation.get_language()):
        return authoring_context(
            sector_id=sector, unit_ids=units, criterion_ids=criteria
        )


def _authoring(plugin, request, initial=None, *, prefix=CONFIG_PREFIX, context):
    posted = request.method == "POST"
    if posted and prefix == CONFIG_EN_PREFIX:
        posted = _english_given(plugin, request, context)
    form = build_authoring_form(
        plugin,
        data=request.POST if posted else None,
        initial=initial,
        context=context,
    )
    form.prefix = prefix
    return form


def _english_given(plugin, request, context) -> bool:
    """Whether the trainer wrote any text, or chose any items, in the English
    version's fields (numbers and check boxes come pre-filled, so they do not
    count; a list of items counts by any text in its rows)."""
    probe = build_authoring_form(plugin, context=context)
    kinds = (forms.CharField, forms.MultipleChoiceField, forms.ModelMultipleChoiceField)
    for name, field in probe.fields.items():
        key = f"{CONFIG_EN_PREFIX}-{name}"
        if isinstance(field, ItemListField):
            if any(
                value.strip()
                for posted, values in request.POST.lists()
                if posted.startswith(f"{key}-")
                for value in values
            ):
                return True
        elif isinstance(field, kinds) and any(
            value.strip() for value in request.POST.getlist(key)
        ):
            return True
    return False


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
    assessment = form.save(commit=False)
    assessment.plugin_id = plugin.id
    assessment.config = config_form.cleaned_data
    assessment.config_en = config_en_form.cleaned_data if english else {}
    services.assessment_revise(
        assessment=assessment,
        relations={name: form.cleaned_data[name] for name in REVISION_RELATIONS},
        user=request.user,
    )
    if not request.user.has_perm(PUBLISH_PERMISSION):
        messages.success(
            request,
            _(
                "Cambios de «%(t)s» guardados. Los participantes los verán "
                "cuando un revisor los publique."
            )
            % {"t": assessment},
        )
    else:
        messages.success(
            request, _("Evaluación «%(t)s» guardada y publicada.") % {"t": assessment}
        )
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
    config_form = _authoring(plugin, request, context=_context(request))
    config_en_form = _authoring(
        plugin,
        request,
        prefix=CONFIG_EN_PREFIX,
        context=_context(request, english=True),
    )
    if request.method == "POST":
        saved = _save(request, form, config_form, plugin, config_en_form)
        if saved:
            return saved
    return _render(request, form, config_form, plugin, config_en_form)


def edit(request, pk: int):
    _require(request, "change_assessment")
    assessment = _scoped(request, pk)
    try:
        plugin = assessment.plugin
    except UnknownPlugin:
        return TemplateResponse(
            request,
            "plugins/admin/assessment_plugin_missing.html",
            {"assessment": assessment},
        )
    # The form shows, and a save builds on, the latest (unpublished) draft.
    draft, relations = assessment, None
    if assessment.has_unpublished_changes and assessment.latest_revision:
        draft = assessment.latest_revision.as_object()
        relations = Assessment.revision_relations(assessment.latest_revision)
    form = _assessment_form(request, instance=draft, initial=relations)
    config_form = _authoring(
        plugin,
        request,
        initial=draft.config,
        context=_context(request, draft, relations),
    )
    config_en_form = _authoring(
        plugin,
        request,
        initial=draft.config_en or None,
        prefix=CONFIG_EN_PREFIX,
        context=_context(request, draft, relations, english=True),
    )
    if request.method == "POST":
        saved = _save(request, form, config_form, plugin, config_en_form)
        if saved:
            return saved
    return _render(request, form, config_form, plugin, config_en_form, assessment)


def _scoped(request, pk):
    return get_object_or_404(
        assessments_scope(Assessment.objects.all(), request.user, writing=True), pk=pk
    )


def history(request, pk: int):
    """Every saved revision, newest first, with the live one marked; who may
    publish publishes a pending one from here."""
    _require(request, "change_assessment")
    assessment = _scoped(request, pk)
    revisions = assessment.revisions.select_related("user").order_by(
        "-created_at", "-id"
    )
    return TemplateResponse(
        request,
        "plugins/admin/assessment_history.html",
        {
            "assessment": assessment,
            "revisions": revisions,
            "may_publish": request.user.has_perm(PUBLISH_PERMISSION),
        },
    )


@require_POST
def publish(request, pk: int, revision_id: int):
    _require(request, "publish_assessment")
    assessment = _scoped(request, pk)
    revision = get_object_or_404(assessment.revisions, pk=revision_id)
    revision.publish(user=request.user)
    messages.success(
        request,
        _("Revisión de «%(t)s» publicada: es la versión que ven los participantes.")
        % {"t": revision.object_str},
    )
    return redirect("plugins_admin:assessment_history", pk=pk)
