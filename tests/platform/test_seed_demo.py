"""``manage.py seed_demo`` on a fresh database: idempotent, all-or-nothing, and
extensible by appending seeders. (What it builds: test_seed_demo_content.py.)"""

import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page, Revision

from courses.demo.seeders import DEMO_USERS
from courses.management.commands import seed_demo
from courses.models import CatalogPage, CoursePage

pytestmark = pytest.mark.django_db


def _seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def _row_counts() -> dict[str, int]:
    tables = set(connection.introspection.table_names())
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table in tables
    }


def test_second_run_changes_nothing():
    """Rows in every table, revisions and page contents stay the same."""
    _seed()
    counts = _row_counts()
    pages = list(Page.objects.order_by("pk").values())
    revisions = list(Revision.objects.values_list("pk", flat=True))
    output = _seed()
    assert _row_counts() == counts
    assert list(Page.objects.order_by("pk").values()) == pages
    assert list(Revision.objects.values_list("pk", flat=True)) == revisions
    assert not any(
        int(count) for count in re.findall(r"(\d+) (?:created|updated)", output)
    )


def test_an_appended_seeder_runs_last_with_the_shared_context(monkeypatch):
    """Other areas extend the demo by appending to SEEDERS."""
    seen = {}

    def seed_extra(context):
        seen["catalog"] = context.catalog
        seen["users"] = sorted(context.users)
        context.record("extras", "created")

    monkeypatch.setattr(seed_demo, "SEEDERS", [*seed_demo.SEEDERS, seed_extra])
    output = _seed()
    assert isinstance(seen["catalog"], CatalogPage)
    assert seen["users"] == sorted(spec.username for spec in DEMO_USERS)
    assert "extras: 1 created" in output


def test_a_failing_seeder_saves_nothing_and_names_itself(monkeypatch):
    def seed_broken(context):
        raise ValueError("sin datos")

    monkeypatch.setattr(seed_demo, "SEEDERS", [*seed_demo.SEEDERS, seed_broken])
    with pytest.raises(CommandError, match="seed_broken failed: sin datos"):
        _seed()
    assert not CoursePage.objects.exists()
