from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from plugins.registry import UnknownPlugin
from plugins.selectors import learner_state

register = template.Library()


@register.simple_tag(takes_context=True)
def assessment_panel(context, assessment, page=None):
    """The learner's panel for ``assessment``: status, attempts left, the
    plugin's inputs while an attempt is open, the result once graded."""
    request = context.get("request")
    user = getattr(request, "user", None)
    data = {"assessment": assessment, "page": page, "request": request}
    try:
        plugin = assessment.plugin
    except UnknownPlugin:
        return render_to_string("plugins/assessment_unavailable.html", data, request)
    if user is not None and user.is_authenticated:
        state = learner_state(assessment=assessment, user=user)
        data["state"] = state
        if state.current:
            data["inputs"] = mark_safe(plugin.render(config=state.current.presented))
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
