"""Charts drawn as inline SVG on the server: no script, readable at a glance,
and each one beside its data table (the table is what screen readers use;
the SVG is marked as an image with a text alternative)."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from .maps import map_svg
from .selectors import Table

WIDTH = 560
BAR = 22
GAP = 8
LABEL = 190
COLOURS = ("#1f6f8b", "#c0392b", "#7d5ba6", "#2e8b57", "#b8860b")


def _number(value) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def chart_svg(table: Table) -> SafeString:
    if not table.rows:
        return mark_safe("")
    if table.chart == "line":
        return _line(table)
    if table.chart == "map":
        return map_svg(table)
    return _bars(table)


def _bars(table: Table) -> SafeString:
    """Horizontal bars of the first value column (the funnel too)."""
    peak = max((_number(row[1]) for row in table.rows), default=0) or 1.0
    span = WIDTH - LABEL - 60
    height = len(table.rows) * (BAR + GAP) + GAP
    bars = []
    for index, row in enumerate(table.rows):
        y = GAP + index * (BAR + GAP)
        width = round(span * _number(row[1]) / peak, 1)
        x = LABEL + (span - width) / 2 if table.chart == "funnel" else LABEL
        bars.append(
            format_html(
                '<g class="bar" data-label="{label}" data-value="{value}">'
                '<text x="{lx}" y="{ty}" text-anchor="end">{short}</text>'
                '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{fill}"/>'
                '<text x="{vx}" y="{ty}">{value}</text></g>',
                label=row[0],
                value=row[1],
                short=_short(str(row[0])),
                lx=LABEL - 6,
                ty=y + BAR - 6,
                x=x,
                y=y,
                w=width,
                h=BAR,
                fill=COLOURS[0],
                vx=x + width + 4,
            )
        )
    return format_html(
        '<svg class="report-chart" viewBox="0 0 {w} {h}" role="img" '
        'aria-labelledby="chart-{key}-title" focusable="false">'
        '<title id="chart-{key}-title">{title}</title>{bars}</svg>',
        w=WIDTH,
        h=height,
        key=table.key,
        title=table.title,
        bars=mark_safe("".join(bars)),
    )


def _line(table: Table) -> SafeString:
    """One line per value column over the months (the rows)."""
    series = len(table.columns) - 1
    height, left, bottom, top = 240, 40, 30, 10
    plot_w, plot_h = WIDTH - left - 10, height - bottom - top
    peak = max((_number(v) for row in table.rows for v in row[1:]), default=0) or 1.0
    count = len(table.rows)
    step = plot_w / max(count - 1, 1)
    lines = []
    for column in range(series):
        points = " ".join(
            f"{round(left + i * step, 1)},"
            f"{round(top + plot_h - plot_h * _number(row[column + 1]) / peak, 1)}"
            for i, row in enumerate(table.rows)
        )
        lines.append(
            format_html(
                '<polyline class="series" data-series="{name}" points="{points}" '
                'fill="none" stroke="{colour}" stroke-width="2"/>',
                name=table.columns[column + 1],
                points=points,
                colour=COLOURS[column % len(COLOURS)],
            )
        )
    ticks = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" font-size="10">{}</text>',
        (
            (round(left + i * step, 1), height - 8, row[0])
            for i, row in enumerate(table.rows)
            if count <= 12 or i % max(count // 12, 1) == 0
        ),
    )
    legend = format_html_join(
        "",
        '<tspan fill="{}" dx="8">■ {}</tspan>',
        ((COLOURS[i % len(COLOURS)], name) for i, name in enumerate(table.columns[1:])),
    )
    return format_html(
        '<svg class="report-chart" viewBox="0 0 {w} {h}" role="img" '
        'aria-labelledby="chart-{key}-title" focusable="false">'
        '<title id="chart-{key}-title">{title}</title>'
        '<line x1="{l}" y1="{b}" x2="{r}" y2="{b}" stroke="#666"/>'
        '<text x="{l}" y="{peak_y}" font-size="10">{peak}</text>'
        "{lines}{ticks}</svg>"
        '<p class="report-legend"><svg viewBox="0 0 {w} 16" aria-hidden="true">'
        '<text x="0" y="12" font-size="11">{legend}</text></svg></p>',
        w=WIDTH,
        h=height,
        key=table.key,
        title=table.title,
        l=left,
        r=WIDTH - 10,
        b=top + plot_h,
        peak_y=top + 8,
        peak=int(peak),
        lines=mark_safe("".join(lines)),
        ticks=ticks,
        legend=legend,
    )


def _short(label: str, limit: int = 30) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
