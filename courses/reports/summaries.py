"""Rebuilding the summary table from the raw rows.

Each metric is one grouped query run by the database (no rows are brought
into Python one by one), so a rebuild at a million enrolments takes seconds,
and dashboards then read a table whose size depends on the number of
distinct breakdowns, not on the number of people.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.db import models, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import TruncMonth

from certification.models import Credential, ProgramApplication, VerificationLog
from courses.models import CoursePage, Enrolment, LessonCompletion, LessonPage
from plugins.models import Assessment, Attempt, AttemptStatus

from .models import Metric, ReportBuild, ReportFigure

BATCH = 2000
DAY = 86400.0

PERSON = ("country", "region", "gender", "age_band")
DIMENSIONS = (
    "country",
    "sector",
    "standard",
    "level",
    "region",
    "gender",
    "age_band",
    "course",
    "detail",
)


def _person(prefix: str) -> dict[str, str]:
    return {name: f"{prefix}__{name}" for name in PERSON}


def _program(prefix: str) -> dict[str, str]:
    return {
        "standard": f"{prefix}__standard__code",
        "level": f"{prefix}__standard__level__number",
    }


def _days(expression) -> models.Expression:
    return models.ExpressionWrapper(expression, output_field=models.DurationField())


def _grouped(queryset, when: str, fields: dict[str, str], **aggregates):
    """``queryset`` grouped by month of ``when`` and by ``fields`` (breakdown
    name -> lookup path), with ``aggregates``; yields plain dicts."""
    names = {f"_{name}": F(path) for name, path in fields.items()}
    rows = (
        queryset.annotate(_month=TruncMonth(when), **names)
        .values("_month", *names)
        .annotate(**aggregates)
        .order_by()
    )
    for row in rows.iterator(chunk_size=BATCH):
        if row["_month"] is None:
            continue
        out = {name: row[f"_{name}"] for name in fields}
        out["month"] = row["_month"]
        for key in aggregates:
            out[key] = row[key]
        yield out


def _figure(metric: str, row: dict, *, value=None, total=0.0, **extra) -> ReportFigure:
    values = {**row, **extra}
    month = values.pop("month")
    if hasattr(month, "date"):
        month = month.date()
    fields = {}
    for name in DIMENSIONS:
        item = values.get(name)
        if name == "course":
            fields[name] = item
        else:
            fields[name] = "" if item is None else str(item)
    return ReportFigure(
        metric=metric,
        month=month.replace(day=1),
        value=row.get("n", 0) if value is None else value,
        total=total,
        **fields,
    )


def _course_fields() -> dict[str, str]:
    return {
        **_person("user"),
        "sector": "course__sector__code",
        **_program("course__certification_program"),
        "course": "course_id",
    }


def enrolment_figures() -> Iterator[ReportFigure]:
    for row in _grouped(
        Enrolment.objects.all(), "enrolled_at", _course_fields(), n=Count("id")
    ):
        yield _figure(Metric.ENROLMENTS, row)
    completed = Enrolment.objects.filter(completed_at__isnull=False)
    for row in _grouped(
        completed,
        "completed_at",
        _course_fields(),
        n=Count("id"),
        span=Sum(_days(F("completed_at") - F("enrolled_at"))),
    ):
        span = row.pop("span")
        yield _figure(
            Metric.COMPLETIONS, row, total=span.total_seconds() / DAY if span else 0.0
        )
    for row in _grouped(
        LessonCompletion.objects.all(),
        "completed_at",
        _course_fields(),
        n=Count("user", distinct=True),
    ):
        yield _figure(Metric.ACTIVE, row)
    for row in _grouped(
        LessonCompletion.objects.all(),
        "completed_at",
        {**_course_fields(), "detail": "lesson_id"},
        n=Count("id"),
    ):
        yield _figure(Metric.LESSONS, row)


def _lesson_courses() -> dict[int, int]:
    """Lesson page id -> course page id (lessons are children of courses)."""
    courses = dict(CoursePage.objects.values_list("path", "pk"))
    lessons = {}
    for pk, path in LessonPage.objects.values_list("pk", "path"):
        parent = path[: -CoursePage.steplen]
        if parent in courses:
            lessons[pk] = courses[parent]
    return lessons


def attempt_figures() -> Iterator[ReportFigure]:
    lessons = _lesson_courses()
    fields = {
        **_person("learner"),
        "sector": "assessment__sector__code",
        "detail": "assessment__plugin_id",
        "page": "page_id",
    }
    submitted = Attempt.objects.filter(submitted_at__isnull=False)
    merged: dict[tuple, list] = defaultdict(lambda: [0, 0, None])
    for row in _grouped(
        submitted,
        "submitted_at",
        fields,
        n=Count("id"),
        passed=Count("id", filter=Q(status=AttemptStatus.PASSED)),
    ):
        page = row.pop("page")
        row["course"] = lessons.get(page)
        key = tuple(sorted((k, v) for k, v in row.items() if k not in ("n", "passed")))
        merged[key][0] += row["n"]
        merged[key][1] += row["passed"]
        merged[key][2] = row
    for count, passed, row in merged.values():
        yield _figure(Metric.ATTEMPTS, row, value=count)
        if passed:
            yield _figure(Metric.ATTEMPTS_PASSED, row, value=passed)


def _rubric_levels(assessments: set[int]) -> dict[int, dict]:
    """Rubric assessment id -> {criterion id: {level id: met}}: a level meets
    its criterion when it scores at least the assessment's pass mark of the
    criterion's top level (the rule the assessment applies to the whole)."""
    levels: dict[int, dict] = {}
    rubrics = Assessment.objects.filter(pk__in=assessments, plugin_id="rubric")
    for pk, config, pass_mark in rubrics.values_list("pk", "config", "pass_mark"):
        criteria = {}
        for criterion in (config or {}).get("rubric", []):
            points = {lv["id"]: float(lv["points"]) for lv in criterion["levels"]}
            top = max(points.values(), default=0.0)
            criteria[criterion["id"]] = {
                level: value >= top * pass_mark / 100 for level, value in points.items()
            }
        levels[pk] = criteria
    return levels


def _item_results(plugin: str, items: dict, rubric: dict | None) -> Iterator[tuple]:
    """(item id, met) of one attempt's per-item results: a quiz question
    answered correctly, a rubric criterion given a level that meets it."""
    if plugin == "quiz":
        for key, item in items.items():
            if isinstance(item, dict) and "correct" in item:
                yield key, bool(item["correct"])
    elif plugin == "rubric" and rubric is not None:
        for key, level in items.items():
            met = rubric.get(key, {}).get(level)
            if met is not None:
                yield key, met


def criterion_figures() -> Iterator[ReportFigure]:
    """Per assessment criterion: how many graded attempts judged it
    (``value``) and how many found it met (``total``); and per quiz question
    or rubric criterion (``items``): how many graded attempts it was part of
    and how many answered it correctly or met it. Read from each attempt's
    result in chunks: the one figure the database cannot group."""
    lessons = _lesson_courses()
    cells: dict[tuple, list] = defaultdict(lambda: [0, 0])
    graded = (
        Attempt.objects.filter(graded_at__isnull=False)
        .exclude(result={})
        .values_list(
            "graded_at",
            "learner__country",
            "assessment__sector__code",
            "assessment_id",
            "assessment__plugin_id",
            "page_id",
            "result",
        )
    )
    rubrics = _rubric_levels(
        set(
            Attempt.objects.filter(
                graded_at__isnull=False, assessment__plugin_id="rubric"
            ).values_list("assessment_id", flat=True)
        )
    )
    for when, country, sector, assessment, plugin, page, result in graded.iterator(
        chunk_size=BATCH
    ):
        result = result or {}
        where = (when.date().replace(day=1), country, sector, lessons.get(page))
        for key, met in result.get("criteria", {}).items():
            cell = cells[(Metric.CRITERIA, *where, f"{assessment}:{key}"[:40])]
            cell[0] += 1
            cell[1] += bool(met)
        items = result.get("items") or {}
        for key, met in _item_results(plugin, items, rubrics.get(assessment)):
            cell = cells[(Metric.ITEMS, *where, f"{assessment}:{key}"[:40])]
            cell[0] += 1
            cell[1] += met
    for (metric, month, country, sector, course, detail), (
        judged,
        met,
    ) in cells.items():
        row = {
            "month": month,
            "country": country,
            "sector": sector,
            "course": course,
            "detail": detail,
        }
        yield _figure(metric, row, value=judged, total=float(met))


def application_figures() -> Iterator[ReportFigure]:
    fields = {
        **_person("learner"),
        "sector": "program__standard__sector__code",
        **_program("program"),
        "route": "route",
        "status": "status",
    }
    for row in _grouped(
        ProgramApplication.objects.all(), "created_at", fields, n=Count("id")
    ):
        route, status = row.pop("route"), row.pop("status")
        yield _figure(Metric.APPLICATIONS, row, detail=f"{route}:{status}")
    issued = Credential.objects.filter(
        holder=OuterRef("learner"),
        program=OuterRef("program"),
        issued_at__isnull=False,
    ).order_by("issued_at")
    certified = ProgramApplication.objects.filter(status="certified").annotate(
        certified_at=Subquery(issued.values("issued_at")[:1])
    )
    for row in _grouped(
        certified.filter(certified_at__isnull=False),
        "certified_at",
        {**fields, "status": "route"},
        n=Count("id"),
        span=Sum(_days(F("certified_at") - F("created_at"))),
    ):
        span, route = row.pop("span"), row.pop("route")
        row.pop("status")
        yield _figure(
            Metric.CERTIFIED,
            row,
            detail=route,
            total=span.total_seconds() / DAY if span else 0.0,
        )


def _credential_fields(prefix: str = "") -> dict[str, str]:
    return {
        "country": f"{prefix}issuer__country_id",
        "region": f"{prefix}holder__region",
        "gender": f"{prefix}holder__gender",
        "age_band": f"{prefix}holder__age_band",
        "sector": f"{prefix}program__standard__sector__code",
        **_program(f"{prefix}program"),
    }


def credential_figures() -> Iterator[ReportFigure]:
    issued = Credential.objects.filter(issued_at__isnull=False)
    fields = {**_credential_fields(), "detail": "status"}
    for row in _grouped(issued, "issued_at", fields, n=Count("id")):
        yield _figure(Metric.CREDENTIALS, row)
    earlier = Credential.objects.filter(
        holder=OuterRef("holder"),
        program=OuterRef("program"),
        issued_at__lt=OuterRef("issued_at"),
    )
    renewed = issued.filter(Exists(earlier))
    for row in _grouped(renewed, "issued_at", _credential_fields(), n=Count("id")):
        yield _figure(Metric.RENEWED, row)


def verification_figures() -> Iterator[ReportFigure]:
    fields = {**_credential_fields("credential__"), "detail": "method"}
    for row in _grouped(VerificationLog.objects.all(), "at", fields, n=Count("id")):
        yield _figure(Metric.VERIFICATIONS, row)


SOURCES = (
    enrolment_figures,
    attempt_figures,
    criterion_figures,
    application_figures,
    credential_figures,
    verification_figures,
)


PERSONAL = ("region", "gender", "age_band")
KEYS = ("metric", "month", *DIMENSIONS)


def _margins(figures: Iterable[ReportFigure]) -> Iterator[ReportFigure]:
    """Each figure's row over everyone, and one row per personal breakdown
    (region, gender, age band), summed over the other two."""
    cells: dict[tuple, list[float]] = defaultdict(lambda: [0, 0.0])
    for figure in figures:
        values = {key: getattr(figure, key) for key in KEYS}
        for breakdown in ("", *PERSONAL):
            row = dict(values)
            for name in PERSONAL:
                if name != breakdown:
                    row[name] = ""
            cell = cells[(breakdown, *[row[key] for key in KEYS])]
            cell[0] += figure.value
            cell[1] += figure.total
    for (breakdown, *key), (value, total) in cells.items():
        yield ReportFigure(
            breakdown=breakdown,
            value=value,
            total=total,
            **dict(zip(KEYS, key, strict=True)),
        )


def figures_compute() -> Iterable[ReportFigure]:
    for source in SOURCES:
        yield from _margins(source())


def summaries_rebuild() -> ReportBuild:
    """Replace the whole summary with one computed from the raw rows, in one
    transaction: a dashboard reads either the old summary or the new one."""
    started = time.perf_counter()
    count = 0
    with transaction.atomic():
        ReportFigure.objects.all().delete()
        batch: list[ReportFigure] = []
        for figure in figures_compute():
            batch.append(figure)
            if len(batch) >= BATCH:
                ReportFigure.objects.bulk_create(batch)
                count += len(batch)
                batch = []
        ReportFigure.objects.bulk_create(batch)
        count += len(batch)
        ReportBuild.objects.all().delete()  # only the latest build is kept
        return ReportBuild.objects.create(
            seconds=time.perf_counter() - started, rows=count
        )
