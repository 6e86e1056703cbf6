"""Reads of the catalog and the learning journey, each in a bounded number of
queries whatever the number of lessons, enrolments or courses."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F, Func, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Substr
from wagtail.models import Locale, Page

from courses.models import (
    CourseLevel,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
)
from lms.reference.models import CountryCode, Sector


def canonical(page: Page) -> Page:
    """The page in the default locale sharing ``page``'s translation key (or
    ``page`` itself when no such translation exists): progress is stored there."""
    model = type(page) if type(page) is not Page else page.specific_class
    found = model.objects.filter(
        translation_key=page.translation_key,
        locale__language_code=settings.LANGUAGE_CODE,
    ).first()
    return found or page


def course_lesson_ids(course: CoursePage) -> list[int]:
    return list(LessonPage.objects.live().child_of(course).values_list("id", flat=True))


def _live_lesson_count(course_ref: str) -> Subquery:
    lessons = (
        LessonPage.objects.live()
        .filter(path__startswith=OuterRef(f"{course_ref}path"))
        .filter(depth=OuterRef(f"{course_ref}depth") + 1)
        .order_by()
        .annotate(total=Func(F("id"), function="COUNT"))
        .values("total")
    )
    return Subquery(lessons, output_field=IntegerField())


def catalog_search(*, locale: Locale, params) -> tuple:
    """Courses of ``locale`` matching the catalog's query string (``q``,
    ``sector``, ``country``, ``level``), and the filter choices to show."""
    courses = (
        CoursePage.objects.live()
        .filter(locale=locale)
        .select_related("sector", "cover_image")
        .prefetch_related("countries")
        .annotate(lesson_count=_live_lesson_count(""))
        .order_by("sector__priority", "title")
    )
    selected = {
        key: (params.get(key) or "").strip()
        for key in ("q", "sector", "country", "level")
    }
    if selected["sector"]:
        courses = courses.filter(sector__code=selected["sector"])
    if selected["country"]:
        courses = courses.filter(countries__code=selected["country"])
    if selected["level"]:
        courses = courses.filter(level=selected["level"])
    if selected["q"]:
        matches = CoursePage.objects.live().filter(locale=locale).search(selected["q"])
        courses = courses.filter(pk__in=[match.pk for match in matches])
    filters = {
        "selected": selected,
        "sectors": list(Sector.objects.all()),
        "countries": CountryCode.choices,
        "levels": CourseLevel.choices,
    }
    return courses, filters


@dataclass
class Progress:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def complete(self) -> bool:
        return bool(self.total) and self.done >= self.total


def _completed_keys(user, course: CoursePage) -> set:
    if not user.is_authenticated:
        return set()
    return set(
        LessonCompletion.objects.filter(user=user, course=course).values_list(
            "lesson__translation_key", flat=True
        )
    )


def _enrolment(user, course: CoursePage):
    if not user.is_authenticated:
        return None
    return Enrolment.objects.active().filter(user=user, course=course).first()


@dataclass
class OutlineLesson:
    """A lesson as listed in its course's outline: plain values, no page object,
    so a course of hundreds of lessons lists them cheaply. ``link`` is built from
    the course's URL (a lesson's URL is its course's plus its slug)."""

    pk: int
    title: str
    slug: str
    translation_key: str
    summary: str
    estimated_minutes: int
    link: str | None
    is_completed: bool = False

    @property
    def id(self) -> int:
        return self.pk


def course_outline(*, course: CoursePage, user) -> dict:
    """Lessons of ``course`` (in its own locale, as ``OutlineLesson``) with the
    learner's state."""
    source = canonical(course)
    done = _completed_keys(user, source)
    course_url = course.get_url()
    lessons = [
        OutlineLesson(
            pk=pk,
            title=title,
            slug=slug,
            translation_key=str(key),
            summary=summary,
            estimated_minutes=minutes,
            link=f"{course_url}{slug}/" if course_url else None,
            is_completed=key in done,
        )
        for pk, title, slug, key, summary, minutes in LessonPage.objects.live()
        .child_of(course)
        .values_list(
            "id", "title", "slug", "translation_key", "summary", "estimated_minutes"
        )
    ]
    completed_count = sum(lesson.is_completed for lesson in lessons)
    resume = next((lesson for lesson in lessons if not lesson.is_completed), None)
    return {
        "lessons": lessons,
        "enrolment": _enrolment(user, source),
        "progress": Progress(done=completed_count, total=len(lessons)),
        "resume": resume or (lessons[0] if lessons else None),
    }


def lesson_context(*, lesson: LessonPage, user) -> dict:
    """The course around ``lesson``: siblings to navigate and the learner state."""
    course = lesson.get_parent().specific
    outline = course_outline(course=course, user=user)
    lessons = outline["lessons"]
    index = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), None)
    previous_lesson = lessons[index - 1] if index else None
    next_lesson = (
        lessons[index + 1] if index is not None and index + 1 < len(lessons) else None
    )
    is_completed = index is not None and lessons[index].is_completed
    return {
        "course": course,
        "outline": outline,
        "previous_lesson": previous_lesson,
        "next_lesson": next_lesson,
        "is_completed": is_completed,
    }


@dataclass
class DashboardRow:
    enrolment: Enrolment
    course: CoursePage
    progress: Progress
    resume: Page


def _next_lesson():
    """The live lesson after the enrolment's last completed one, in the
    course's order (its next sibling in the page tree)."""
    depth = OuterRef("last_lesson__depth")
    return (
        LessonPage.objects.live()
        .filter(
            depth=depth,
            path__gt=OuterRef("last_lesson__path"),
            path__startswith=Substr(
                OuterRef("last_lesson__path"), 1, (depth - 1) * Page.steplen
            ),
        )
        .order_by("path")
    )


def learner_dashboard(*, user, language_code: str) -> list[DashboardRow]:
    """The learner's active enrolments with progress and a resume link (the
    lesson after the last one completed; the course page once the last lesson
    is done, which points at any lesson left), in five queries whatever the
    number of enrolments."""
    enrolments = list(
        Enrolment.objects.active()
        .filter(user=user)
        .select_related("course", "last_lesson")
        .annotate(
            total=_live_lesson_count("course__"),
            next_lesson_id=Subquery(_next_lesson().values("pk")[:1]),
            next_lesson_key=Subquery(_next_lesson().values("translation_key")[:1]),
        )
        .order_by("completed_at", "-enrolled_at")
    )
    if not enrolments:
        return []
    done = dict(
        LessonCompletion.objects.filter(
            user=user,
            course_id__in=[e.course_id for e in enrolments],
            lesson__live=True,
        )
        .values("course_id")
        .annotate(n=Count("id"))
        .values_list("course_id", "n")
    )
    keys = [e.course.translation_key for e in enrolments] + [
        e.next_lesson_key for e in enrolments if e.next_lesson_key
    ]
    next_ids = [e.next_lesson_id for e in enrolments if e.next_lesson_id]
    localized, canonical = {}, {}
    for page in Page.objects.filter(
        Q(translation_key__in=keys, locale__language_code=language_code, live=True)
        | Q(pk__in=next_ids)
    ).select_related("locale"):
        canonical[page.pk] = page
        if page.locale.language_code == language_code:
            localized[page.translation_key] = page
    rows = []
    for enrolment in enrolments:
        course = localized.get(enrolment.course.translation_key, enrolment.course)
        resume = course
        if enrolment.next_lesson_id and not enrolment.completed_at:
            resume = localized.get(
                enrolment.next_lesson_key, canonical.get(enrolment.next_lesson_id)
            )
        progress = Progress(
            done=done.get(enrolment.course_id, 0), total=enrolment.total or 0
        )
        rows.append(DashboardRow(enrolment, course, progress, resume))
    return rows
