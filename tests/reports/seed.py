"""A data set for the reports: people in two or more countries with optional
demographics, enrolments spread over months, lesson completions, attempts,
applications, credentials and verifications, written in bulk."""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth import get_user_model
from django.db.models.functions import Mod
from django.utils import timezone

from certification.models import Credential, ProgramApplication, VerificationLog
from courses.models import Enrolment, LessonCompletion, LessonPage
from lms.reference.models import Sector
from lms.reference.regions import REGIONS, AgeBand, Gender
from plugins.models import Assessment, Attempt
from tests.certification.conftest import make_program, make_standard

BATCH = 5000
MONTHS = 6
QUESTIONS = [
    {
        "id": "q-paper",
        "text": "¿Qué papel conviene para guardar documentos?",
        "kind": "single",
        "points": 1,
        "options": [
            {"id": "a", "text": "Libre de ácido"},
            {"id": "b", "text": "Kraft"},
        ],
        "correct": ["a"],
    },
    {
        "id": "q-light",
        "text": "La luz ultravioleta daña el papel.",
        "kind": "truefalse",
        "points": 1,
        "correct": ["true"],
    },
]


def _month(index: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(2026, 1 + index % MONTHS, 10, 12))


def _spread(model, field: str, pks: list[int]) -> None:
    """Give the rows ``pks`` (in order) ``field`` values over MONTHS months,
    one block per month (auto_now_add fields cannot be set on create)."""
    if not pks:
        return
    size = -(-len(pks) // MONTHS)
    for index in range(MONTHS):
        block = pks[index * size : (index + 1) * size]
        if block:
            model.objects.filter(pk__gte=block[0], pk__lte=block[-1]).update(
                **{field: _month(index)}
            )


def reports_seed(
    courses, *, people: int, countries=("CL", "PE"), prefix="report-", programs=None
) -> dict:
    """``people`` learners, each enrolled in every course of ``courses``
    (call again with another ``prefix`` and the returned ``programs`` to add
    more people)."""
    User = get_user_model()
    genders = itertools.cycle([*Gender.values, ""])
    ages = itertools.cycle([*AgeBand.values, ""])
    users = []
    for index in range(people):
        country = countries[index % len(countries)]
        regions = REGIONS[country]
        users.append(
            User(
                username=f"{prefix}{index}",
                email=f"{prefix}{index}@example.org",
                password="!",
                country=country,
                region=regions[index % 3][0] if index % 7 else "",
                gender=next(genders),
                age_band=next(ages),
            )
        )
    User.objects.bulk_create(users, batch_size=BATCH)
    users = list(User.objects.filter(username__startswith=prefix).order_by("pk"))
    first_enrolment = (
        Enrolment.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    )

    if programs is None:
        programs = {}
        for country in countries:
            standard = make_standard(country, code=f"{country}-REP-1")
            programs[country] = make_program(standard, code=f"rep-{country.lower()}")
        for course in courses:
            course.certification_program = programs[countries[0]]
            course.save(update_fields=["certification_program"])

    for course in courses:
        Enrolment.objects.bulk_create(
            [Enrolment(user=user, course=course) for user in users], batch_size=BATCH
        )
    pks = list(
        Enrolment.objects.filter(pk__gt=first_enrolment)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    _spread(Enrolment, "enrolled_at", pks)
    # Every third enrolment is completed 20 days after it began.
    thirds = Enrolment.objects.annotate(third=Mod("pk", 3)).filter(
        pk__gt=first_enrolment, third=0
    )
    for index in range(MONTHS):
        thirds.filter(enrolled_at=_month(index)).update(
            completed_at=_month(index) + dt.timedelta(days=20)
        )

    lessons = {
        course.pk: list(LessonPage.objects.child_of(course).order_by("path"))
        for course in courses
    }
    first_completion = (
        LessonCompletion.objects.order_by("-pk").values_list("pk", flat=True).first()
        or 0
    )
    for course in courses:
        # Learners drop off: the n-th lesson is reached by fewer people.
        LessonCompletion.objects.bulk_create(
            [
                LessonCompletion(user=user, lesson=lesson, course=course)
                for position, user in enumerate(users)
                for number, lesson in enumerate(lessons[course.pk])
                if number == 0 or position % (number + 2) == 0
            ],
            batch_size=BATCH,
        )
    _spread(
        LessonCompletion,
        "completed_at",
        list(
            LessonCompletion.objects.filter(pk__gt=first_completion)
            .order_by("pk")
            .values_list("pk", flat=True)
        ),
    )

    sector = Sector.objects.get(code="publishing")
    assessment, _created = Assessment.objects.get_or_create(
        title="Cuestionario de informe",
        plugin_id="quiz",
        sector=sector,
        defaults={"config": {"questions": QUESTIONS}},
    )
    first_lessons = [lessons[c.pk][0] for c in courses]
    criteria = [
        f"pc:{pk}"
        for pk in programs[countries[0]]
        .standard.units.values_list("criteria__pk", flat=True)
        .order_by("criteria__pk")[:2]
    ]
    attempts = [
        Attempt(
            assessment=assessment,
            learner=user,
            page=first_lessons[index % len(first_lessons)],
            status="passed" if index % 4 else "not_yet_competent",
            submitted_at=_month(index),
            graded_at=_month(index),
            percent=80 if index % 4 else 40,
            # The first criterion is met by three in four, the second by half.
            # The first question is answered correctly by two in three, the
            # second by half (a quiz draws both).
            result={
                "criteria": {criteria[0]: bool(index % 4), criteria[1]: index % 2 == 0},
                "items": {
                    "q-paper": {"correct": index % 3 != 0},
                    "q-light": {"correct": index % 4 < 2},
                },
            },
        )
        for index, user in enumerate(users)
    ]
    Attempt.objects.bulk_create(attempts, batch_size=BATCH)

    applications = [
        ProgramApplication(
            learner=user,
            program=programs[user.country],
            route="rpl" if index % 5 == 0 else "course",
            status="certified" if index % 2 == 0 else "assessing",
        )
        for index, user in enumerate(users)
    ]
    ProgramApplication.objects.bulk_create(applications, batch_size=BATCH)
    _spread(
        ProgramApplication,
        "created_at",
        list(
            ProgramApplication.objects.filter(learner__username__startswith=prefix)
            .order_by("pk")
            .values_list("pk", flat=True)
        ),
    )

    offset = Credential.objects.count()
    credentials = []
    statuses = itertools.cycle(["active", "active", "suspended", "revoked", "expired"])
    for index, user in enumerate(users[::2]):
        program = programs[user.country]
        credentials.append(
            Credential(
                holder=user,
                program=program,
                issuer=program.issuer,
                holder_name=user.username,
                holder_country=user.country,
                program_title=program.title,
                standard_code=program.standard.code,
                standard_version="1",
                standard_title=program.standard.title,
                issued_at=_month(index) + dt.timedelta(days=12),
                status=next(statuses),
                status_index=offset + index,
            )
        )
    Credential.objects.bulk_create(credentials, batch_size=BATCH)
    issued = list(
        Credential.objects.filter(holder__username__startswith=prefix).order_by("pk")
    )
    logs = [
        VerificationLog(
            credential=credential,
            method=("qr", "page", "upload", "api")[index % 4],
            result="valid",
            client_hash="x",
        )
        for index, credential in enumerate(issued)
        for _repeat in range(2)
    ]
    VerificationLog.objects.bulk_create(logs, batch_size=BATCH)
    _spread(
        VerificationLog,
        "at",
        list(
            VerificationLog.objects.filter(
                credential__holder__username__startswith=prefix
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        ),
    )
    return {"users": users, "programs": programs, "assessment": assessment}
