from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from plugins.base import render_inputs
from plugins.registry import UnknownPlugin
from plugins.selectors import learner_state

register = template.Library()


@register.simple_tag(takes_context=True)
def assessment_panel(context, assessment, page=None):
    """The learner's panel for ``assessment``: status, attempts left, the
    plugin's inputs while an attempt is open, the result once graded.

    After a submission the learner can put right (``request.refused_submission``,
    set by the submit view) the open attempt's inputs come back filled with
    what was typed, with the messages above them and next to their fields."""
    request = context.get("request")
    user = getattr(request, "user", None)
    refused = getattr(request, "refused_submission", None)
    here = refused.here if refused else getattr(request, "path", "/")
    data = {"assessment": assessment, "page": page, "request": request, "here": here}
    try:
        plugin = assessment.plugin
    except UnknownPlugin:
        return render_to_string("plugins/assessment_unavailable.html", data, request)
    data["plugin"] = plugin
    if user is not None and user.is_authenticated:
        state = learner_state(assessment=assessment, user=user)
        data["state"] = state
        if state.current:
            mine = (
                refused if refused and refused.attempt_id == state.current.pk else None
            )
            data["inputs"] = mark_safe(
                render_inputs(
                    plugin,
                    config=state.current.presented,
                    data=mine.data if mine else None,
                    errors=mine.errors if mine else None,
                )
            )
            if mine:
                data["refused"] = mine
                mine.shown = True
        if state.latest and state.latest.is_graded:
            latest = state.latest
            data["result_html"] = mark_safe(
                plugin.render_result(
                    config=latest.presented,
                    response=latest.response,
                    result=latest.result,
                )
            )
    return render_to_string("plugins/assessment_panel.html", data, request)
