"""Stamped certificates: the template laid out once, each holder's fields
drawn on it. They must read and look like the full render, carry their own
values only, stay PDF/A-3b with their attachment and take a valid signature;
what stamping cannot place exactly is rendered in full."""

import datetime as dt
import io
import json
import re
import secrets
import subprocess
from pathlib import Path

import pytest
import segno
from PIL import Image, ImageChops

from certification.credentials import keys, pades, pdf, stamping, verify
from tests.credentials.test_pdf import ARTIFACTS, _page_png, pdftotext, xmp_title

MOMENT = dt.datetime(2026, 3, 1, 15, 30, tzinfo=dt.UTC)
HOLDERS = [
    "Ana Li",
    "María José Fernández de la Cruz Núñez",
    "D'Angelo O'Higgins-Łukasz",
    "Çağrı Ørsted Ångström",
    "Sofía Rufino Figueroa",  # an "fi" ligature
]


def page_image(data: bytes, tmp_path: Path, name: str) -> Image.Image:
    return Image.open(io.BytesIO(_page_png(data, tmp_path, name))).convert("L")


def differing_share(first: Image.Image, second: Image.Image) -> float:
    """Share of pixels whose grey level differs by more than a quarter."""
    difference = ImageChops.difference(first, second).point(lambda v: v > 64 and 255)
    histogram = difference.histogram()
    return histogram[255] / (first.width * first.height)


def holder_items(context, signed_credential, names=HOLDERS):
    items = []
    for index, name in enumerate(names):
        public_id = secrets.token_hex(16)
        items.append(
            (
                {
                    **context,
                    "holder_name": name,
                    "public_id": public_id,
                    "verify_url": f"https://cultura.example:8443/verify/{public_id}/",
                    "issued_on": dt.date(2026, 3, 1 + index),
                },
                signed_credential,
                MOMENT,
            )
        )
    return items


def test_a_stamped_certificate_reads_and_looks_like_the_full_render(
    context, signed_credential, tmp_path
):
    renderer = pdf.CertificateRenderer()
    [stamped] = renderer.render_many([(context, signed_credential, MOMENT)])
    assert (renderer.stamped, renderer.rendered) == (1, 0)
    full = renderer.render(
        context, credential_json=signed_credential, attachment_time=MOMENT
    )
    assert pdftotext(stamped, tmp_path) == pdftotext(full, tmp_path)
    image = page_image(stamped, tmp_path, "stamped")
    # Only the QR code's edges differ (filled squares against SVG strokes).
    assert differing_share(image, page_image(full, tmp_path, "full")) < 0.005
    ARTIFACTS.mkdir(exist_ok=True)
    image.save(ARTIFACTS / "certificate-stamped.png")


def test_each_holder_gets_only_their_own_fields(context, signed_credential, tmp_path):
    renderer = pdf.CertificateRenderer()
    items = holder_items(context, signed_credential)
    outputs = renderer.render_many(items)
    assert (renderer.stamped, renderer.rendered) == (len(items), 0)
    assert len(renderer.backgrounds) == 1  # laid out once for the five
    texts = [pdftotext(data, tmp_path) for data in outputs]
    for index, ((item, _, _), data, text) in enumerate(
        zip(items, outputs, texts, strict=True)
    ):
        full = renderer.render(
            item, credential_json=signed_credential, attachment_time=MOMENT
        )
        assert text == pdftotext(full, tmp_path)
        assert item["holder_name"] in text and item["public_id"] in text
        assert f"{1 + index} de marzo de 2026" in text
        others = [name for name in HOLDERS if name != item["holder_name"]]
        assert not any(name in text for name in others)
        assert item["holder_name"] in xmp_title(data)
        assert (
            differing_share(
                page_image(data, tmp_path, f"s{index}"),
                page_image(full, tmp_path, f"f{index}"),
            )
            < 0.005
        )


def test_what_stamping_cannot_place_is_rendered_in_full(
    context, signed_credential, tmp_path
):
    renderer = pdf.CertificateRenderer()
    names = [
        "Ana Li",
        "Nombre " * 30 + "Largo",  # wraps: the line count changes
        "Ana 王",  # a glyph the certificate fonts lack
    ]
    items = holder_items(context, signed_credential, names)
    outputs = renderer.render_many(items)
    assert (renderer.stamped, renderer.rendered) == (1, 2)
    for data in outputs:
        assert json.loads(pades.extract_attachment(data)) == signed_credential
    assert "Largo" in pdftotext(outputs[1], tmp_path)


@pytest.mark.parametrize(
    "change",
    [
        ("{{ holder_name }}</div>", "{{ holder_name|upper }}</div>"),
        ('<div class="holder">', '<div class="holder" title="{{ holder_name }}">'),
        ('<div class="holder">{{', '<div class="holder">Otorgado a {{'),
        ('<div class="holder">', '<div class="holder" style="float: left">'),
    ],
    ids=["filter", "attribute", "shared line", "shrink-to-fit box"],
)
def test_templates_that_treat_a_field_apart_are_rendered_in_full(
    context, signed_credential, tmp_path, change
):
    source = Path(pdf.STATIC_DIR).parents[2] / "templates" / pdf.TEMPLATE_NAME
    html = source.read_text()
    assert change[0] in html
    renderer = pdf.CertificateRenderer(template_source=html.replace(*change))
    [data] = renderer.render_many([(context, signed_credential, MOMENT)])
    assert (renderer.stamped, renderer.rendered) == (0, 1)
    full = renderer.render(
        context, credential_json=signed_credential, attachment_time=MOMENT
    )
    assert (
        differing_share(
            page_image(data, tmp_path, "d"), page_image(full, tmp_path, "f")
        )
        == 0
    )


def _info_title(data: bytes) -> str:
    """The Title of the document information dictionary."""
    number = re.search(rb"/Info (\d+) 0 R", data).group(1)
    info = re.search(rb"\n" + number + rb" 0 obj\n(.*?)endobj", data, re.S).group(1)
    match = re.search(rb"/Title <(feff[0-9a-f]*)>", info, re.I)
    if match:
        return bytes.fromhex(match.group(1).decode()).decode("utf-16")
    return re.search(rb"/Title \((.*?)\)", info).group(1).decode()


def test_a_stamped_pdf_is_pdf_a_3b_attached_and_signed(
    context, signed_credential, issuer_keys, tmp_path
):
    renderer = pdf.CertificateRenderer()
    [data] = renderer.render_many([(context, signed_credential, MOMENT)])
    xmp = pades.xmp_metadata(data)
    assert re.search(rb"pdfaid:part(?:>|=\")3", xmp)
    assert re.search(rb"pdfaid:conformance(?:>|=\")B", xmp)
    title = re.search(r"<rdf:li[^>]*>(.*?)</rdf:li>", xmp_title(data)).group(1)
    assert "Ana María Pérez Núñez" in title
    assert title == _info_title(data)  # PDF/A: XMP and Info agree
    assert json.loads(pades.extract_attachment(data)) == signed_credential
    assert pades.attachment_relationship(data) == "Data"
    (tmp_path / "s.pdf").write_bytes(data)
    fonts = subprocess.run(
        ["pdffonts", str(tmp_path / "s.pdf")], check=True, capture_output=True,
        text=True,
    ).stdout.splitlines()[2:]  # fmt: skip
    assert fonts and all(" yes " in row for row in fonts)  # all embedded
    images = subprocess.run(
        ["pdfimages", "-list", str(tmp_path / "s.pdf")], check=True,
        capture_output=True, text=True,
    ).stdout  # fmt: skip
    assert len(images.splitlines()) == 2  # the QR code is vector
    signed = pades.sign_pdf(data, issuer_code="CL", reason="Emisión")
    report = verify.verify_pdf(
        signed,
        public_keys=keys.public_keys_from_did_document(keys.did_document("CL")),
        trust_roots=[keys.load_signing_certificate("CL").certificate],
    )
    assert report.valid, report.as_dict()


def test_the_stamped_qr_code_is_the_verify_url(context, signed_credential):
    """The QR squares drawn are the modules of the verify URL's code."""
    renderer = pdf.CertificateRenderer()
    [data] = renderer.render_many([(context, signed_credential, MOMENT)])
    background = next(iter(renderer.backgrounds.values()))
    code = pdf.qr_code(context["verify_url"])
    dark = sum(row.count(1) for row in code.matrix)
    path = stamping._qr_path(code, background.qr[0])
    assert path.count(b" re") <= dark
    image = Image.new("1", (code.symbol_size(border=0)[0],) * 2, 1)
    slot = background.qr[0]
    module = slot.width / image.width
    for x, y, w, _ in re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re", path):
        column = round((float(x) - slot.x) / module)
        row = round((float(y) - slot.y) / module)
        for offset in range(round(float(w) / module)):
            image.putpixel((column + offset, row), 0)
    expected = segno.make(context["verify_url"], error="q", micro=False)
    buffer = io.BytesIO()
    expected.save(buffer, kind="png", border=0, scale=1)
    assert image.tobytes() == Image.open(buffer).convert("1").tobytes()


def test_stamped_and_signed_in_one_pass_validates_like_pyhanko_signatures(
    context, signed_credential, issuer_keys, tmp_path
):
    """The batch signer's signature, appended as the PDF is written, is the
    incremental update pyHanko writes: pyHanko validates it (whole file,
    trusted), the offline verifier passes it, one changed byte fails it."""
    signer = pades.BatchPadesSigner.for_issuer("CL")
    renderer = pdf.CertificateRenderer()
    [data] = renderer.render_many(
        [(context, signed_credential, MOMENT)], signer=signer, reasons=["Emisión"]
    )
    roots = [keys.load_signing_certificate("CL").certificate]
    report = pades.validate_pdf(data, roots)
    assert report.ok, report
    assert report.coverage == "ENTIRE_FILE"
    assert "Ministerio" in report.signer
    offline = verify.verify_pdf(
        data,
        public_keys=keys.public_keys_from_did_document(keys.did_document("CL")),
        trust_roots=roots,
    )
    assert offline.valid, offline.as_dict()
    # The catalog gets what pyHanko adds for this key, no more, no less.
    by_pyhanko = signer.sign(
        renderer.render_many([(context, signed_credential, MOMENT)])[0], reason="x"
    )
    for key, value in signer.catalog_entries().items():
        assert value in by_pyhanko and value in data, key
    for references in re.findall(rb"/AF \[([^\]]*)\]", data):
        listed = re.findall(rb"\d+ 0 R", references)
        assert len(listed) == len(set(listed)) == 1  # each attachment once
    assert pdftotext(data, tmp_path) == pdftotext(by_pyhanko, tmp_path)
    tampered = bytearray(data)
    tampered[len(data) // 3] ^= 0x01
    assert not pades.validate_pdf(bytes(tampered), roots).ok


def test_a_stamping_fault_falls_back_to_the_full_render(
    context, signed_credential, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("a fault")

    logged = []
    monkeypatch.setattr(stamping.Background, "stamp", broken)
    monkeypatch.setattr(
        pdf.logger, "exception", lambda message, *args: logged.append(message)
    )
    renderer = pdf.CertificateRenderer()
    [data] = renderer.render_many([(context, signed_credential, MOMENT)])
    assert (renderer.stamped, renderer.rendered) == (0, 1)
    assert json.loads(pades.extract_attachment(data)) == signed_credential
    assert any("stamping failed" in message for message in logged)
