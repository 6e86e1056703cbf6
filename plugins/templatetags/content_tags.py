from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from plugins.content import content_plugin
from plugins.content_views import may_play, player_html, player_urls
from plugins.models import ContentProgress

register = template.Library()


@register.simple_tag(takes_context=True)
def content_player(context, item, page=None):
    """The content plugin's player for ``item`` on ``page``, resuming the
    learner's saved state (in a frame of its own for ``framed`` plugins); a
    message when it cannot be played here."""
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
    if plugin.framed:
        html = format_html(
            '<iframe class="content-frame" data-content-frame title="{}" src="{}" '
            'style="width:100%;min-height:32rem;border:1px solid #ccc"></iframe>',
            item.title,
            player_urls(request, item, page.pk)["frame"],
        )
    else:
        html = player_html(request, item, page.pk)
    progress = ContentProgress.objects.filter(
        learner=user, item=item, page_id=page.pk, completed=True
    ).exists()
    if progress:
        html += format_html(
            '<p class="content-done" data-content-done>{}</p>',
            _("Contenido completado."),
        )
    return mark_safe(html)
