"""Report fixtures, shared with the browser tests (loaded by tests/conftest.py)."""

import pytest

from certification.roles import officer_roles_sync
from courses.reports.scope import regional_group
from courses.reports.summaries import summaries_rebuild
from tests.conftest import make_course
from tests.factories import UserFactory

from .seed import reports_seed


@pytest.fixture
def courses(sector_page):
    return [
        make_course(sector_page, title="Curso A", slug="curso-a", lessons=3),
        make_course(sector_page, title="Curso B", slug="curso-b", lessons=2),
    ]


@pytest.fixture
def seeded(courses):
    data = reports_seed(courses, people=24)
    summaries_rebuild()
    return data


@pytest.fixture
def officer_cl(db):
    user = UserFactory(username="oficial-cl", country="CL", email="oficial@example.cl")
    user.groups.add(officer_roles_sync()["CL"])
    return user


@pytest.fixture
def regional(db):
    user = UserFactory(username="grupo-tecnico", email="gt@example.org")
    user.groups.add(regional_group())
    return user


@pytest.fixture
def trainer_a(courses):
    """A trainer of «Curso A» only, who reaches the CMS."""
    from django.contrib.auth.models import Permission

    user = UserFactory(username="formadora-a", email="formadora@example.org")
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    courses[0].trainers.add(user)
    courses[0].save()
    return user
