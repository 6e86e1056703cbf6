"""Names on certificates: every character of the holder's name is drawn with a
real glyph of an embedded font (no missing-glyph box), the whole name is on
the page, and a long name shrinks to fit instead of running off it; on both
paths, the full render and the stamped batch."""

import io
import re
import subprocess
import unicodedata
from html import unescape

import pytest
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont
from pyhanko.pdf_utils.reader import PdfFileReader

from certification.credentials import pdf
from tests.credentials.test_stamping import holder_items

LONG = (
    "María de los Ángeles Wenceslaa Ñancupil Huenchumilla Quispe Mamani "
    "Fernández de la Cruz Castañeda Villavicencio Ayala Peña y Lillo "
    "Echeverría Santibáñez Covarrubias"
)
NAMES = {
    "mapudungun": "Wenceslao Ñancupil Küyen Ngüñün",
    "quechua": "Ch'aska Ruphay Sumaq Q'ente Ñawpa Mamaniʼ",
    "guarani": "Ñandutí Araceli g̃uahẽ Kuarahy Mbaʼe",  # g + U+0303, e + U+0303
    "wayuu": "Süchikimaa Jayaliyuu Kashiwaa",
    "nahuatl": "Xóchitl Cuāuhtli Tlālli Itzcóatl",
    "chinese": "王小明",
    "japanese": "山田さくら ヤマダ",
    "korean": "김민준",
    "long": LONG,
    "long unbroken": "Ñ" + "a" * 70 + "ñ" * 10,
}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def run(*command: str, data: bytes, tmp_path) -> str:
    path = tmp_path / "name.pdf"
    path.write_bytes(data)
    return subprocess.run(
        [*command, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def _to_unicode(stream: bytes) -> dict[int, str]:
    mapping = {}
    text = stream.decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for source, target in re.findall(r"<(\w+)>\s*<(\w+)>", block):
            mapping[int(source, 16)] = bytes.fromhex(target).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for first, last, target in re.findall(r"<(\w+)>\s*<(\w+)>\s*<(\w+)>", block):
            start = int(target, 16)
            for offset, cid in enumerate(range(int(first, 16), int(last, 16) + 1)):
                mapping[cid] = chr(start + offset)
    return mapping


def drawn_characters(data: bytes) -> tuple[set[str], list[str]]:
    """The characters the page draws with a real glyph (an outline in its
    embedded font), and the faults: a glyph drawn as .notdef, beyond its
    font, or empty. Every font is CID-keyed with the identity map, so a CID
    is the glyph id in the embedded font program."""
    reader = PdfFileReader(io.BytesIO(data))
    page = reader.root["/Pages"]["/Kids"][0]
    drawn, faults = set(), []
    for font in page["/Resources"]["/Font"].values():
        font = font.get_object()
        descendant = font["/DescendantFonts"][0].get_object()
        assert descendant.get("/CIDToGIDMap", "/Identity") == "/Identity"
        descriptor = descendant["/FontDescriptor"]
        program = descriptor.get("/FontFile2") or descriptor.get("/FontFile3")
        assert program is not None, f"{font['/BaseFont']} is not embedded"
        embedded = TTFont(io.BytesIO(program.get_object().data))
        order = embedded.getGlyphOrder()
        glyphs = embedded.getGlyphSet()
        to_unicode = font["/ToUnicode"].get_object().data
        for cid, text in _to_unicode(to_unicode).items():
            if not text.strip():
                continue
            if cid == 0 or cid >= len(order):
                faults.append(f"{text!r} has no glyph in {font['/BaseFont']}")
                continue
            pen = BoundsPen(glyphs)
            glyphs[order[cid]].draw(pen)
            if pen.bounds is None:
                faults.append(f"{text!r} is an empty glyph in {font['/BaseFont']}")
                continue
            drawn.update(nfc(text))
            drawn.update(unicodedata.normalize("NFD", text))
    return drawn, faults


def name_words(data: bytes, name: str, tmp_path) -> list[tuple[float, ...]]:
    """The boxes (xMin, yMin, xMax, yMax) of the name's words on the page."""
    html = run("pdftotext", "-bbox", data=data, tmp_path=tmp_path)
    page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    width, height = float(page[1]), float(page[2])
    words = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
        r"(.*?)</word>",
        html,
    )
    # The run of consecutive words that spells the name (an unbroken name
    # wrapped by the line is two words).
    target = "".join(nfc(name).split())
    texts = [nfc(unescape(word[4])) for word in words]
    boxes = []
    for start in range(len(words)):
        spelled, end = "", start
        while end < len(words) and target.startswith(spelled + texts[end]):
            spelled += texts[end]
            end += 1
            if spelled == target:
                boxes = [tuple(float(v) for v in w[:4]) for w in words[start:end]]
                break
        if boxes:
            break
    for x_min, y_min, x_max, y_max in boxes:
        assert x_min >= 0 and y_min >= 0
        assert x_max <= width and y_max <= height
    return boxes


def assert_printed_whole(data: bytes, name: str, tmp_path) -> None:
    info = subprocess.run(
        ["pdfinfo", "-"], input=data, check=True, capture_output=True
    ).stdout.decode()
    assert re.search(r"^Pages:\s+1$", info, re.M), "the certificate is one page"
    text = run("pdftotext", "-raw", data=data, tmp_path=tmp_path)
    # Wrapped lines join with a line break; an unbroken word wraps with none.
    flat = nfc(" ".join(text.split()))
    assert nfc(name) in flat or nfc(name).replace(" ", "") in flat.replace(" ", "")
    drawn, faults = drawn_characters(data)
    assert not faults
    missing = {char for char in nfc(name) if not char.isspace()} - drawn
    assert not missing, f"drawn without a glyph: {missing}"
    boxes = name_words(data, name, tmp_path)
    assert boxes
    lines = {round(box[3]) for box in boxes}
    assert len(lines) <= 2, "a long name takes at most two lines"


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_names_print_whole_with_real_glyphs_in_the_full_render(
    context, signed_credential, tmp_path, name
):
    data = pdf.CertificateRenderer().render(
        {**context, "holder_name": name}, credential_json=signed_credential
    )
    assert_printed_whole(data, name, tmp_path)


def test_names_print_whole_with_real_glyphs_in_a_stamped_batch(
    context, signed_credential, tmp_path
):
    renderer = pdf.CertificateRenderer()
    names = ["Ana Li", *NAMES.values()]
    outputs = renderer.render_many(holder_items(context, signed_credential, names))
    assert renderer.stamped >= 2  # the short Latin names, at least
    for name, data in zip(names, outputs, strict=True):
        assert_printed_whole(data, name, tmp_path)


def test_a_long_name_shrinks_a_step_at_a_time(context, signed_credential, tmp_path):
    renderer = pdf.CertificateRenderer()
    short, long = (
        renderer.render({**context, "holder_name": name}, credential_json=b"{}")
        for name in ("Ana Li", LONG)
    )
    short_box = name_words(short, "Ana Li", tmp_path)[0]
    long_box = name_words(long, LONG, tmp_path)[0]
    assert long_box[3] - long_box[1] < short_box[3] - short_box[1]


def test_the_checker_sees_a_character_no_font_draws(context, signed_credential):
    """The glyph check can fail: a character none of the fonts has is drawn
    as a missing glyph, and is not counted as drawn."""
    data = pdf.CertificateRenderer().render(
        {**context, "holder_name": "Ana \U00013000"}, credential_json=b"{}"
    )
    drawn, faults = drawn_characters(data)
    assert "\U00013000" not in drawn


def test_the_certificate_css_falls_back_to_an_installed_cjk_font():
    """Chinese, Japanese and Korean names print with the CJK font the
    stylesheet names after the shipped DejaVu (fonts-noto-cjk)."""
    css = pdf.STYLESHEET.read_text()
    families = set(re.findall(r'"(Noto (?:Serif|Sans) CJK \w+)"', css))
    assert families
    for family in families:
        covering = subprocess.run(
            ["fc-list", f"{family}:charset=738b 3055 30e4 ae40", "family"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        assert family in covering, f"{family} is not installed with CJK glyphs"
