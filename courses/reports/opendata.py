"""Open data: aggregates per country and for the region, with every count
under five people shown as «<5» so that no one can be singled out. The same
rows feed the CSV/XLSX files and the API."""

from __future__ import annotations

from django.db.models import Sum

from lms.reference.models import CountryCode

from .models import ReportFigure
from .selectors import SMALL_CELL, SUPPRESSED

COLUMNS = ["month", "country", "sector", "standard", "level", "metric", "value"]


def _cell(value: int):
    return SUPPRESSED if 0 < value < SMALL_CELL else value


def open_data_records(code: str) -> list[dict] | None:
    """Monthly figures by country, sector, standard and level (no personal
    breakdowns: region, gender and age stay in the officers' dashboard),
    for ``code`` (a country) or ``"region"`` (all four)."""
    if code == "region":
        countries = CountryCode.values
    elif code in CountryCode.values:
        countries = [code]
    else:
        return None
    rows = (
        ReportFigure.objects.filter(breakdown="", country__in=countries)
        .exclude(metric__in=["lessons", "active", "items"])
        .values("month", "country", "sector", "standard", "level", "metric")
        .annotate(value=Sum("value"))
        .order_by("month", "country", "sector", "standard", "level", "metric")
    )
    return [
        {
            **row,
            "month": row["month"].strftime("%Y-%m"),
            "value": _cell(row["value"] or 0),
        }
        for row in rows
    ]


def open_data_rows(code: str) -> list[list] | None:
    records = open_data_records(code)
    if records is None:
        return None
    return [COLUMNS, *[[record[c] for c in COLUMNS] for record in records]]
