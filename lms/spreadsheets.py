"""CSV and XLSX files that a spreadsheet opens as data, never as formulas.

A cell whose text begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or a
carriage return, which some spreadsheets skip before reading one of those) is
a formula to Excel and LibreOffice: ``=HYPERLINK(...)`` in a standard's title
would become a live link in an officer's spreadsheet. Every export goes
through ``csv_bytes`` / ``xlsx_bytes``, which write such a cell with a leading
apostrophe (OWASP's advice; spreadsheets show the text, not the apostrophe, in
XLSX) and as a string cell; ``cell_restore`` undoes it when the project reads
its own export back.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def cell_safe(value):
    """``value`` as a cell that cannot be read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def cell_restore(value: str) -> str:
    """The text ``cell_safe`` was given (for importers of our own exports)."""
    if value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


def csv_bytes(rows: Iterable[Iterable], *, bom: bool = True) -> bytes:
    """``rows`` as UTF-8 CSV (with a byte-order mark for Excel by default)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows([cell_safe(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


def xlsx_bytes(rows: Iterable[Iterable], *, title: str = "datos") -> bytes:
    """``rows`` as one XLSX sheet; text is always written as text."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append([cell_safe(cell) for cell in row])
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never "f" (formula), whatever it says
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
