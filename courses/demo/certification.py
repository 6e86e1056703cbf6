"""Wires the demo courses to the certification programs and units they lead
to (a seeder of ``seed_demo``): the program-to-course table is
``certification.demo.PROGRAMS``."""

from certification.demo import PROGRAMS
from certification.models import CertificationProgram
from courses.models import CoursePage


def seed_course_certification(context=None) -> None:
    """Point each demo course (by slug, in every locale) at its program and at
    the units the program requires. Idempotent; courses that do not exist are
    skipped."""
    programs = {
        p.code: p
        for p in CertificationProgram.objects.prefetch_related("required_units")
    }
    wired = 0
    for row in PROGRAMS:
        program = programs.get(row["code"])
        if not row["course"] or program is None:
            continue
        for course in CoursePage.objects.filter(slug=row["course"]):
            wired += _course_wire(course, program)
    if context is not None:
        context.record("courses wired to certification", "updated", wired)


def _course_wire(course: CoursePage, program: CertificationProgram) -> int:
    """Add ``program``'s units to ``course``; set the program when it has none
    (the first program listed for a course is the one it leads to)."""
    units = set(program.required_units.all())
    current = set(course.competency_units.all())
    changed = not units <= current
    if course.certification_program_id is None:
        course.certification_program = program
        changed = True
    if not changed:
        return 0
    course.competency_units.set(current | units)
    revision = course.save_revision()
    if course.live:
        revision.publish()
    return 1
