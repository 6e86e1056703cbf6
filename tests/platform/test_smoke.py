import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_catalog_lists_published_course(client, course):
    response = client.get("/")
    assert response.status_code == 200
    assert "Edición independiente" in response.content.decode()


@pytest.mark.django_db
def test_course_and_lesson_pages_render(client, course):
    assert client.get(course.url).status_code == 200
    lesson = course.get_children().first()
    assert client.get(lesson.url).status_code == 200


def test_dashboard_requires_login(client, db):
    response = client.get(reverse("courses:dashboard"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
