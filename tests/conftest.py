"""Fixtures shared by the whole suite: reference data, locales and a small
page tree (catalog > sector > course > lessons) in Spanish, with English
translations on demand."""

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from courses.models import CatalogPage, CoursePage, LessonPage, SectorPage
from lms.reference.models import Country, Sector
from tests.factories import UserFactory

# Report fixtures (shared with the browser tests); the S3-compatible server
# (SeaweedFS) and per-test buckets.
pytest_plugins = ["tests.reports.fixtures", "tests.s3"]

_MIGRATED_ROWS: dict[str, str] = {}


@pytest.fixture(autouse=True)
def _migrated_rows_restored(request):
    """Put back the rows created by data migrations (countries, sectors, Wagtail's
    root page, content types) when an earlier transactional test flushed them
    and Django's serialized rollback did not: the first transactional test (live
    server or real worker) keeps a snapshot, later ones load it into an emptied
    database and move the id sequences past the loaded rows."""
    names = request.fixturenames
    marker = request.node.get_closest_marker("django_db")
    marked = marker is not None and marker.kwargs.get("transaction", False)
    if not marked and "live_server" not in names and "transactional_db" not in names:
        yield
        return
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection

    request.getfixturevalue("transactional_db")
    migrated = Page.objects.filter(depth=1).exists()
    if "default" not in _MIGRATED_ROWS and migrated:
        _MIGRATED_ROWS["default"] = (
            getattr(connection, "_test_serialized_contents", None)
            or connection.creation.serialize_db_to_string()
        )
    elif not migrated and "default" in _MIGRATED_ROWS:
        # post_migrate handlers refilled some tables after the flush: empty them.
        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(_MIGRATED_ROWS["default"])
        _sequences_reset(connection)
        # Content types are back with their original ids: forget cached ones.
        ContentType.objects.clear_cache()
    yield


def _sequences_reset(connection) -> None:
    """Move every id sequence past the rows just loaded with explicit ids
    (PostgreSQL; SQLite needs nothing)."""
    from django.apps import apps
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language, whatever the last one activated."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def locales(db):
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return {"es": spanish, "en": english}


@pytest.fixture
def catalog(locales):
    root = Page.get_first_root_node()
    catalog = root.add_child(
        instance=CatalogPage(title="Catálogo", slug="catalogo", locale=locales["es"])
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "root_page": catalog,
            "site_name": "Cultura AP",
        },
    )
    return catalog


@pytest.fixture
def sector_page(catalog):
    sector = Sector.objects.get(code="publishing")
    return catalog.add_child(
        instance=SectorPage(title="Edición y libro", slug="edicion", sector=sector)
    )


def make_course(
    sector_page,
    *,
    title="Edición independiente",
    slug="edicion-independiente",
    lessons=3,
    countries=("CL", "PE"),
    level="introductory",
):
    """A published course with ``lessons`` published lessons under ``sector_page``."""
    course = sector_page.add_child(
        instance=CoursePage(
            title=title,
            slug=slug,
            summary=f"Resumen de {title}",
            level=level,
            estimated_hours=12,
        )
    )
    course.countries.set(Country.objects.filter(code__in=countries))
    course.save_revision().publish()
    for number in range(1, lessons + 1):
        course.add_child(
            instance=LessonPage(
                title=f"Lección {number}",
                slug=f"leccion-{number}",
                body=[("paragraph", f"<p>Contenido de la lección {number}.</p>")],
            )
        )
    return CoursePage.objects.get(pk=course.pk)


@pytest.fixture
def course(sector_page):
    return make_course(sector_page)


@pytest.fixture
def learner(db):
    return UserFactory(username="learner")


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client
