"""Ways to tamper with a signed certificate PDF, for the verification tests."""

import io
import random

from certification.credentials.pades import ATTACHMENT_NAME, extract_attachment


def _embedded_file_spec(root):
    node = root["/Names"]["/EmbeddedFiles"]
    stack = [node]
    while stack:
        node = stack.pop().get_object()
        names = node.get("/Names", [])
        for index in range(0, len(names) - 1, 2):
            spec = names[index + 1].get_object()
            if str(spec.get("/UF", spec.get("/F", names[index]))) == ATTACHMENT_NAME:
                return spec
        stack.extend(node.get("/Kids", []))
    raise LookupError("no credential.json")


def swap_attachment(target_pdf: bytes, donor_pdf: bytes) -> bytes:
    """``target_pdf`` with the donor's credential.json put in its place by an
    incremental update (what a forger without the issuer's keys can do)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    donor_json = extract_attachment(donor_pdf)
    writer = IncrementalPdfFileWriter(io.BytesIO(target_pdf), strict=False)
    spec = _embedded_file_spec(writer.root)
    old = spec["/EF"]["/F"]
    new = generic.StreamObject(
        {
            generic.pdf_name(key): value
            for key, value in old.items()
            if key not in ("/Filter", "/DecodeParms", "/Length", "/Params")
        },
        stream_data=donor_json,
    )
    spec["/EF"][generic.pdf_name("/F")] = writer.add_object(new)
    writer.update_container(spec)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def strip_signature(pdf: bytes) -> bytes:
    """The document as it was before the signature's incremental update."""
    end = pdf.rstrip().rfind(b"%%EOF")
    previous = pdf.rfind(b"%%EOF", 0, end)
    if previous < 0:
        raise ValueError("a single revision: nothing to strip")
    return pdf[: previous + len(b"%%EOF")] + b"\n"


def flip_byte_in_page_content(pdf: bytes, position: float = 0.3) -> bytes:
    index = int(len(pdf) * position)
    return pdf[:index] + bytes([pdf[index] ^ 0x20]) + pdf[index + 1 :]


def mutations(pdf: bytes, donor: bytes, *, count: int, seed: int = 20261127):
    """``count`` tampered copies of ``pdf``: random byte flips (one to eight
    bytes anywhere), truncations, inserted and deleted bytes, the attachment
    swapped, the signature stripped. Yields ``(label, data)``."""
    rng = random.Random(seed)
    yield "attachment swapped", swap_attachment(pdf, donor)
    yield "signature stripped", strip_signature(pdf)
    yield "stripped and swapped", swap_attachment(strip_signature(pdf), donor)
    yield "empty after header", pdf[:8]
    for number in range(count - 4):
        kind = number % 4
        data = bytearray(pdf)
        if kind in (0, 1):
            for _ in range(rng.randint(1, 8)):
                index = rng.randrange(len(data))
                data[index] ^= 1 << rng.randrange(8)
            label = "byte flips"
        elif kind == 2:
            cut = rng.randrange(1, len(data))
            data = data[:cut]
            label = f"truncated at {cut}"
        else:
            index = rng.randrange(len(data))
            if rng.random() < 0.5:
                del data[index : index + rng.randint(1, 64)]
                label = f"bytes deleted at {index}"
            else:
                data[index:index] = rng.randbytes(rng.randint(1, 64))
                label = f"bytes inserted at {index}"
        if bytes(data) == pdf:  # a flip can undo another: flip once more
            data[0] ^= 1
        yield label, bytes(data)
