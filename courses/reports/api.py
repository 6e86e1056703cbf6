"""``/api/v1/reports/{code}``: the open-data aggregates as JSON."""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from .opendata import open_data_records

router = Router(tags=["reports"])


class Figure(Schema):
    month: str
    country: str
    sector: str
    standard: str
    level: str
    metric: str
    value: int | str


@router.get(
    "/{code}",
    response=list[Figure],
    summary="Open-data aggregates of a country or of the region",
    description=(
        "Monthly counts by country, sector, standard and national level "
        "(metrics: enrolments, completions, attempts, attempts_passed, "
        "applications, certified, credentials, renewed, verifications). "
        "`code` is CL, CO, MX, PE or `region`. Counts under five are given as "
        'the string "<5".'
    ),
)
def reports_open_data(request, code: str):
    records = open_data_records(code)
    if records is None:
        raise HttpError(404, _("País desconocido: use CL, CO, MX, PE o region."))
    return records
