from django import template
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from plugins.content import content_plugin
from plugins.content_views import may_play
from plugins.models import ContentProgress

register = template.Library()


@register.simple_tag(takes_context=True)
def content_player(context, item, page=None):
    """The content plugin's player for ``item`` on ``page``, resuming the
    learner's saved state; a message when it cannot be played here."""
    request = context.get("request")
    user = getattr(request, "user", None)
    plugin = content_plugin(item.plugin_id)
    if plugin is None:
        return format_html(
            '<p class="content-unavailable">{}</p>',
            _("Este contenido no está disponible en este momento."),
        )
    if page is None or user is None or not may_play(user, item, page.pk):
        return format_html(
            '<p class="content-unavailable">{}</p>',
            _("Inscríbase en el curso para ver este contenido interactivo."),
        )
    progress = ContentProgress.objects.filter(
        learner=user, item=item, page_id=page.pk
    ).first()
    args = {"item_id": item.pk, "page_id": page.pk}
    urls = {
        "launch": reverse(
            "plugins:content_file", kwargs={**args, "path": item.config["launch"]}
        ).replace("%3F", "?"),
        "state": reverse("plugins:content_state", kwargs=args),
        "state_id": f"content-state-{item.pk}",
        "csrf": get_token(request),
    }
    html = plugin.render(
        config=item.config, state=progress.state if progress else {}, urls=urls
    )
    if progress and progress.completed:
        html += format_html(
            '<p class="content-done" data-content-done>{}</p>',
            _("Contenido completado."),
        )
    return mark_safe(html)
