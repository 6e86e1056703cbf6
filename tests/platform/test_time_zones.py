"""Every person sees times in their own zone, named: the user's zone defaults
from their country and is editable; a middleware activates it per request (in
the Wagtail admin too); e-mails use the recipient's zone (issue: a quiz
deadline was server time and the CMS showed one moment as 09:29 and 14:29)."""

import datetime as dt
import re
import zoneinfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from courses.models import Enrolment
from courses.services import enrolment_create
from lms.accounts.timezones import datetime_display, user_time_zone
from plugins.services import attempt_start
from plugins.tasks import attempt_notify_graded
from tests.assessments.conftest import author, embed, quiz_data
from tests.factories import UserFactory

MOMENT = dt.datetime(2026, 3, 2, 14, 29, tzinfo=dt.UTC)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("country", "zone"),
    [
        ("CL", "America/Santiago"),
        ("CO", "America/Bogota"),
        ("MX", "America/Mexico_City"),
        ("PE", "America/Lima"),
    ],
)
def test_a_new_user_gets_their_countrys_zone(country, zone):
    national_id = {
        "CL": "15.432.198-5",
        "CO": "1020304050",
        "MX": "HEGG560427MVZRRL04",
        "PE": "45678912",
    }[country]
    user = UserFactory(country=country, national_id=national_id)
    assert user.time_zone == zone
    assert user_time_zone(user) == zoneinfo.ZoneInfo(zone)
    assert user.wagtail_userprofile.current_time_zone == zone


@pytest.mark.django_db
def test_the_profile_edits_the_zone_and_refuses_an_unknown_one(client, catalog):
    user = UserFactory(country="MX", national_id="HEGG560427MVZRRL04")
    client.force_login(user)
    data = {
        "legal_name": "Graciela Hernández",
        "country": "MX",
        "national_id": "HEGG560427MVZRRL04",
        "preferred_language": "es",
        "time_zone": "America/Tijuana",
    }
    assert client.post(reverse("accounts:profile"), data).status_code == 302
    user.refresh_from_db()
    assert user.time_zone == "America/Tijuana"
    response = client.post(
        reverse("accounts:profile"), {**data, "time_zone": "Marte/Olimpo"}
    )
    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors
    client.post(reverse("accounts:profile"), {**data, "time_zone": ""})
    user.refresh_from_db()
    assert user.time_zone == "America/Mexico_City"


def test_display_names_the_zone_of_the_capitals_and_an_offset_elsewhere():
    with timezone.override(zoneinfo.ZoneInfo("America/Santiago")):
        assert datetime_display(MOMENT).endswith("11:29 (hora de Santiago)")
    with timezone.override(zoneinfo.ZoneInfo("America/Lima")):
        assert datetime_display(MOMENT).endswith("09:29 (hora de Lima)")
    with timezone.override(zoneinfo.ZoneInfo("America/Tijuana")):
        assert datetime_display(MOMENT).endswith("06:29 (UTC−08:00)")


@pytest.fixture
def timed_quiz_lesson(course):
    quiz = author("quiz", quiz_data(), title="Cuestionario", time_limit_minutes=20)
    return quiz, embed(course, quiz, slug="cuestionario")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("country", "national_id", "zone", "label"),
    [
        ("CL", "15.432.198-5", "America/Santiago", "hora de Santiago"),
        ("CO", "1020304050", "America/Bogota", "hora de Bogotá"),
    ],
)
def test_quiz_deadline_is_shown_in_the_learners_zone(
    client, course, timed_quiz_lesson, country, national_id, zone, label
):
    quiz, lesson = timed_quiz_lesson
    learner = UserFactory(country=country, national_id=national_id)
    enrolment_create(user=learner, course=course)
    attempt = attempt_start(assessment=quiz, learner=learner, page=lesson)
    client.force_login(learner)
    page = client.get(lesson.url).content.decode()
    local = attempt.deadline.astimezone(zoneinfo.ZoneInfo(zone))
    assert f"Envíe antes de las {local:%H:%M} ({label})." in page


@pytest.mark.django_db
def test_cms_list_and_inspect_show_the_same_moment_with_its_zone(client, course):
    officer = UserFactory(is_superuser=True, is_staff=True, country="CL")
    learner = UserFactory(country="PE", national_id="45678912")
    enrolment = enrolment_create(user=learner, course=course)
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=MOMENT)
    client.force_login(officer)
    listing = client.get("/admin/enrolments/").content.decode()
    inspect = client.get(f"/admin/enrolments/inspect/{enrolment.pk}/").content.decode()
    shown = "11:29 (hora de Santiago)"
    assert shown in listing
    assert shown in inspect
    assert not re.search(r"\b14:29\b", listing + inspect)


@pytest.mark.django_db
def test_graded_e_mail_uses_the_recipients_zone(
    course, timed_quiz_lesson, django_capture_on_commit_callbacks
):
    quiz, lesson = timed_quiz_lesson
    learner = UserFactory(country="MX", national_id="HEGG560427MVZRRL04")
    enrolment_create(user=learner, course=course)
    attempt = attempt_start(assessment=quiz, learner=learner, page=lesson)
    type(attempt).objects.filter(pk=attempt.pk).update(
        status="passed", submitted_at=MOMENT, graded_at=MOMENT, percent=100
    )
    with (
        timezone.override(zoneinfo.ZoneInfo("UTC")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        attempt_notify_graded(attempt.pk)
    [message] = mail.outbox
    assert "08:29 (hora de Ciudad de México)" in message.body
