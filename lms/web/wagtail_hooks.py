"""Wagtail admin hooks of the platform layer."""

from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.fields import register_display_class
from wagtail.models import Site

from lms.public_url import (
    public_base_url,
    public_site_fields,
    public_url_matches,
    request_base_url,
)
from lms.web.admin_display import ZonedDateTimeDisplay


class PublicAddressPanel(Component):
    """Warns on the CMS dashboard when the site is reached at an address other
    than ``LMS_PUBLIC_URL``, or when the default Wagtail site disagrees with it:
    certificates issued meanwhile would carry the configured address."""

    name = "public_address"
    order = 10

    def __init__(self, problems: list[str]):
        self.problems = problems

    def render_html(self, parent_context=None):
        items = format_html(
            "".join("<li>{}</li>" for _problem in self.problems), *self.problems
        )
        return format_html(
            '<section class="panel help-block help-warning" role="alert" '
            'aria-labelledby="public-address-title">'
            '<h2 id="public-address-title">{}</h2><ul>{}</ul><p>{}</p></section>',
            _("Dirección pública del sitio"),
            items,
            _(
                "Los códigos QR, los enlaces de los certificados firmados y los "
                "correos usan la dirección configurada en LMS_PUBLIC_URL. "
                "Corríjala antes de emitir certificados: una vez firmados, no "
                "pueden cambiarse."
            ),
        )


def public_address_problems(request) -> list[str]:
    """What disagrees with ``LMS_PUBLIC_URL`` (empty when all agree)."""
    problems = []
    configured = public_base_url()
    if not public_url_matches(request):
        problems.append(
            _(
                "Este sitio se está visitando en %(actual)s, pero la dirección "
                "configurada es %(configured)s."
            )
            % {"actual": request_base_url(request), "configured": configured}
        )
    site = Site.objects.filter(is_default_site=True).first()
    wanted = public_site_fields()
    if site is not None and (site.hostname, site.port) != (
        wanted["hostname"],
        wanted["port"],
    ):
        problems.append(
            _(
                "El sitio predeterminado de Wagtail está en %(site)s y no coincide "
                "con %(configured)s (vuelva a ejecutar «manage.py seed_demo» o "
                "corrija el sitio en Configuración > Sitios)."
            )
            % {"site": f"{site.hostname}:{site.port}", "configured": configured}
        )
    return problems


@hooks.register("construct_homepage_panels")
def public_address_warning(request, panels):
    problems = public_address_problems(request)
    if problems:
        panels.insert(0, PublicAddressPanel(problems))


# Inspect views everywhere show moments in the person's zone, naming it.
register_display_class(models.DateTimeField, display_class=ZonedDateTimeDisplay)
