"""Every part of WeasyPrint the certificate fast path uses beyond its public
API, in one place.

Written for WeasyPrint 70.0 (:data:`WRITTEN_FOR`) and the pydyf it depends
on. Stamping (``stamping``) lays a template out with WeasyPrint's own layout
(``Document._build_layout_context``, ``build_formatting_structure``,
``layout_document``), reads its boxes, shapes a holder's text as WeasyPrint
does (``split_first_line``, ``create_layout``, Pango font keys) and draws it
with ``draw_text`` into a PDF ``Stream``; none of these is documented, and any
WeasyPrint release may change them. ``make check-upgrades`` installs the
newest WeasyPrint and pyHanko in a separate environment and runs the tests
that compare a stamped certificate with the full render there: a mismatch
says this module (or ``stamping``) must follow before the pinned version is
raised.

Names are imported on first use, so that importing the credentials package
does not load WeasyPrint (the verification side never needs it).
"""

from __future__ import annotations

import importlib

WRITTEN_FOR = "70.0"

# name -> (module, attribute)
_SOURCES = {
    "DEFAULT_OPTIONS": ("weasyprint", "DEFAULT_OPTIONS"),
    "ColorProfile": ("weasyprint.css", "ColorProfile"),
    "Document": ("weasyprint.document", "Document"),
    "DocumentMetadata": ("weasyprint.document", "DocumentMetadata"),
    "Page": ("weasyprint.document", "Page"),
    "boxes": ("weasyprint.formatting_structure.boxes", None),
    "build_formatting_structure": (
        "weasyprint.formatting_structure.build",
        "build_formatting_structure",
    ),
    "get_html_metadata": ("weasyprint.html", "get_html_metadata"),
    "layout_document": ("weasyprint.layout", "layout_document"),
    "generate_pdf": ("weasyprint.pdf", "generate_pdf"),
    "Stream": ("weasyprint.pdf.stream", "Stream"),
    "ffi": ("weasyprint.text.ffi", "ffi"),
    "get_pango_font_key": ("weasyprint.text.fonts", "get_pango_font_key"),
    "split_first_line": ("weasyprint.text.line_break", "split_first_line"),
    "create_layout": ("weasyprint.text.line_break", "create_layout"),
    "draw_text": ("weasyprint.draw.text", "draw_text"),
    "pydyf": ("pydyf", None),
}

__all__ = ["WRITTEN_FOR", "installed_version", *_SOURCES]


def __getattr__(name: str):
    try:
        module_name, attribute = _SOURCES[name]
    except KeyError:
        raise AttributeError(name) from None
    module = importlib.import_module(module_name)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value


def installed_version() -> str:
    return importlib.import_module("weasyprint").__version__
