"""The monthly PDF report of each country, e-mailed to its officers."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from certification.models import CountryOfficerGroup
from lms.reference.models import CountryCode

from .charts import chart_svg
from .scope import Scope
from .selectors import dashboard


def previous_month(today: dt.date) -> dt.date:
    first = today.replace(day=1)
    return (first - dt.timedelta(days=1)).replace(day=1)


def monthly_pdf(country: str, month: dt.date) -> bytes:
    """The report of ``country`` for ``month``, and the year until then."""
    from weasyprint import HTML

    scope = Scope(countries=frozenset({country}))
    tables = dashboard(scope, month__year=month.year, month__lte=month)
    for table in tables:
        table.svg = chart_svg(table)
    html = render_to_string(
        "reports/monthly_pdf.html",
        {
            "country": CountryCode(country).label,
            "month": month,
            "tables": tables,
            "generated": timezone.now(),
        },
    )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def monthly_reports_send(*, today: dt.date | None = None) -> int:
    """E-mail each country's officers last month's report; returns how many
    e-mails were sent."""
    month = previous_month(today or timezone.localdate())
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    sent = 0
    for link in CountryOfficerGroup.objects.select_related("group"):
        officers = users.filter(groups=link.group)
        for language in ("es", "en"):
            recipients = list(
                officers.filter(preferred_language=language).values_list(
                    "email", flat=True
                )
            )
            if not recipients:
                continue
            with translation.override(language):
                pdf = monthly_pdf(link.country_id, month)
                subject = _("Informe mensual %(country)s, %(month)s") % {
                    "country": CountryCode(link.country_id).label,
                    "month": month.strftime("%Y-%m"),
                }
                body = _(
                    "Adjuntamos el informe mensual de su país. Las cifras "
                    "detalladas están en «Informes» del administrador."
                )
            message = EmailMessage(subject, body, to=recipients)
            message.attach(
                f"informe-{link.country_id}-{month:%Y-%m}.pdf", pdf, "application/pdf"
            )
            sent += message.send()
    return sent
