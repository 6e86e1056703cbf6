"""Assessments in the admin are limited to the trainer's sector: a trainer
lists, creates, edits and chooses only the assessments of the sectors they
train; content reviewers and administrators work on every sector."""

import pytest

from plugins.models import Assessment
from plugins.roles import REVIEWERS_GROUP
from tests.assessments.conftest import edit_data as _edit_data
from tests.assessments.conftest import log_in as _client
from tests.assessments.conftest import role_member as _member

pytestmark = pytest.mark.django_db


def test_a_music_trainer_cannot_change_the_publishing_quiz(
    client, music_trainer, publishing_quiz
):
    before = Assessment.objects.get(pk=publishing_quiz.pk)
    client = _client(client, music_trainer)
    url = f"/admin/assessments/{publishing_quiz.pk}/"
    assert client.get(url).status_code == 404
    response = client.post(url, _edit_data(publishing_quiz))
    assert response.status_code == 404
    after = Assessment.objects.get(pk=publishing_quiz.pk)
    assert (after.pass_mark, after.max_attempts, after.config) == (
        before.pass_mark,
        before.max_attempts,
        before.config,
    )


def test_a_trainer_lists_only_their_sectors_assessments(
    client, music_trainer, publishing_quiz, music_quiz
):
    html = _client(client, music_trainer).get("/admin/assessments/").content.decode()
    assert "Cuestionario de música" in html
    assert "Cuestionario de edición" not in html


def test_a_trainer_creates_only_in_their_sector(
    client, music_trainer, music, publishing
):
    client = _client(client, music_trainer)
    data = _edit_data(Assessment(title="Nuevo"), pass_mark="70")
    refused = client.post(
        "/admin/assessments/new/quiz/", {**data, "sector": str(publishing.pk)}
    )
    assert refused.status_code == 200
    assert "sector" in refused.context["form"].errors
    missing = client.post("/admin/assessments/new/quiz/", {**data, "sector": ""})
    assert "sector" in missing.context["form"].errors
    assert not Assessment.objects.exists()
    created = client.post(
        "/admin/assessments/new/quiz/", {**data, "sector": str(music.pk)}
    )
    assert created.status_code == 302
    assert Assessment.objects.get().sector == music


def test_the_chooser_offers_only_the_trainers_sectors(
    client, music_trainer, publishing_quiz, music_quiz
):
    client = _client(client, music_trainer)
    html = client.get("/admin/assessment_chooser/").json()["html"]
    assert "Cuestionario de música" in html
    assert "Cuestionario de edición" not in html
    chosen = f"/admin/assessment_chooser/chosen/{publishing_quiz.pk}/"
    assert client.get(chosen).status_code == 404
    mine = f"/admin/assessment_chooser/chosen/{music_quiz.pk}/"
    assert client.get(mine).status_code == 200


def test_reviewers_work_on_every_sector(client, publishing_quiz, music_quiz):
    reviewer = _member(REVIEWERS_GROUP)
    client = _client(client, reviewer)
    html = client.get("/admin/assessments/").content.decode()
    assert "Cuestionario de música" in html
    assert "Cuestionario de edición" in html
    assert client.get(f"/admin/assessments/{publishing_quiz.pk}/").status_code == 200
    assert reviewer.has_perm("plugins.publish_assessment")


def test_trainers_do_not_hold_the_publish_permission(music_trainer):
    assert music_trainer.has_perm("plugins.change_assessment")
    assert not music_trainer.has_perm("plugins.publish_assessment")
