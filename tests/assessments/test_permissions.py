"""Who may do what: assessors grade, officers read, trainers author,
learners do none of it."""

from django.contrib.auth.models import Group
from django.test import Client

from plugins.roles import assessor_permissions_grant
from tests.factories import UserFactory


def assert_refused(response):
    """Wagtail answers a PermissionDenied in the admin by sending the user back
    to the dashboard with a message."""
    assert (response.status_code, response.url) == (302, "/admin/")


def test_grant_is_idempotent_and_gives_trainers_authoring(db):
    trainers = Group.objects.create(name="Formadores — Edición y libro")
    assessor_permissions_grant()
    assessor_permissions_grant()
    trainer = UserFactory()
    trainer.groups.add(trainers)
    assert trainer.has_perm("plugins.add_assessment")
    assert trainer.has_perm("plugins.change_assessment")
    assert not trainer.has_perm("plugins.grade_attempt")
    assessors = Group.objects.get(name="Evaluadores")
    assert assessors.permissions.filter(codename="grade_attempt").count() == 1


def test_officer_reads_but_cannot_grade(officer):
    client = Client()
    client.force_login(officer)
    assert officer.has_perm("plugins.view_attempt")
    assert_refused(client.get("/admin/assessments/queue/"))


def test_assessor_cannot_author_assessments(assessor):
    client = Client()
    client.force_login(assessor)
    assert client.get("/admin/assessments/").status_code == 200
    assert_refused(client.get("/admin/assessments/new/quiz/"))


def test_learner_cannot_reach_assessment_admin(learner_client):
    response = learner_client.get("/admin/assessments/")
    assert response.status_code in (302, 403)
