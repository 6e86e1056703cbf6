"""The reports dashboard in the CMS, its exports and the open-data files."""

from __future__ import annotations

import re

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.reference.models import CountryCode, SectorCode
from lms.spreadsheets import csv_bytes, xlsx_bytes

from .charts import chart_svg
from .models import ReportBuild
from .opendata import open_data_rows
from .scope import Scope, scope_for
from .selectors import dashboard

FORMATS = {"csv", "xlsx"}


class FilterForm(forms.Form):
    country = forms.ChoiceField(label=gettext_lazy("País"), required=False)
    sector = forms.ChoiceField(
        label=gettext_lazy("Sector"),
        required=False,
        choices=[("", gettext_lazy("Todos")), *SectorCode.choices],
    )
    year = forms.IntegerField(
        label=gettext_lazy("Año"), required=False, min_value=2000, max_value=2100
    )

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (c, label) for c, label in CountryCode.choices if c in scope.countries
        ]
        if scope.regional or scope.trainer or len(choices) == 1:
            del self.fields["country"]
        else:
            self.fields["country"].choices = [("", _("Todos")), *choices]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "sector": data.get("sector") or "",
            "month__year": data.get("year") or None,
        }


def _scope(request) -> tuple[Scope, FilterForm]:
    country = request.GET.get("country", "")
    scope = scope_for(request.user, country=country)
    if scope is None:
        raise Http404(_("No tiene informes que ver aquí."))
    form = FilterForm(request.GET or None, scope=scope)
    return scope, form


def dashboard_view(request):
    scope, form = _scope(request)
    tables = dashboard(scope, **form.filters())
    for table in tables:
        table.svg = chart_svg(table)
    return render(
        request,
        "reports/dashboard.html",
        {
            "page_title": _("Informes"),
            "scope": scope,
            "form": form,
            "tables": tables,
            "query": request.GET.urlencode(),
            "build": ReportBuild.objects.first(),
            "open_countries": sorted(scope.countries),
        },
    )


def export_view(request, key: str, fmt: str):
    if fmt not in FORMATS:
        raise Http404(_("Formato desconocido."))
    scope, form = _scope(request)
    tables = {t.key: t for t in dashboard(scope, **form.filters())}
    table = tables.get(key)
    if table is None:
        raise Http404(_("Tabla desconocida."))
    rows = [table.columns, *table.rows]
    title = re.sub(r"[\\/*?:\[\]]", " ", table.title)[:31]  # sheet-name rules
    return _file(rows, f"{key}.{fmt}", title=title)


def open_data_view(request, code: str, fmt: str):
    """The open-data file of a country (its code) or of the region
    (``region``): aggregates only, small cells suppressed, for publication."""
    if fmt not in FORMATS:
        raise Http404(_("Formato desconocido."))
    if scope_for(request.user) is None:
        raise Http404(_("No tiene informes que ver aquí."))
    rows = open_data_rows(code)
    if rows is None:
        raise Http404(_("País desconocido."))
    return _file(rows, f"datos-abiertos-{code}.{fmt}", title="datos")


def _file(rows, filename: str, *, title: str) -> HttpResponse:
    if filename.endswith(".csv"):
        body, kind = csv_bytes(rows), "text/csv; charset=utf-8"
    else:
        body = xlsx_bytes(rows, title=title)
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(body, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
