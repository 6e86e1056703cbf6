"""Changes to an assessment go through review: a trainer's save becomes a
revision and learners keep getting the published version until a reviewer
publishes it; every revision stays in the history."""

import pytest
from wagtail.actions.publish_revision import PublishPermissionError

from certification.models import CompetencyUnit, OccupationalStandard
from plugins.models import Assessment
from plugins.roles import REVIEWERS_GROUP, trainer_group_name
from plugins.services import AttemptRefused, attempt_start
from tests.assessments.conftest import edit_data as _edit_data
from tests.assessments.conftest import log_in as _client
from tests.assessments.conftest import role_member as _member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def publishing_trainer(publishing):
    return _member(trainer_group_name(publishing))


@pytest.fixture
def reviewer():
    return _member(REVIEWERS_GROUP)


def _questions(assessment):
    return [q["text"] for q in assessment.config["questions"]]


def _trainer_edits(client, trainer, assessment, **changes):
    response = _client(client, trainer).post(
        f"/admin/assessments/{assessment.pk}/", _edit_data(assessment, **changes)
    )
    assert response.status_code == 302
    client.logout()


def test_a_trainers_edit_waits_for_a_reviewer(
    client, publishing_trainer, reviewer, publishing_quiz
):
    questions = _questions(publishing_quiz)
    _trainer_edits(client, publishing_trainer, publishing_quiz)
    live = Assessment.objects.get(pk=publishing_quiz.pk)
    assert (live.pass_mark, live.max_attempts) == (75, 2)
    assert _questions(live) == questions
    assert live.has_unpublished_changes
    # What a learner gets is still the published version.
    attempt = attempt_start(assessment=live, learner=UserFactory())
    assert "Pregunta nueva" not in str(attempt.presented)

    revision = live.latest_revision
    client = _client(client, reviewer)
    response = client.post(
        f"/admin/assessments/{live.pk}/revisions/{revision.pk}/publish/"
    )
    assert response.status_code == 302
    published = Assessment.objects.get(pk=live.pk)
    assert (published.pass_mark, published.max_attempts) == (0, None)
    assert _questions(published) == ["Pregunta nueva"]
    assert not published.has_unpublished_changes
    assert published.live_revision == revision
    attempt = attempt_start(assessment=published, learner=UserFactory())
    assert "Pregunta nueva" in str(attempt.presented)


def test_the_edit_form_shows_the_latest_draft(
    client, publishing_trainer, publishing_quiz
):
    _trainer_edits(client, publishing_trainer, publishing_quiz, pass_mark="55")
    html = (
        _client(client, publishing_trainer)
        .get(f"/admin/assessments/{publishing_quiz.pk}/")
        .content.decode()
    )
    assert 'name="pass_mark" value="55"' in html
    assert "Pregunta nueva" in html
    assert Assessment.objects.get(pk=publishing_quiz.pk).pass_mark == 75


def test_the_alignment_is_reviewed_too(client, publishing_trainer, publishing_quiz):
    standard = OccupationalStandard.objects.create(
        country_id="PE",
        system="peru-mtpe",
        code="EDI-01",
        title="Editor independiente",
        sector=publishing_quiz.sector,
    )
    unit = CompetencyUnit.objects.create(standard=standard, code="U1", title="P")
    _trainer_edits(client, publishing_trainer, publishing_quiz, units=[str(unit.pk)])
    live = Assessment.objects.get(pk=publishing_quiz.pk)
    assert not live.units.exists()
    live.latest_revision.publish(user=UserFactory(is_superuser=True))
    assert list(live.units.all()) == [unit]


def test_the_history_lists_every_revision(
    client, publishing_trainer, reviewer, publishing_quiz
):
    _trainer_edits(client, publishing_trainer, publishing_quiz, pass_mark="60")
    _trainer_edits(client, publishing_trainer, publishing_quiz, pass_mark="65")
    revisions = Assessment.objects.get(pk=publishing_quiz.pk).revisions
    assert sorted(r.content["pass_mark"] for r in revisions.all()) == [60, 65]
    assert {r.user for r in revisions.all()} == {publishing_trainer}
    html = (
        _client(client, reviewer)
        .get(f"/admin/assessments/{publishing_quiz.pk}/history/")
        .content.decode()
    )
    assert html.count('class="assessment-revision"') == 2
    assert "60 %" in html and "65 %" in html
    assert html.count("/publish/") == 2


def test_trainers_cannot_publish(client, publishing_trainer, publishing_quiz):
    _trainer_edits(client, publishing_trainer, publishing_quiz)
    revision = Assessment.objects.get(pk=publishing_quiz.pk).latest_revision
    client = _client(client, publishing_trainer)
    history = client.get(f"/admin/assessments/{publishing_quiz.pk}/history/")
    assert "/publish/" not in history.content.decode()
    response = client.post(
        f"/admin/assessments/{publishing_quiz.pk}/revisions/{revision.pk}/publish/"
    )
    assert (response.status_code, response.url) == (302, "/admin/")
    with pytest.raises(PublishPermissionError):
        revision.publish(user=publishing_trainer)
    assert Assessment.objects.get(pk=publishing_quiz.pk).pass_mark == 75


def test_a_reviewers_edit_is_published_at_once(client, reviewer, publishing_quiz):
    _client(client, reviewer).post(
        f"/admin/assessments/{publishing_quiz.pk}/", _edit_data(publishing_quiz)
    )
    live = Assessment.objects.get(pk=publishing_quiz.pk)
    assert live.pass_mark == 0
    assert not live.has_unpublished_changes
    assert live.revisions.count() == 1


def test_a_trainers_new_assessment_is_a_draft_until_published(
    client, publishing_trainer, publishing
):
    data = _edit_data(Assessment(title="Nuevo"), sector=str(publishing.pk))
    response = _client(client, publishing_trainer).post(
        "/admin/assessments/new/quiz/", data
    )
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert not assessment.live
    with pytest.raises(AttemptRefused):
        attempt_start(assessment=assessment, learner=UserFactory())
    assessment.latest_revision.publish(user=UserFactory(is_superuser=True))
    assessment.refresh_from_db()
    assert assessment.live
    assert attempt_start(assessment=assessment, learner=UserFactory()).pk
