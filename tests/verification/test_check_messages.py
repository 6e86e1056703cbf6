"""The verify page states why a check failed in the interface's language:
Spanish under the Spanish interface, English under the English one (issue:
the check details were in English under the Spanish interface)."""

import ast
import re
from pathlib import Path

import polib
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from certification.verification.reasons import REASONS, check_reason_display
from tests.verification.conftest import pdf_of

from .pdfmutations import flip_byte_in_page_content, strip_signature

ROOT = Path(settings.BASE_DIR)
SOURCES = [
    "certification/verification/checks.py",
    "certification/credentials/verify.py",
    "certification/credentials/pades.py",
    "certification/credentials/proof.py",
]
CATALOG = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
ENGLISH_WORDS = re.compile(r"\b(the|file|signature|issued|credential|check)\b")


def reasons_in_sources() -> set[str]:
    """Every literal (or f-string head) given as a failed check's reason."""
    found = set()
    for source in SOURCES:
        tree = ast.parse((ROOT / source).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            args = list(node.args) + [
                k.value for k in node.keywords if k.arg == "reason"
            ]
            if name not in {"add", "ProofResult", "SignatureReport", "PdfError"}:
                continue
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value)
                elif isinstance(arg, ast.JoinedStr) and arg.values:
                    head = arg.values[0]
                    if isinstance(head, ast.Constant):
                        found.add(head.value)
    return {text for text in found if " " in text}


def test_every_reason_in_the_code_has_a_sentence_of_its_own():
    reasons = reasons_in_sources()
    assert len(reasons) > 15
    prefixes = [prefix for prefix, _sentence in REASONS]
    missing = [r for r in reasons if not any(r.startswith(p) for p in prefixes)]
    assert missing == []


def test_every_sentence_is_spanish_with_an_english_translation():
    catalog = {e.msgid: e.msgstr for e in polib.pofile(str(CATALOG))}
    for _prefix, sentence in REASONS:
        with translation.override("es"):
            spanish = str(sentence)
        assert not ENGLISH_WORDS.search(spanish), spanish
        assert catalog.get(spanish), spanish
        with translation.override("en"):
            assert str(sentence) == catalog[spanish]


def test_an_unknown_reason_still_reads_as_a_translated_sentence():
    with translation.override("es"):
        assert check_reason_display("quantum flux").startswith("La comprobación falló")
    with translation.override("en"):
        assert check_reason_display("quantum flux").startswith("The check failed")


def _upload(client, data: bytes, prefix: str = ""):
    return client.post(
        f"{prefix}/verify/upload/",
        {"pdf": SimpleUploadedFile("c.pdf", data, "application/pdf")},
    ).content.decode()


def _reasons(page: str) -> list[str]:
    rows = re.findall(r'check-failed" data-check="[a-z]+">(.*?)</tr>', page, re.DOTALL)
    return [re.sub(r"<[^>]+>", " ", row) for row in rows]


def test_altered_pdf_reasons_in_spanish_and_english(client, issued):
    for data in (
        flip_byte_in_page_content(pdf_of(issued)),
        strip_signature(pdf_of(issued)),
    ):
        spanish = _reasons(_upload(client, data))
        assert spanish
        for row in spanish:
            assert not ENGLISH_WORDS.search(row), row
        english = _reasons(_upload(client, data, "/en"))
        assert len(english) == len(spanish)
        assert any(ENGLISH_WORDS.search(row) for row in english), english
