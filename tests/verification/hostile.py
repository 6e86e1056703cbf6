"""Hostile PDFs, written byte by byte: what an attacker uploads to make a
verifier hang or swell. Each is a well-formed PDF (header, objects, a
cross-reference table, trailer) so that readers get past the first line."""

import zlib

CATALOG = 1
PAGES = 2
PAGE = 3
FIRST_FREE = 10


def build_pdf(objects: dict[int, bytes], *, xref_padding: int = 0) -> bytes:
    """A PDF of ``objects`` (number -> body); object 1 is the catalog.

    ``xref_padding`` adds that many free entries to the cross-reference
    table (a huge table with nothing in it)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects) + 1 + xref_padding
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        if number in offsets:
            out += b"%010d 00000 n \n" % offsets[number]
        else:
            out += b"0000000000 00000 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % size
    out += b"startxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


def _document(names: bytes = b"", extra: bytes = b"") -> dict[int, bytes]:
    catalog = b"<< /Type /Catalog /Pages 2 0 R"
    if names:
        catalog += b" /Names << /EmbeddedFiles " + names + b" >>"
    return {
        CATALOG: catalog + extra + b" >>",
        PAGES: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    }


def _file_spec(stream_number: int) -> bytes:
    return (
        b"<< /Type /Filespec /F (credential.json) /UF (credential.json) "
        b"/EF << /F %d 0 R >> >>" % stream_number
    )


def dag_name_tree(*, depth: int = 5, fanout: int = 60) -> bytes:
    """The attachment name tree lists the next node ``fanout`` times per
    level: ``depth`` objects, ``fanout ** depth`` paths (2.5 KB at 60 x 5)."""
    objects = _document(names=b"%d 0 R" % FIRST_FREE)
    for level in range(depth):
        number = FIRST_FREE + level
        kids = b" ".join([b"%d 0 R" % (number + 1)] * fanout)
        objects[number] = b"<< /Kids [" + kids + b"] >>"
    leaf = FIRST_FREE + depth
    objects[leaf] = b"<< /Names [(other.txt) %d 0 R] >>" % (leaf + 1)
    objects[leaf + 1] = b"<< /Type /Filespec /F (other.txt) >>"
    return build_pdf(objects)


def kids_loop() -> bytes:
    """Two name-tree nodes that are each other's kid."""
    objects = _document(names=b"%d 0 R" % FIRST_FREE)
    objects[FIRST_FREE] = b"<< /Kids [%d 0 R] >>" % (FIRST_FREE + 1)
    objects[FIRST_FREE + 1] = b"<< /Kids [%d 0 R] >>" % FIRST_FREE
    return build_pdf(objects)


def reference_loop() -> bytes:
    """An object that is a reference to itself, where the attachment is."""
    objects = _document(names=b"%d 0 R" % FIRST_FREE)
    objects[FIRST_FREE] = b"%d 0 R" % FIRST_FREE
    return build_pdf(objects)


def inflation_bomb(*, megabytes: int = 300) -> bytes:
    """``credential.json`` deflated from ``megabytes`` MiB of spaces (about
    1 KB of file per MiB inflated)."""
    deflater = zlib.compressobj(9)
    block = b" " * (1024 * 1024)
    packed = b"".join(deflater.compress(block) for _ in range(megabytes))
    packed += deflater.flush()
    objects = _document(names=b"<< /Names [(credential.json) 11 0 R] >>")
    objects[11] = _file_spec(12)
    objects[12] = (
        b"<< /Type /EmbeddedFile /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(packed)
        + packed
        + b"\nendstream"
    )
    return build_pdf(objects)


def deep_nesting(*, levels: int) -> bytes:
    """An array nested ``levels`` deep in the catalog."""
    return build_pdf(_document(extra=b" /Deep " + b"[" * levels + b"]" * levels))


def huge_xref(*, entries: int = 200_000) -> bytes:
    """A cross-reference table of ``entries`` lines (4 MB), nearly all free."""
    return build_pdf(_document(), xref_padding=entries)


def many_objects(*, count: int = 30_000) -> bytes:
    """``count`` distinct objects, all reachable from the catalog."""
    objects = _document(
        extra=b" /Many ["
        + b" ".join(b"%d 0 R" % (FIRST_FREE + i) for i in range(count))
        + b"]"
    )
    for index in range(count):
        objects[FIRST_FREE + index] = b"<< /N %d >>" % index
    return build_pdf(objects)


def wide_page_tree(*, nodes: int = 3_000) -> bytes:
    """A page tree of ``nodes`` intermediate nodes (one page at the end)."""
    objects = _document()
    objects[PAGES] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % FIRST_FREE
    for index in range(nodes):
        number = FIRST_FREE + index
        kid = number + 1 if index + 1 < nodes else PAGE
        objects[number] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % kid
    objects[PAGE] = b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 9 9] >>" % (
        FIRST_FREE + nodes - 1
    )
    return build_pdf(objects)


# name -> (builder, the budget it breaks)
HOSTILE = {
    "dag name tree": (dag_name_tree, "tree_nodes"),
    "kids loop": (kids_loop, "depth"),
    "inflation bomb": (inflation_bomb, "inflated"),
    "deep nesting": (lambda: deep_nesting(levels=200), "depth"),
    "parser-deep nesting": (lambda: deep_nesting(levels=20_000), "depth"),
    "huge xref": (huge_xref, "xref"),
    "many objects": (many_objects, "objects"),
    "wide page tree": (wide_page_tree, "tree_nodes"),
}
