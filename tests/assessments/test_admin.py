"""Assessments in the Wagtail admin: the chooser used by the lesson block and
the lesson editor showing the block."""

from tests.assessments.conftest import embed


def test_assessment_chooser_lists_assessments(admin_client, quiz):
    response = admin_client.get("/admin/assessment_chooser/")
    assert response.status_code == 200
    assert "Cuestionario de edición" in response.json()["html"]


def test_lesson_editor_offers_the_assessment_block(admin_client, course, quiz):
    lesson = embed(course, quiz)
    response = admin_client.get(f"/admin/pages/{lesson.pk}/edit/")
    assert response.status_code == 200
    assert "Cuestionario de edición" in response.content.decode()


def test_assessment_index_lists_every_plugin_to_create(admin_client, quiz):
    html = admin_client.get("/admin/assessments/").content.decode()
    for plugin_id in ("quiz", "rubric", "portfolio", "observation", "testdummy"):
        assert f"/admin/assessments/new/{plugin_id}/" in html
    assert "Cuestionario de edición" in html


def test_new_portfolio_form_renders_plugin_fields(admin_client):
    html = admin_client.get("/admin/assessments/new/portfolio/").content.decode()
    assert 'name="config-performance_criteria"' in html
    assert 'name="title"' in html
