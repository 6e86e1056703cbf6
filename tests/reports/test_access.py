"""Scoping, suppression of small cells, exports, the API and the monthly PDF."""

import csv
import io
import subprocess

import openpyxl
import pytest
from django.core import mail
from django.urls import reverse

from courses.reports.monthly import monthly_reports_send
from courses.reports.opendata import open_data_records
from courses.reports.scope import Scope
from courses.reports.selectors import SUPPRESSED, dashboard
from lms.accounts.forms import ProfileForm
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
DASHBOARD = "/admin/reports/"


def test_officer_sees_their_country_only(client, seeded, officer_cl):
    client.force_login(officer_cl)
    page = client.get(DASHBOARD)
    assert page.status_code == 200
    assert page.context["scope"].countries == {"CL"}
    assert client.get(DASHBOARD, {"country": "PE"}).status_code == 404
    export = client.get(reverse("reports:export", args=["by_country", "csv"]))
    countries = [
        row[0] for row in csv.reader(io.StringIO(export.content.decode("utf-8-sig")))
    ]
    assert countries[1:] == ["Chile"]


def test_regional_role_sees_aggregates_only(client, seeded, regional):
    client.force_login(regional)
    page = client.get(DASHBOARD)
    assert page.status_code == 200
    keys = {table.key for table in page.context["tables"]}
    assert {"by_country", "funnel"} <= keys
    assert not keys & {"by_region", "by_gender", "by_age_band"}
    assert client.get(DASHBOARD, {"country": "CL"}).status_code == 404
    assert "<5" in page.content.decode() or "&lt;5" in page.content.decode()


def test_people_without_a_role_see_no_report(client, seeded):
    learner = UserFactory(username="sin-rol")
    client.force_login(learner)
    assert client.get(DASHBOARD).status_code in (302, 403, 404)
    client.logout()
    assert client.get(DASHBOARD).status_code == 302


def test_small_cells_are_suppressed(seeded):
    scope = Scope(countries=frozenset({"CL", "PE"}), suppress=True, regional=True)
    cells = [
        cell for table in dashboard(scope) for row in table.rows for cell in row[1:]
    ]
    assert SUPPRESSED in cells
    assert not any(isinstance(c, int) and 0 < c < 5 for c in cells)


def test_open_data_suppresses_small_cells_and_has_no_personal_breakdowns(seeded):
    records = open_data_records("region")
    assert records
    assert set(records[0]) == {
        "month",
        "country",
        "sector",
        "standard",
        "level",
        "metric",
        "value",
    }
    assert any(r["value"] == SUPPRESSED for r in records)
    assert not any(isinstance(r["value"], int) and 0 < r["value"] < 5 for r in records)
    assert open_data_records("XX") is None


def test_api_serves_the_open_data_and_is_documented(client, seeded):
    answer = client.get("/api/v1/reports/CL")
    assert answer.status_code == 200
    assert answer.json() == open_data_records("CL")
    assert client.get("/api/v1/reports/ZZ").status_code == 404
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/reports/{code}" in schema["paths"]


def test_xlsx_export_holds_the_table(client, seeded, officer_cl):
    client.force_login(officer_cl)
    answer = client.get(reverse("reports:export", args=["funnel", "xlsx"]))
    sheet = openpyxl.load_workbook(io.BytesIO(answer.content)).active
    values = list(sheet.iter_rows(values_only=True))
    shown = {t.key: t for t in dashboard(Scope(countries=frozenset({"CL"})))}["funnel"]
    assert [list(v) for v in values[1:]] == shown.rows
    assert (
        client.get(reverse("reports:export", args=["nope", "csv"])).status_code == 404
    )


def test_monthly_pdf_is_mailed_to_officers(seeded, officer_cl, tmp_path):
    import datetime as dt

    sent = monthly_reports_send(today=dt.date(2026, 4, 3))
    assert sent == 1
    message = mail.outbox[0]
    assert message.to == ["oficial@example.cl"]
    name, pdf, kind = message.attachments[0]
    assert kind == "application/pdf" and name == "informe-CL-2026-03.pdf"
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Informe mensual" in text and "Chile" in text


def test_profile_region_must_be_in_the_country(db):
    user = UserFactory(username="perfil", country="CL", national_id="")
    data = {
        "legal_name": "Ana Pérez",
        "country": "CL",
        "national_id": "12.345.678-5",
        "preferred_language": "es",
        "time_zone": "",
        "region": "PE-CUS",
        "gender": "undisclosed",
        "age_band": "",
    }
    form = ProfileForm(data, instance=user)
    assert not form.is_valid()
    assert "region" in form.errors
    data["region"] = "CL-VS"
    form = ProfileForm(data, instance=user)
    assert form.is_valid(), form.errors


def test_trainer_reads_their_courses_question_rates(client, seeded, courses, trainer_a):
    client.force_login(trainer_a)
    page = client.get(DASHBOARD)
    assert page.status_code == 200
    tables = {table.key: table for table in page.context["tables"]}
    assert page.context["scope"].courses == {courses[0].pk}
    labels = [row[0] for row in tables["items"].rows]
    assert labels == [
        "Cuestionario de informe: La luz ultravioleta daña el papel.",
        "Cuestionario de informe: ¿Qué papel conviene para guardar documentos?",
    ]
    assert "Curso B" not in page.content.decode()
