"""Idempotent page writes for the demo: create or update, publish only on change."""

from django.db import models
from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page


def _normalise(value):
    if isinstance(value, StreamValue):
        return [
            {"type": item["type"], "value": item["value"]}
            for item in value.get_prep_value()
        ]
    if isinstance(value, models.Model):
        return value.pk
    return value


def _snapshot(page: Page, fields: dict, relations: dict) -> dict:
    state = {name: _normalise(getattr(page, name)) for name in fields}
    for name in relations:
        state[name] = sorted(obj.pk for obj in getattr(page, name).all())
    return state


def page_apply(page: Page, *, fields: dict, relations: dict | None = None) -> bool:
    """Give ``page`` these field values and many-to-many ``relations`` (name ->
    objects); save a revision and publish only when something changed or the
    page is not live. Returns whether it published."""
    relations = relations or {}
    before = _snapshot(page, fields, relations)
    for name, value in fields.items():
        setattr(page, name, value)
    for name, objects in relations.items():
        getattr(page, name).set(objects)
    if before == _snapshot(page, fields, relations) and page.live:
        return False
    page.save_revision().publish()
    return True


def child_page_upsert(
    parent: Page, model: type[Page], *, slug: str, fields: dict, relations=None
) -> tuple[Page, str]:
    """The ``model`` child of ``parent`` with ``slug``, created, updated or left
    alone; the second item says which ("created", "updated", "unchanged")."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(slug=slug, live=False, **fields))
        page_apply(page, fields=fields, relations=relations)
        return page, "created"
    changed = page_apply(page, fields=fields, relations=relations)
    return page, "updated" if changed else "unchanged"


def translation_upsert(
    source: Page, locale: Locale, *, fields: dict, relations=None
) -> tuple[Page, str]:
    """``source``'s translation into ``locale`` (same slug; its parent must be
    translated already), created by copying and then given ``fields``."""
    page = source.get_translation_or_none(locale)
    if page is None:
        page = source.copy_for_translation(locale)
        page_apply(page, fields=fields, relations=relations)
        return page, "created"
    changed = page_apply(page.specific, fields=fields, relations=relations)
    return page, "updated" if changed else "unchanged"


def assessment_lesson_place(course, spec: dict, fields) -> str:
    """The lesson ``spec`` (``slug``, and ``after``: the slug of the lesson it
    follows) under ``course``, with its English translation when the course
    has one; ``fields(language)`` gives the page's fields. Existing lessons
    are left as they are (only a missing translation is added)."""
    from courses.models import LessonPage

    existing = LessonPage.objects.child_of(course).filter(slug=spec["slug"]).first()
    if existing is not None:
        _lesson_translate(existing, fields)
        return "unchanged"
    lesson = course.add_child(instance=LessonPage(slug=spec["slug"], **fields("es")))
    lesson.save_revision().publish()
    anchor = LessonPage.objects.child_of(course).filter(slug=spec["after"]).first()
    if anchor is not None:
        lesson.move(anchor, pos="right")
    _lesson_translate(LessonPage.objects.get(pk=lesson.pk), fields)
    return "created"


def _lesson_translate(lesson, fields) -> None:
    english = Locale.objects.filter(language_code="en").first()
    if english is None or lesson.get_parent().get_translation_or_none(english) is None:
        return
    if lesson.get_translation_or_none(english) is not None:
        return
    translated = lesson.copy_for_translation(english)
    for name, value in fields("en").items():
        setattr(translated, name, value)
    translated.save_revision().publish()
