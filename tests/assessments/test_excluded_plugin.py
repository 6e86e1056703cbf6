"""An assessment whose plugin is no longer installed (uninstalled, or
switched off with LMS_PLUGINS_EXCLUDE): lessons say the activity is not
available, the admin names the missing plugin, editing explains why it
cannot be done."""

from courses.services import enrolment_create
from plugins.models import Assessment, Attempt, AttemptStatus
from tests.assessments.conftest import embed


def _orphan(**fields):
    """An assessment of the plugin 'karaoke', which is not installed: what
    every assessment of an excluded plugin looks like to the core."""
    return Assessment.objects.create(
        title="Karaoke de boleros", plugin_id="karaoke", config={"song": "x"}, **fields
    )


def test_the_lesson_says_the_activity_is_not_available(client, course, learner):
    enrolment_create(user=learner, course=course)
    lesson = embed(course, _orphan())
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assert "Karaoke de boleros" in html
    assert "Esta actividad no está disponible." in html
    assert "Comenzar la evaluación" not in html


def test_the_admin_names_the_missing_plugin(admin_client):
    _orphan()
    html = admin_client.get("/admin/assessments/").content.decode()
    assert "Complemento «karaoke» no instalado" in html


def test_editing_answers_a_page_that_says_why(admin_client):
    assessment = _orphan()
    response = admin_client.get(f"/admin/assessments/{assessment.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "usa el complemento «karaoke», que no está instalado" in html
    assert "LMS_PLUGINS_EXCLUDE" in html
    assert 'name="title"' not in html


def test_starting_or_grading_it_is_refused_in_words(
    client, admin_client, course, learner
):
    """A start forged without the panel answers with the reason; an attempt
    left awaiting a grade opens a page saying why it cannot be graded."""
    orphan = _orphan()
    lesson = embed(course, orphan)
    client.force_login(learner)
    response = client.post(f"/assessments/{orphan.pk}/start/", {"next": lesson.url})
    assert response.status_code == 400
    assert "Esta actividad no está disponible." in response.content.decode()
    attempt = Attempt.objects.create(
        assessment=orphan,
        learner=learner,
        number=1,
        presented={},
        response={},
        status=AttemptStatus.AWAITING_GRADING,
    )
    html = admin_client.get(f"/admin/assessments/queue/{attempt.pk}/").content.decode()
    assert "ni calificar hasta que se instale" in html
