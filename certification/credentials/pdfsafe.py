"""Reading untrusted PDFs within explicit budgets.

A PDF from outside (an upload, the API, a file given to the offline
verifier) is read by this module before anything else parses it, and every
walk over it counts what it costs against a :class:`Budget`:

- ``max_bytes``: the size of the file;
- ``max_xref_entries``: cross-reference entries (tables and ``/Size``);
- ``max_objects``: distinct objects visited from the catalog;
- ``max_tree_nodes``: nodes of the page, name and field trees (any ``/Kids``);
- ``max_depth``: nesting of arrays, dictionaries and references;
- ``max_inflated_bytes``: bytes produced by decompressing every stream of the
  file (chained filters included), streamed and counted, never inflated whole;
- ``max_attachment_bytes``: the decompressed size of ``credential.json``;
- ``seconds``: wall-clock time for the whole reading;
- ``cpu_seconds`` and ``memory_bytes``: what the sandbox
  (:mod:`certification.credentials.sandbox`) gives the process that reads it.

Exceeding one raises :class:`BudgetExceeded`, which names the limit; a
directed acyclic name tree, a reference loop or a decompression bomb thus
ends in a verdict, never in a hang. Pure Python, no Django.
"""

from __future__ import annotations

import dataclasses
import re
import time
import zlib
from dataclasses import dataclass

ATTACHMENT_NAME = "credential.json"
MiB = 1024 * 1024


class PdfError(ValueError):
    """The bytes are not a readable PDF (or lack what was asked for)."""


@dataclass(frozen=True)
class Budget:
    """What reading one untrusted PDF may cost (see the module docstring)."""

    max_bytes: int = 10 * MiB
    max_xref_entries: int = 50_000
    max_objects: int = 20_000
    max_tree_nodes: int = 2_000
    max_depth: int = 64
    max_inflated_bytes: int = 64 * MiB
    max_attachment_bytes: int = 1 * MiB
    seconds: float = 20.0
    cpu_seconds: int = 15
    memory_bytes: int = 512 * MiB

    @classmethod
    def from_mapping(cls, overrides: dict | None) -> Budget:
        """Defaults with ``overrides`` (unknown keys are an error)."""
        overrides = dict(overrides or {})
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = set(overrides) - names
        if unknown:
            raise ValueError(f"unknown PDF budget settings: {sorted(unknown)}")
        return cls(**overrides)


# What each limit measures, for messages (English; the web layer translates).
LIMITS = {
    "bytes": "file size",
    "xref": "cross-reference entries",
    "objects": "objects visited",
    "tree_nodes": "page, name or field tree nodes",
    "depth": "nesting depth",
    "inflated": "decompressed bytes",
    "attachment": "size of the embedded credential",
    "time": "reading time (seconds)",
    "cpu": "processor time (seconds)",
    "memory": "memory",
}


class BudgetExceeded(PdfError):
    """Reading the file would cost more than its budget allows."""

    def __init__(self, limit: str, allowed):
        self.limit = limit
        self.allowed = allowed
        super().__init__(
            f"the file exceeds the reading budget: {LIMITS[limit]} (limit {allowed})"
        )

    def __reduce__(self):
        return (type(self), (self.limit, self.allowed))


class Meter:
    """Counts what a reading has cost so far against its budget."""

    def __init__(self, budget: Budget | None = None):
        self.budget = budget or Budget()
        self.started = time.monotonic()
        self.deadline = self.started + self.budget.seconds
        self.objects = 0
        self.tree_nodes = 0
        self.inflated = 0

    def tick_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise BudgetExceeded("time", self.budget.seconds)

    def tick_object(self) -> None:
        self.objects += 1
        if self.objects > self.budget.max_objects:
            raise BudgetExceeded("objects", self.budget.max_objects)
        if self.objects % 64 == 0:
            self.tick_time()

    def tick_tree_node(self) -> None:
        self.tree_nodes += 1
        if self.tree_nodes > self.budget.max_tree_nodes:
            raise BudgetExceeded("tree_nodes", self.budget.max_tree_nodes)
        self.tick_time()

    def check_depth(self, depth: int) -> None:
        if depth > self.budget.max_depth:
            raise BudgetExceeded("depth", self.budget.max_depth)

    def tick_inflated(self, count: int) -> None:
        self.inflated += count
        if self.inflated > self.budget.max_inflated_bytes:
            raise BudgetExceeded("inflated", self.budget.max_inflated_bytes)


# --- the raw bytes, before any parser sees them ---------------------------

_XREF_ENTRY = re.compile(rb"\d{10}[ ]\d{5}[ ][nf]")
_SIZE = re.compile(rb"/Size\s+(\d{1,20})")
_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 64 * 1024
_ZLIB_LEVELS = 4


def _looks_like_zlib(head: bytes) -> bool:
    return (
        len(head) >= 2
        and head[0] & 0x0F == 8
        and head[0] >> 4 <= 7
        and (head[0] * 256 + head[1]) % 31 == 0
    )


def _inflate_chain(raw, meter: Meter) -> None:
    """Inflate ``raw`` through as many zlib layers as it has (up to four,
    a layer being recognised by its header), chunk by chunk, counting every
    produced byte against the meter and keeping none. Raises ``zlib.error``
    when ``raw`` itself is not zlib data."""
    stages = [zlib.decompressobj()]
    fresh = [True]
    dead = [False]

    def feed(level: int, data: bytes) -> None:
        stage = stages[level]
        while data:
            out = stage.decompress(data, _CHUNK)
            data = stage.unconsumed_tail
            if not out:
                break
            meter.tick_inflated(len(out))
            meter.tick_time()
            if fresh[level]:
                fresh[level] = False
                if len(stages) < _ZLIB_LEVELS and _looks_like_zlib(out):
                    stages.append(zlib.decompressobj())
                    fresh.append(True)
                    dead.append(False)
            if level + 1 < len(stages) and not dead[level + 1]:
                try:
                    feed(level + 1, out)
                except zlib.error:
                    dead[level + 1] = True  # a false header: stop there

    view = memoryview(raw)
    for start in range(0, len(view), _CHUNK):
        feed(0, bytes(view[start : start + _CHUNK]))


def prescreen(data: bytes, meter: Meter) -> None:
    """Check the raw file before a parser reads it: its size, its
    cross-reference entries and what all its streams decompress to."""
    budget = meter.budget
    if len(data) > budget.max_bytes:
        raise BudgetExceeded("bytes", budget.max_bytes)
    for entries, _match in enumerate(_XREF_ENTRY.finditer(data), start=1):
        if entries > budget.max_xref_entries:
            raise BudgetExceeded("xref", budget.max_xref_entries)
    for match in _SIZE.finditer(data):
        if int(match.group(1)) > budget.max_xref_entries:
            raise BudgetExceeded("xref", budget.max_xref_entries)
    meter.tick_time()
    for match in _STREAM.finditer(data):
        start = match.end()
        if data[max(0, match.start() - 3) : match.start()] == b"end":
            continue
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        try:
            _inflate_chain(memoryview(data)[start:end], meter)
        except zlib.error:
            continue  # not deflated, or damaged: the parser will say so


# --- the parsed file, walked with a visited set ---------------------------


def _resolve(obj, seen: set, meter: Meter):
    """Follow references one at a time; None for an object already visited
    (a shared node of a DAG, or a loop)."""
    from pyhanko.pdf_utils.generic import IndirectObject, Reference

    while isinstance(obj, IndirectObject | Reference):
        key = (obj.idnum, obj.generation)
        if key in seen:
            return None
        seen.add(key)
        meter.tick_object()
        reference = obj.reference if isinstance(obj, IndirectObject) else obj
        obj = reference.get_object()
    return obj


def walk_structure(reader, meter: Meter) -> None:
    """Visit every object reachable from the catalog once, iteratively,
    counting objects, tree nodes and nesting depth (within an object; a
    reference starts again at zero) against the budget. A damaged object
    ends its branch (the signature check reports damage); a parser's
    recursion overflow is nesting beyond the budget."""
    from pyhanko.pdf_utils.generic import (
        ArrayObject,
        DictionaryObject,
        IndirectObject,
    )

    seen: set = set()
    stack = [(reader.root_ref, 0)]
    while stack:
        obj, depth = stack.pop()
        meter.check_depth(depth)
        if isinstance(obj, IndirectObject) or obj is reader.root_ref:
            depth = 0
        try:
            obj = _resolve(obj, seen, meter)
        except (BudgetExceeded, MemoryError):
            raise
        except RecursionError as exc:
            raise BudgetExceeded("depth", meter.budget.max_depth) from exc
        except Exception:  # noqa: BLE001, S112 - damage: the branch ends here
            continue
        if isinstance(obj, DictionaryObject):
            if "/Kids" in obj:
                meter.tick_tree_node()
            stack.extend((value, depth + 1) for value in dict.values(obj))
        elif isinstance(obj, ArrayObject):
            stack.extend((value, depth + 1) for value in list.__iter__(obj))


def find_attachment(reader, meter: Meter, name: str = ATTACHMENT_NAME):
    """The file specification of an embedded file, from the EmbeddedFiles name
    tree. Every node visit counts against ``max_tree_nodes`` and the tree's
    depth against ``max_depth``: a node listed many times (a DAG) or a loop
    of ``/Kids`` runs out of budget at once instead of multiplying the walk."""
    from pyhanko.pdf_utils.generic import ArrayObject, DictionaryObject

    root = _resolve(reader.root_ref, set(), meter)
    names = _resolve(root.raw_get("/Names"), set(), meter) if "/Names" in root else None
    if not isinstance(names, DictionaryObject) or "/EmbeddedFiles" not in names:
        raise PdfError(f"the PDF has no attachment {name!r}")
    stack = [(names.raw_get("/EmbeddedFiles"), 0)]
    while stack:
        node, depth = stack.pop()
        meter.check_depth(depth)
        node = _resolve(node, set(), meter)
        if not isinstance(node, DictionaryObject):
            continue
        meter.tick_tree_node()
        entries = (
            _resolve(node.raw_get("/Names"), set(), meter) if "/Names" in node else None
        )
        if isinstance(entries, ArrayObject):
            items = list(list.__iter__(entries))
            for index in range(0, len(items) - 1, 2):
                meter.tick_object()
                spec = _resolve(items[index + 1], set(), meter)
                if not isinstance(spec, DictionaryObject):
                    continue
                key = items[index]
                filename = str(spec.get("/UF", spec.get("/F", key)))
                if name in (filename, str(key)):
                    return spec
        kids = (
            _resolve(node.raw_get("/Kids"), set(), meter) if "/Kids" in node else None
        )
        if isinstance(kids, ArrayObject):
            stack.extend(
                (kid, depth + 1) for kid in reversed(list(list.__iter__(kids)))
            )
    raise PdfError(f"the PDF has no attachment {name!r}")


def stream_bytes(stream, meter: Meter, *, limit: int) -> bytes:
    """A stream's decoded bytes, inflated chunk by chunk up to ``limit``.

    Only what credentials use is decoded: no filter, or FlateDecode (one or
    more, without predictors)."""
    from pyhanko.pdf_utils.generic import StreamObject

    if not isinstance(stream, StreamObject):
        raise PdfError("the attachment is not a stream")
    filters = stream.get("/Filter")
    filters = [] if filters is None else filters
    filters = [filters] if not isinstance(filters, list) else list(filters)
    filters = [str(f) for f in filters]
    if any(f not in ("/FlateDecode", "/Fl") for f in filters):
        raise PdfError(f"unsupported attachment filter {filters}")
    if stream.get("/DecodeParms"):
        raise PdfError("unsupported attachment decode parameters")
    raw = stream.encoded_data
    if not filters:
        if len(raw) > limit:
            raise BudgetExceeded("attachment", limit)
        return bytes(raw)
    data = raw
    for number, _filter in enumerate(filters):
        last = number == len(filters) - 1
        try:
            data = _inflate_single(data, meter, limit=limit if last else None)
        except zlib.error as exc:
            raise PdfError(f"the attachment cannot be decompressed: {exc}") from exc
    return data


def _inflate_single(raw: bytes, meter: Meter, *, limit: int | None) -> bytes:
    inflater = zlib.decompressobj()
    out = bytearray()
    cap = limit if limit is not None else meter.budget.max_inflated_bytes
    view = memoryview(raw)
    for start in range(0, len(view), _CHUNK):
        data = bytes(view[start : start + _CHUNK])
        while data:
            chunk = inflater.decompress(data, _CHUNK)
            data = inflater.unconsumed_tail
            meter.tick_inflated(len(chunk))
            out.extend(chunk)
            if len(out) > cap:
                raise BudgetExceeded(
                    "attachment" if limit is not None else "inflated", cap
                )
            if not chunk:
                break
    return bytes(out)


def open_reader(data: bytes, meter: Meter):
    """A pyHanko reader over bytes that passed :func:`prescreen`."""
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader

    prescreen(data, meter)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
    except (BudgetExceeded, MemoryError):
        raise
    except RecursionError as exc:
        raise BudgetExceeded("depth", meter.budget.max_depth) from exc
    except Exception as exc:  # pyHanko raises many types for broken files
        raise PdfError(f"the PDF cannot be read: {exc}") from exc
    meter.tick_time()
    return reader


def read_attachment(reader, meter: Meter, name: str = ATTACHMENT_NAME) -> bytes:
    """The decoded bytes of an embedded file, within the budget."""
    try:
        spec = find_attachment(reader, meter, name)
        seen: set = set()
        ef = _resolve(spec.raw_get("/EF"), seen, meter) if "/EF" in spec else None
        if ef is None or "/F" not in ef:
            raise PdfError(f"the attachment {name!r} has no embedded file")
        stream = _resolve(ef.raw_get("/F"), seen, meter)
        return stream_bytes(stream, meter, limit=meter.budget.max_attachment_bytes)
    except (PdfError, MemoryError):
        raise
    except RecursionError as exc:
        raise BudgetExceeded("depth", meter.budget.max_depth) from exc
    except Exception as exc:  # pyHanko raises many types for broken files
        raise PdfError(f"the PDF cannot be read: {exc}") from exc
