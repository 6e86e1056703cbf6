"""Import and export of standards with their units and criteria (CSV and XLSX).

Column layout (first row: these headers, in any order; extra columns ignored):

=================  ========  ==================================================
column             required  meaning
=================  ========  ==================================================
country            yes       CL, CO, MX or PE
system             yes       chilevalora, sena-nscl, conocer-ec or peru-mtpe
standard_code      yes       the standard's code in its system
standard_version   no        version (default "1")
standard_title     yes       title of the standard
sector             yes       publishing, music, performing-arts, audiovisual,
                             heritage or creative-trades
level              no        level number in the country's framework
valid_from         no        date, YYYY-MM-DD
valid_until        no        date, YYYY-MM-DD
source_url         no        link to the official source
unit_code          yes       the unit's code within the standard
unit_title         yes       title of the unit
criterion_code     no        the criterion's code within the unit
criterion_text     no        the performance criterion (with criterion_code)
evidence_kind      no        knowledge, product or performance
evidence_text      no        the evidence requirement (with evidence_kind)
standard_title_en  no        the standard's title in English
unit_title_en      no        the unit's title in English
criterion_text_en  no        the criterion in English (with criterion_code)
evidence_text_en   no        the evidence requirement in English
standard_description no      the standard's description (an empty cell keeps it)
=================  ========  ==================================================

The English columns are optional: English pages show them in place of the
Spanish text. An empty English cell leaves the English text already stored as
it is (an older file without these columns changes no translation).

One row per criterion (or per unit, with the criterion columns empty); standard
and unit columns repeat on every row and must agree. Rows are upserted by
(country, standard_code, standard_version), (standard, unit_code) and
(unit, criterion_code); nothing is deleted. Units are numbered in file order
within their standard, criteria and evidence requirements within their unit.
The whole file is validated first: if any row is wrong, every error is
reported with its row number (the header is row 1) and column, and nothing is
imported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from certification.models import (
    CompetencyUnit,
    EvidenceKind,
    EvidenceRequirement,
    FrameworkLevel,
    OccupationalStandard,
    PerformanceCriterion,
    StandardSystem,
)
from lms.reference.models import CountryCode, Sector
from lms.spreadsheets import cell_restore, csv_bytes, xlsx_bytes

COLUMNS = [
    "country",
    "system",
    "standard_code",
    "standard_version",
    "standard_title",
    "sector",
    "level",
    "valid_from",
    "valid_until",
    "source_url",
    "unit_code",
    "unit_title",
    "criterion_code",
    "criterion_text",
    "evidence_kind",
    "evidence_text",
    "standard_title_en",
    "unit_title_en",
    "criterion_text_en",
    "evidence_text_en",
    "standard_description",
]
REQUIRED = {
    "country",
    "system",
    "standard_code",
    "standard_title",
    "sector",
    "unit_code",
    "unit_title",
}
STANDARD_COLUMNS = (
    "system",
    "standard_title",
    "sector",
    "level",
    "valid_from",
    "valid_until",
    "source_url",
    "standard_title_en",
    "standard_description",
)
MAX_LENGTHS = {
    "standard_code": 40,
    "standard_version": 20,
    "standard_title": 300,
    "unit_code": 40,
    "unit_title": 300,
    "criterion_code": 40,
    "standard_title_en": 300,
    "unit_title_en": 300,
}


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self):
        return _("fila %(row)s, columna %(column)s: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ImportFailed(Exception):
    """Raised with every row error found; nothing has been imported."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__(
            _("%(count)s errores; no se importó nada.") % {"count": len(errors)}
        )


@dataclass
class ImportSummary:
    standards: int
    units: int
    criteria: int


# ---------------------------------------------------------------- reading


def read_rows(file, filename: str) -> list[dict[str, str]]:
    """The data rows of a CSV or XLSX file as dicts of stripped strings."""
    if filename.lower().endswith(".xlsx"):
        return _read_xlsx(file)
    if filename.lower().endswith(".csv"):
        return _read_csv(file)
    raise ImportFailed([RowError(0, "-", _("Use un archivo .csv o .xlsx."))])


def _read_csv(file) -> list[dict[str, str]]:
    raw = file.read()
    text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    delimiter = (
        ";"
        if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",")
        else ","
    )
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    return _as_dicts(list(reader))


def _read_xlsx(file) -> list[dict[str, str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a bad file
        raise ImportFailed(
            [RowError(0, "-", _("El archivo XLSX no se puede leer: %s") % error)]
        ) from error
    sheet = workbook.worksheets[0]
    rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return _as_dicts(rows)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _as_dicts(rows: list[list[str]]) -> list[dict[str, str]]:
    if not rows:
        raise ImportFailed([RowError(1, "-", _("El archivo está vacío."))])
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in COLUMNS if c in REQUIRED and c not in header]
    if missing:
        raise ImportFailed(
            [RowError(1, c, _("Falta esta columna en el encabezado.")) for c in missing]
        )
    result = []
    for values in rows[1:]:
        row = dict.fromkeys(COLUMNS, "")
        for name, value in zip(header, values, strict=False):
            if name in row:
                row[name] = cell_restore((value or "").strip())
        result.append(row)
    return result


# ---------------------------------------------------------------- validation


class _Validator:
    def __init__(self, allowed_countries=None):
        self.allowed = allowed_countries
        self.errors: list[RowError] = []
        self.sectors = {s.code: s for s in Sector.objects.all()}
        self.levels = {
            (lvl.framework.country_id, lvl.number): lvl
            for lvl in FrameworkLevel.objects.filter(
                framework__country__isnull=False
            ).select_related("framework")
        }
        self.standards: dict[tuple, dict] = {}
        self.units: dict[tuple, dict] = {}
        self.criteria: set[tuple] = set()

    def error(self, number, column, message):
        self.errors.append(RowError(number, column, str(message)))

    def check(self, number: int, row: dict[str, str]) -> None:
        if not any(row.values()):
            return
        for column in COLUMNS:
            if column in REQUIRED and not row[column]:
                self.error(number, column, _("Este campo es obligatorio."))
        for column, length in MAX_LENGTHS.items():
            if len(row[column]) > length:
                self.error(
                    number, column, _("Máximo %(n)s caracteres.") % {"n": length}
                )
        self._check_choices(number, row)
        self._check_values(number, row)
        self._check_pairs(number, row)
        self._check_consistency(number, row)

    def _check_choices(self, number, row):
        country = row["country"].upper()
        row["country"] = country
        if country and country not in CountryCode.values:
            self.error(number, "country", _("País desconocido: %s") % country)
        elif country and self.allowed is not None and country not in self.allowed:
            self.error(
                number, "country", _("No puede importar estándares de %s.") % country
            )
        if row["system"] and row["system"] not in StandardSystem.values:
            self.error(number, "system", _("Sistema desconocido: %s") % row["system"])
        if row["sector"] and row["sector"] not in self.sectors:
            self.error(number, "sector", _("Sector desconocido: %s") % row["sector"])
        kind = row["evidence_kind"]
        if kind and kind not in EvidenceKind.values:
            self.error(number, "evidence_kind", _("Tipo desconocido: %s") % kind)

    def _check_values(self, number, row):
        if row["level"]:
            if not row["level"].isdigit():
                self.error(number, "level", _("El nivel debe ser un número."))
            elif (row["country"], int(row["level"])) not in self.levels:
                self.error(
                    number, "level", _("Ese nivel no existe en el marco del país.")
                )
        for column in ("valid_from", "valid_until"):
            if row[column]:
                try:
                    dt.date.fromisoformat(row[column])
                except ValueError:
                    self.error(number, column, _("Fecha inválida (use AAAA-MM-DD)."))
        if row["source_url"]:
            try:
                URLValidator()(row["source_url"])
            except ValidationError:
                self.error(number, "source_url", _("Enlace inválido."))

    def _check_pairs(self, number, row):
        for code, text in (
            ("criterion_code", "criterion_text"),
            ("evidence_kind", "evidence_text"),
        ):
            if row[f"{text}_en"] and not row[text]:
                self.error(
                    number, text, _("El texto en inglés traduce este texto: falta.")
                )
            if bool(row[code]) != bool(row[text]):
                missing = text if row[code] else code
                self.error(number, missing, _("Complete ambas columnas o ninguna."))

    def _check_consistency(self, number, row):
        key = (row["country"], row["standard_code"], row["standard_version"] or "1")
        first = self.standards.setdefault(key, {c: row[c] for c in STANDARD_COLUMNS})
        for column in STANDARD_COLUMNS:
            if first[column] != row[column]:
                self.error(
                    number,
                    column,
                    _("No coincide con las filas anteriores del mismo estándar."),
                )
        unit_key = (*key, row["unit_code"])
        unit = {"unit_title": row["unit_title"], "unit_title_en": row["unit_title_en"]}
        first_unit = self.units.setdefault(unit_key, unit)
        for column, value in unit.items():
            if first_unit[column] != value:
                self.error(
                    number,
                    column,
                    _("No coincide con las filas anteriores de la misma unidad."),
                )
        if row["criterion_code"]:
            criterion_key = (*unit_key, row["criterion_code"])
            if criterion_key in self.criteria:
                self.error(number, "criterion_code", _("Criterio repetido."))
            self.criteria.add(criterion_key)


def rows_validate(rows, *, allowed_countries=None) -> list[RowError]:
    validator = _Validator(allowed_countries)
    for number, row in enumerate(rows, start=2):
        validator.check(number, row)
    return validator.errors


# ---------------------------------------------------------------- writing


def standards_import(file, filename: str, *, allowed_countries=None) -> ImportSummary:
    """Validate the whole file, then import it in one transaction.

    ``allowed_countries`` (a set of codes) limits what an officer may import.
    Raises ``ImportFailed`` with every row error, having imported nothing.
    """
    rows = read_rows(file, filename)
    errors = rows_validate(rows, allowed_countries=allowed_countries)
    if errors:
        raise ImportFailed(errors)
    return _rows_write([r for r in rows if any(r.values())])


@transaction.atomic
def _rows_write(rows) -> ImportSummary:
    sectors = {s.code: s for s in Sector.objects.all()}
    standards, units, criteria = {}, {}, 0
    # Positions within the parent: units per standard, criteria and evidence
    # requirements per unit.
    unit_counts, criterion_counts, evidence_counts = {}, {}, {}
    for row in rows:
        key = (row["country"], row["standard_code"], row["standard_version"] or "1")
        if key not in standards:
            standards[key] = _standard_write(row, key, sectors)
        standard = standards[key]
        unit_key = (*key, row["unit_code"])
        if unit_key not in units:
            unit_counts[key] = unit_counts.get(key, 0) + 1
            units[unit_key], _created = CompetencyUnit.objects.update_or_create(
                standard=standard,
                code=row["unit_code"],
                defaults={
                    "title": row["unit_title"],
                    "sort_order": unit_counts[key],
                    **_given(title_en=row["unit_title_en"]),
                },
            )
        unit = units[unit_key]
        if row["criterion_code"]:
            criterion_counts[unit_key] = criterion_counts.get(unit_key, 0) + 1
            PerformanceCriterion.objects.update_or_create(
                unit=unit,
                code=row["criterion_code"],
                defaults={
                    "text": row["criterion_text"],
                    "sort_order": criterion_counts[unit_key],
                    **_given(text_en=row["criterion_text_en"]),
                },
            )
            criteria += 1
        if row["evidence_kind"]:
            evidence_counts[unit_key] = evidence_counts.get(unit_key, 0) + 1
            EvidenceRequirement.objects.update_or_create(
                unit=unit,
                kind=row["evidence_kind"],
                description=row["evidence_text"],
                defaults={
                    "sort_order": evidence_counts[unit_key],
                    **_given(description_en=row["evidence_text_en"]),
                },
            )
    return ImportSummary(len(standards), len(units), criteria)


def _given(**values: str) -> dict[str, str]:
    """The values given; an empty cell keeps what is stored (an English
    translation, a description)."""
    return {name: value for name, value in values.items() if value}


def _standard_write(row, key, sectors) -> OccupationalStandard:
    level = None
    if row["level"]:
        level = FrameworkLevel.objects.get(
            framework__country_id=row["country"], number=int(row["level"])
        )
    standard, _created = OccupationalStandard.objects.update_or_create(
        country_id=key[0],
        code=key[1],
        version=key[2],
        defaults={
            "system": row["system"],
            "title": row["standard_title"],
            "sector": sectors[row["sector"]],
            "level": level,
            "valid_from": row["valid_from"] or None,
            "valid_until": row["valid_until"] or None,
            "source_url": row["source_url"],
            **_given(title_en=row["standard_title_en"]),
            **_given(description=row["standard_description"]),
        },
    )
    return standard


# ---------------------------------------------------------------- export


def standards_rows(standards) -> list[list[str]]:
    """The layout above for ``standards``: a header, then one row per criterion
    (a unit without criteria gets one row; each evidence requirement is put on
    one of its unit's rows, or on a row of its own)."""
    rows = [list(COLUMNS)]
    standards = standards.select_related("sector", "level").prefetch_related(
        "units__criteria", "units__evidence_requirements"
    )
    for standard in standards:
        base = [
            standard.country_id,
            standard.system,
            standard.code,
            standard.version,
            standard.title,
            standard.sector.code,
            str(standard.level.number) if standard.level else "",
            standard.valid_from.isoformat() if standard.valid_from else "",
            standard.valid_until.isoformat() if standard.valid_until else "",
            standard.source_url,
        ]
        for unit in standard.units.all():
            criteria = [(c.code, c.text, c.text_en) for c in unit.criteria.all()]
            evidence = [
                (e.kind, e.description, e.description_en)
                for e in unit.evidence_requirements.all()
            ]
            for index in range(max(len(criteria), len(evidence), 1)):
                crit = criteria[index] if index < len(criteria) else ("", "", "")
                evid = evidence[index] if index < len(evidence) else ("", "", "")
                rows.append(
                    [
                        *base,
                        unit.code,
                        unit.title,
                        *crit[:2],
                        *evid[:2],
                        standard.title_en,
                        unit.title_en,
                        crit[2],
                        evid[2],
                        standard.description,
                    ]
                )
    return rows


def standards_export(standards, fmt: str) -> bytes:
    """``standards`` (a queryset) as a CSV or XLSX file's bytes; a cell that a
    spreadsheet would read as a formula is neutralised (lms.spreadsheets)."""
    rows = standards_rows(standards)
    if fmt == "csv":
        return csv_bytes(rows)
    return xlsx_bytes(rows, title="estandares")
