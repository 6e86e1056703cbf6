"""Choropleth maps of a country's first-level regions, drawn as inline SVG
from the outlines in ``data/regions_<cc>.json`` (Natural Earth, public
domain; see ``data/SOURCE.md``). Like the charts, each map sits beside its
data table, which is what screen readers use."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .selectors import SUPPRESSED, Table

DATA = Path(__file__).resolve().parent / "data"
#: Sequential blues, lightest to darkest; class 0 is "none".
CLASS_COLOURS = ("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
NONE_COLOUR = "#f4f4f4"
CLASSES = len(CLASS_COLOURS)


@cache
def region_shapes(country: str) -> dict:
    """``{"viewBox": ..., "regions": {code: path}}`` of ``country`` (empty
    when there is no outline for it)."""
    path = DATA / f"regions_{country.lower()}.json"
    if not country.isalpha() or not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def class_bounds(peak: int) -> list[tuple[int, int, int]]:
    """(class, lowest count, highest count) of each colour class: five equal
    steps up to ``peak`` (fewer when the peak is under five)."""
    bounds, low = [], 1
    for index in range(1, CLASSES + 1):
        high = -(-index * peak // CLASSES)  # ceiling
        if high >= low:
            bounds.append((index, low, high))
            low = high + 1
    return bounds


def colour_class(value, peak: int) -> str:
    """``map-class-1`` (lowest) to ``map-class-5`` (highest), ``map-none``
    for no one and ``map-suppressed`` for a count shown as «<5»."""
    if value == SUPPRESSED:
        return "map-suppressed"
    if not isinstance(value, int) or value <= 0 or peak <= 0:
        return "map-none"
    for index, _low, high in class_bounds(peak):
        if value <= high:
            return f"map-class-{index}"
    return f"map-class-{CLASSES}"


def map_svg(table: Table) -> SafeString:
    """The map of ``table`` (rows: region name, the figure it is coloured
    by, more figures; ``table.codes``: the regions' codes, row by row)."""
    shapes = region_shapes(table.country)
    if not shapes:
        return mark_safe("")
    values = {code: row[1] for code, row in zip(table.codes, table.rows, strict=True)}
    labels = {code: row[0] for code, row in zip(table.codes, table.rows, strict=True)}
    peak = max((v for v in values.values() if isinstance(v, int)), default=0)
    regions = format_html_join(
        "",
        '<path class="region {}" data-region="{}" data-value="{}" d="{}">'
        "<title>{}: {}</title></path>",
        (
            (
                colour_class(values.get(code, 0), peak),
                code,
                values.get(code, 0),
                path,
                labels.get(code, code),
                values.get(code, 0),
            )
            for code, path in shapes["regions"].items()
        ),
    )
    style = "".join(
        f".map-class-{i + 1}{{fill:{colour}}}" for i, colour in enumerate(CLASS_COLOURS)
    )
    svg = format_html(
        '<svg class="report-chart report-map" viewBox="{box}" role="img" '
        'aria-labelledby="chart-{key}-title chart-{key}-desc" focusable="false">'
        '<title id="chart-{key}-title">{title}</title>'
        '<desc id="chart-{key}-desc">{desc}</desc>'
        '<defs><pattern id="hatch-{key}" width="6" height="6" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#fff"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#767676" stroke-width="2"/>'
        "</pattern></defs>"
        "<style>.region{{stroke:#555;stroke-width:0.6;fill:{none}}}{style}"
        ".map-suppressed{{fill:url(#hatch-{key})}}</style>"
        "{regions}</svg>",
        box=shapes["viewBox"],
        key=table.key,
        title=table.title,
        desc=_(
            "Cada región está coloreada según %(figure)s: cuanto más oscuro, "
            "más alto. Las cifras están en la tabla."
        )
        % {"figure": table.columns[1].lower()},
        none=NONE_COLOUR,
        style=mark_safe(style),
        regions=regions,
    )
    return svg + _legend(table, peak, any(v == SUPPRESSED for v in values.values()))


def _legend(table: Table, peak: int, suppressed: bool) -> SafeString:
    items = [
        (NONE_COLOUR, "", _("Ninguna")),
        *(
            (
                CLASS_COLOURS[index - 1],
                "",
                str(low) if low == high else f"{low}–{high}",
            )
            for index, low, high in class_bounds(peak)
        ),
    ]
    if suppressed:
        items.append(("", "report-map-hatch", _("Menos de 5 (cifra oculta)")))
    return format_html(
        '<ul class="report-map-legend" aria-label="{}">{}</ul>',
        _("Leyenda: %(figure)s") % {"figure": table.columns[1]},
        format_html_join(
            "",
            '<li><span class="report-map-swatch {}" style="background:{}" '
            'aria-hidden="true"></span>{}</li>',
            ((css, colour or "transparent", text) for colour, css, text in items),
        ),
    )
