"""Figures read from the summary table, a fixed number of queries whatever
the number of people behind them."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from certification.models import (
    ApplicationRoute,
    ApplicationStatus,
    CredentialStatus,
    PerformanceCriterion,
    VerificationMethod,
)
from courses.models import CoursePage, LessonPage
from lms.reference.models import CountryCode, SectorCode
from lms.reference.regions import REGIONS, AgeBand, Gender, region_name
from plugins.models import Assessment

from .models import Metric, ReportFigure
from .scope import Scope

PERSONAL = ("region", "gender", "age_band")
SMALL_CELL = 5
SUPPRESSED = "<5"


@dataclass
class Table:
    """One figure: its rows (label, value[, more values]) and column names."""

    key: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    chart: str = "bars"  # bars | line | funnel | map
    country: str = ""  # a map's country
    codes: list[str] = field(default_factory=list)  # a map's regions, by row

    def suppressed(self) -> Table:
        """Counts under SMALL_CELL shown as «<5»; a row with such a count
        shows no rate or average either (they could single someone out)."""
        rows = []
        for label, *values in self.rows:
            small = any(isinstance(v, int) and 0 < v < SMALL_CELL for v in values)
            rows.append(
                [
                    label,
                    *[
                        "—" if small and isinstance(v, float) else _suppress(v)
                        for v in values
                    ],
                ]
            )
        return Table(
            self.key,
            self.title,
            self.columns,
            rows,
            self.chart,
            self.country,
            list(self.codes),
        )


def _suppress(value):
    if isinstance(value, int) and 0 < value < SMALL_CELL:
        return SUPPRESSED
    return value


def figures(scope: Scope, *, breakdown: str = "", **filters):
    queryset = ReportFigure.objects.filter(
        breakdown=breakdown, country__in=scope.countries
    )
    if scope.courses is not None:
        queryset = queryset.filter(course__in=scope.courses)
    for name, value in filters.items():
        if value:
            queryset = queryset.filter(**{name: value})
    return queryset


def _sum(queryset, by: str, metric: str):
    rows = (
        queryset.filter(metric=metric)
        .values(by)
        .annotate(v=Sum("value"), t=Sum("total"))
        .order_by(by)
    )
    return {row[by]: (row["v"] or 0, row["t"] or 0.0) for row in rows}


def _grid(queryset, by: str, metrics: list[str]):
    """{key: {metric: (value, total)}} in one query."""
    rows = (
        queryset.filter(metric__in=metrics)
        .values(by, "metric")
        .annotate(v=Sum("value"), t=Sum("total"))
        .order_by(by)
    )
    grid: dict = {}
    for row in rows:
        grid.setdefault(row[by], {})[row["metric"]] = (row["v"] or 0, row["t"] or 0.0)
    return grid


def collation_key(text: str) -> tuple[str, str]:
    """Dictionary order for Spanish names: accents and «ñ» sort beside their
    letter (Ñuble after Maule, not after every other region)."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c)), text


def _label(by: str, key) -> str:
    if key in ("", None):
        return str(_("No declarado"))
    if by == "country":
        return str(CountryCode(key).label) if key in CountryCode.values else key
    if by == "sector":
        return str(SectorCode(key).label) if key in SectorCode.values else key
    if by == "region":
        return region_name(key)
    if by == "gender":
        return str(Gender(key).label) if key in Gender.values else key
    if by == "age_band":
        return str(AgeBand(key).label) if key in AgeBand.values else key
    if by == "month":
        return key.strftime("%Y-%m")
    if by == "level":
        return str(_("Nivel %(n)s")) % {"n": key}
    return str(key)


def _average(value_total) -> float | str:
    value, total = value_total
    return round(float(total) / value, 1) if value else "—"


METRIC_LABELS = dict(Metric.choices)
BREAKDOWNS = {
    "country": _("Por país"),
    "sector": _("Por sector"),
    "level": _("Por nivel del estándar"),
    "region": _("Por región"),
    "gender": _("Por género"),
    "age_band": _("Por edad"),
}
CORE_METRICS = [
    Metric.ENROLMENTS,
    Metric.COMPLETIONS,
    Metric.APPLICATIONS,
    Metric.CREDENTIALS,
    Metric.VERIFICATIONS,
]


def dashboard(scope: Scope, **filters) -> list[Table]:
    """Every table of the dashboard for ``scope``: 19 queries or fewer,
    whatever the number of people (23 with a trainer's lesson and question
    tables)."""
    base = figures(scope, **filters)
    tables = [_monthly(base), _funnel(base)]
    personal = {name: figures(scope, breakdown=name, **filters) for name in PERSONAL}
    breakdowns = ["country", "sector", "level"]
    if not scope.regional:
        breakdowns += ["region", "gender", "age_band"]
    if scope.trainer:
        breakdowns = ["sector"]
    for by in breakdowns:
        grid = _grid(personal.get(by, base), by, BREAKDOWN_METRICS)
        tables.append(_breakdown(grid, by))
        if by == "region":
            tables += [
                _region_map(grid, country) for country in sorted(scope.countries)
            ]
    tables.append(
        _details(
            base,
            Metric.APPLICATIONS,
            "applications",
            _application_label,
            _("Postulaciones por vía y resultado"),
        )
    )
    tables.append(
        _details(
            base,
            Metric.CREDENTIALS,
            "credential_status",
            _status_label,
            _("Certificados emitidos, por estado actual"),
        )
    )
    tables.append(
        _details(
            base,
            Metric.VERIFICATIONS,
            "verification_method",
            _method_label,
            _("Verificaciones por medio"),
        )
    )
    tables.append(_pass_rates(base))
    tables.append(_course_pass_rates(base, scope))
    tables.append(_criteria(base))
    tables.append(_durations(base))
    if scope.trainer:
        tables.append(_lesson_dropoff(base, scope))
        tables.append(_items(base))
    if scope.suppress:
        tables = [table.suppressed() for table in tables]
    return tables


def _monthly(base) -> Table:
    grid = _grid(base, "month", CORE_METRICS)
    table = Table(
        "monthly",
        str(_("Evolución mensual")),
        [str(_("Mes")), *[str(METRIC_LABELS[m]) for m in CORE_METRICS]],
        chart="line",
    )
    for month in sorted(grid):
        table.rows.append(
            [
                _label("month", month),
                *[grid[month].get(m, (0, 0))[0] for m in CORE_METRICS],
            ]
        )
    return table


FUNNEL = [
    Metric.ENROLMENTS,
    Metric.COMPLETIONS,
    Metric.APPLICATIONS,
    Metric.CERTIFIED,
    Metric.CREDENTIALS,
]


def _funnel(base) -> Table:
    rows = base.filter(metric__in=FUNNEL).values("metric").annotate(v=Sum("value"))
    values = {row["metric"]: row["v"] or 0 for row in rows}
    table = Table(
        "funnel",
        str(_("Embudo: de la inscripción al certificado")),
        [str(_("Etapa")), str(_("Cantidad"))],
        chart="funnel",
    )
    for metric in FUNNEL:
        table.rows.append([str(METRIC_LABELS[metric]), values.get(metric, 0)])
    return table


BREAKDOWN_METRICS = [Metric.ENROLMENTS, Metric.COMPLETIONS, Metric.CREDENTIALS]


def _breakdown(grid: dict, by: str) -> Table:
    metrics = BREAKDOWN_METRICS
    table = Table(
        f"by_{by}",
        str(BREAKDOWNS[by]),
        [str(BREAKDOWNS[by]), *[str(METRIC_LABELS[m]) for m in metrics]],
    )
    for key in sorted(grid, key=lambda k: collation_key(_label(by, k))):
        table.rows.append(
            [_label(by, key), *[grid[key].get(m, (0, 0))[0] for m in metrics]]
        )
    return table


def _region_map(grid: dict, country: str) -> Table:
    """Every region of ``country`` (none left out, so the map and its table
    hold the same regions), coloured on the map by enrolments."""
    metrics = BREAKDOWN_METRICS
    table = Table(
        f"map_{country}",
        str(_("Mapa por región: %(country)s"))
        % {"country": _label("country", country)},
        [str(_("Región")), *[str(METRIC_LABELS[m]) for m in metrics]],
        chart="map",
        country=country,
    )
    for code, name in sorted(
        REGIONS.get(country, ()), key=lambda item: collation_key(item[1])
    ):
        table.codes.append(code)
        table.rows.append(
            [name, *[grid.get(code, {}).get(m, (0, 0))[0] for m in metrics]]
        )
    return table


def _application_label(detail: str) -> str:
    route, _sep, status = detail.partition(":")
    route_label = dict(ApplicationRoute.choices).get(route, route)
    status_label = dict(ApplicationStatus.choices).get(status, status)
    return f"{route_label} — {status_label}"


def _status_label(detail: str) -> str:
    return str(dict(CredentialStatus.choices).get(detail, detail))


def _method_label(detail: str) -> str:
    return str(dict(VerificationMethod.choices).get(detail, detail))


def _details(base, metric, key, labeller, title) -> Table:
    values = _sum(base, "detail", metric)
    table = Table(key, str(title), [str(_("Detalle")), str(_("Cantidad"))])
    for detail in sorted(values):
        table.rows.append([labeller(detail), values[detail][0]])
    if metric == Metric.CREDENTIALS:
        renewed = base.filter(metric=Metric.RENEWED).aggregate(v=Sum("value"))["v"]
        table.rows.append(
            [str(_("Renovados (segundo certificado o más)")), renewed or 0]
        )
    return table


def _pass_rates(base) -> Table:
    grid = _grid(base, "detail", [Metric.ATTEMPTS, Metric.ATTEMPTS_PASSED])
    table = Table(
        "pass_rates",
        str(_("Intentos de evaluación y aprobación, por tipo de evaluación")),
        [
            str(_("Tipo de evaluación")),
            str(_("Intentos")),
            str(_("Aprobados")),
            str(_("Tasa de aprobación (%)")),
        ],
    )
    for plugin in sorted(grid):
        attempts = grid[plugin].get(Metric.ATTEMPTS, (0, 0))[0]
        passed = grid[plugin].get(Metric.ATTEMPTS_PASSED, (0, 0))[0]
        if not attempts:
            continue
        rate = round(100 * passed / attempts, 1)
        table.rows.append([plugin, attempts, passed, rate])
    return table


def _durations(base) -> Table:
    rows = (
        base.filter(metric__in=[Metric.COMPLETIONS, Metric.CERTIFIED])
        .values("metric")
        .annotate(v=Sum("value"), t=Sum("total"))
    )
    values = {row["metric"]: (row["v"] or 0, row["t"] or 0.0) for row in rows}
    table = Table(
        "durations",
        str(_("Tiempos promedio (días)")),
        [str(_("Medida")), str(_("Personas")), str(_("Días"))],
    )
    for metric, label in (
        (Metric.COMPLETIONS, _("De la inscripción al curso completado")),
        (Metric.CERTIFIED, _("De la postulación al certificado")),
    ):
        value_total = values.get(metric, (0, 0.0))
        table.rows.append([str(label), value_total[0], _average(value_total)])
    return table


def _lesson_dropoff(base, scope: Scope) -> Table:
    """Per lesson of the trainer's courses, in course order: how many people
    completed it (where learners stop shows as the drop between rows).
    Two queries besides the summary's, whatever the number of courses."""
    done = _sum(base, "detail", Metric.LESSONS)
    enrolled = _sum(base, "course", Metric.ENROLMENTS)
    table = Table(
        "lessons",
        str(_("Avance lección por lección")),
        [str(_("Lección")), str(_("Personas"))],
    )
    courses = list(
        CoursePage.objects.filter(pk__in=scope.courses)
        .order_by("path")
        .values_list("pk", "title", "path")
    )
    paths = [path for _pk, _title, path in courses]
    lessons = (
        LessonPage.objects.filter(path__regex=_prefixes(paths))
        .order_by("path")
        .values_list("pk", "title", "path")
        if paths
        else []
    )
    by_course: dict[str, list] = {}
    for pk, title, path in lessons:
        by_course.setdefault(path[: -CoursePage.steplen], []).append((pk, title))
    for course_pk, course_title, path in courses:
        table.rows.append(
            [
                f"{course_title}: {_('inscripciones')}",
                enrolled.get(course_pk, (0, 0))[0],
            ]
        )
        for pk, title in by_course.get(path, []):
            table.rows.append(
                [f"{course_title}: {title}", done.get(str(pk), (0, 0))[0]]
            )
    return table


def _prefixes(paths: list[str]) -> str:
    import re

    return "^(" + "|".join(re.escape(p) for p in paths) + ")"


def _rate(part, whole) -> float:
    return round(100 * part / whole, 1)


def _course_pass_rates(base, scope: Scope) -> Table:
    grid = _grid(base, "course", [Metric.ATTEMPTS, Metric.ATTEMPTS_PASSED])
    titles = dict(
        CoursePage.objects.filter(pk__in=[k for k in grid if k]).values_list(
            "pk", "title"
        )
    )
    table = Table(
        "course_pass_rates",
        str(_("Intentos de evaluación y aprobación, por curso")),
        [
            str(_("Curso")),
            str(_("Intentos")),
            str(_("Aprobados")),
            str(_("Tasa de aprobación (%)")),
        ],
    )
    for course in sorted(grid, key=lambda k: titles.get(k, "")):
        attempts = grid[course].get(Metric.ATTEMPTS, (0, 0))[0]
        passed = grid[course].get(Metric.ATTEMPTS_PASSED, (0, 0))[0]
        if attempts:
            label = titles.get(course) or str(_("Fuera de un curso"))
            table.rows.append([label, attempts, passed, _rate(passed, attempts)])
    return table


def _criteria(base) -> Table:
    """How often each criterion was found met, per assessment."""
    values = _sum(base, "detail", Metric.CRITERIA)
    keys = [detail.split(":", 1) for detail in values]
    assessments = {
        pk: (title, config)
        for pk, title, config in Assessment.objects.filter(
            pk__in={int(a) for a, _k in keys if a.isdigit()}
        ).values_list("pk", "title", "config")
    }
    criteria = dict(
        PerformanceCriterion.objects.filter(
            pk__in={
                int(k[3:]) for _a, k in keys if k.startswith("pc:") and k[3:].isdigit()
            }
        ).values_list("pk", "code")
    )
    table = Table(
        "criteria",
        str(_("Logro por criterio de desempeño")),
        [
            str(_("Evaluación y criterio")),
            str(_("Veces evaluado")),
            str(_("Veces logrado")),
            str(_("Tasa de logro (%)")),
        ],
    )
    for detail in sorted(values):
        judged, met = values[detail]
        assessment, _sep, key = detail.partition(":")
        title, config = (
            assessments.get(int(assessment), (None, {}))
            if assessment.isdigit()
            else (None, {})
        )
        code = (
            criteria.get(int(key[3:]), key)
            if key.startswith("pc:") and key[3:].isdigit()
            else _own_criterion(config or {}, key)
        )
        met = int(met)
        table.rows.append(
            [f"{title or assessment}: {code}", judged, met, _rate(met, judged)]
        )
    return table


def _own_criterion(config: dict, key: str) -> str:
    """The text of a criterion of the assessment's own checklist (an
    observation's), or ``key`` when there is none."""
    own = config.get("criteria")
    if isinstance(own, list):
        for item in own:
            if isinstance(item, dict) and item.get("id") == key:
                return str(item.get("text") or key)
    return key


def _item_label(config: dict, plugin: str, key: str) -> str:
    items = config.get("questions" if plugin == "quiz" else "rubric") or []
    return next((item["text"] for item in items if item.get("id") == key), key)


def _items(base) -> Table:
    """Per quiz question and per rubric criterion of the trainer's courses:
    how often it was answered correctly or met. Two queries."""
    values = _sum(base, "detail", Metric.ITEMS)
    keys = [detail.partition(":") for detail in values]
    assessments = {
        pk: (title, plugin, config)
        for pk, title, plugin, config in Assessment.objects.filter(
            pk__in={int(a) for a, _s, _k in keys if a.isdigit()}
        ).values_list("pk", "title", "plugin_id", "config")
    }
    table = Table(
        "items",
        str(_("Aciertos por pregunta y por criterio de rúbrica")),
        [
            str(_("Evaluación y pregunta o criterio")),
            str(_("Veces evaluado")),
            str(_("Veces acertado o logrado")),
            str(_("Tasa de acierto (%)")),
        ],
    )
    labelled = []
    for detail, (judged, met) in values.items():
        assessment, _sep, key = detail.partition(":")
        title, plugin, config = assessments.get(
            int(assessment) if assessment.isdigit() else None, (assessment, "", {})
        )
        label = f"{title}: {_item_label(config or {}, plugin, key)}"
        labelled.append([label, judged, int(met), _rate(int(met), judged)])
    table.rows = sorted(labelled, key=lambda row: row[0])
    return table
