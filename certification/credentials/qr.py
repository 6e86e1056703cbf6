"""QR codes for certificates: segno's encoder with a faster mask choice.

Choosing the data mask (ISO/IEC 18004:2015, 7.8.3) is most of the time segno
spends on a URL: it applies each of the eight masks module by module and
scores them in Python loops. :func:`find_and_apply_best_mask` does the same
work on whole rows (XOR of integers, byte-string searches) and returns what
segno's own function returns, mask and matrix, for the full-size symbols of
certificates; anything else (Micro QR, a proposed mask, a matrix holding
values other than light and dark) goes to segno's function. The tests
compare both on many URLs.

Nothing of segno is replaced: :func:`make` has segno encode the URL with
mask 0 (no mask choice), takes the mask off again to get the matrix segno
would have scored, chooses the mask here and has segno encode the URL with
it.
"""

from __future__ import annotations

import re
from functools import cache

import segno
from segno import encoder

_segno_find_and_apply_best_mask = encoder.find_and_apply_best_mask
_RUN = re.compile(rb"\x00{5,}|\x01{5,}")  # five or more equal modules
_FINDER = b"\x01\x00\x01\x01\x01\x00\x01"  # 1:1:3:1:1, dark first
_BITS = bytes.maketrans(b"\x00\x01", b"01")


@cache
def _mask_rows(size: int) -> tuple[tuple[int, ...], ...]:
    """Each mask pattern as one integer per row, limited to the encoding
    region (segno's function patterns and reserved modules excluded)."""
    function = encoder.make_matrix(size, size)
    encoder.add_finder_patterns(function, size, size)
    encoder.add_alignment_patterns(function, size, size)
    function[-8][8] = 0x1
    patterns = encoder.get_data_mask_functions(False)
    return tuple(
        tuple(
            int.from_bytes(
                bytes(
                    pattern(i, j) if function[i][j] > 0x1 else 0 for j in range(size)
                ),
                "big",
            )
            for i in range(size)
        )
        for pattern in patterns
    )


def penalty(rows: list[bytes], size: int) -> int:
    """The penalty score (N1 + N2 + N3 + N4) of a masked matrix of 0 and 1,
    counted as segno counts it."""
    columns = [bytes(column) for column in zip(*rows, strict=True)]
    stride = size + 1
    lines = b"\x02".join((*rows, *columns))  # no run or pattern crosses \x02
    runs = _RUN.findall(lines)
    score = sum(map(len, runs)) - 2 * len(runs)  # N1: 3 + (run - 5) each
    index = lines.find(_FINDER)  # N3, light on one side
    while index != -1:
        start = index - index % stride
        at = index - start
        offset = index + 7
        if (
            at in (0, size - 7)
            or 1 not in lines[max(index - 4, start) : index]
            or 1 not in lines[offset : min(offset + 4, start + size)]
        ):
            score += 40
        else:
            offset = index + 4
        index = lines.find(_FINDER, offset)
    # N2: 2x2 blocks of one colour, as bits of whole rows.
    edge = (1 << (size - 1)) - 1
    previous = None
    for row in rows:
        bits = int(row.translate(_BITS), 2)
        if previous is not None:
            same = ~(bits ^ previous)
            blocks = same & (same >> 1) & ~(bits ^ (bits >> 1)) & edge
            score += 3 * blocks.bit_count()
        previous = bits
    dark = sum(row.count(1) for row in rows)
    score += 10 * int(abs(dark / size**2 * 100 - 50) / 5)  # N4
    return score


def find_and_apply_best_mask(matrix, width, height, proposed_mask=None):
    """Drop-in for segno's ``encoder.find_and_apply_best_mask``."""
    if (
        proposed_mask is not None
        or width != height
        or width < 21
        or any(max(row) > 1 for row in matrix)
    ):
        return _segno_find_and_apply_best_mask(matrix, width, height, proposed_mask)
    best = None
    for number, mask in enumerate(_mask_rows(width)):
        rows = [
            (int.from_bytes(row, "big") ^ bits).to_bytes(width, "big")
            for row, bits in zip(matrix, mask, strict=True)
        ]
        score = penalty(rows, width)
        if best is None or score < best[0]:
            best = (score, number, rows)
    return best[1], tuple(bytearray(row) for row in best[2])


@cache
def _fixed_rows(size: int) -> tuple[tuple[int, int], ...]:
    """Per row, as integers of one byte per module: which modules are the
    encoding region, and the value of the others (function patterns, reserved
    areas) when segno scores the masks."""
    function = encoder.make_matrix(size, size)
    encoder.add_finder_patterns(function, size, size)
    encoder.add_alignment_patterns(function, size, size)
    return tuple(
        (
            int.from_bytes(bytes(int(v > 0x1) for v in row), "big"),
            int.from_bytes(bytes(v if v <= 0x1 else 0 for v in row), "big"),
        )
        for row in function
    )


def unmasked(code) -> list[bytearray]:
    """The matrix of a mask-0 ``code`` as segno scores it: the mask taken off
    the encoding region, the reserved areas light."""
    size = len(code.matrix)
    pattern = _mask_rows(size)[0]
    rows = []
    for row, (region, fixed), mask in zip(
        code.matrix, _fixed_rows(size), pattern, strict=True
    ):
        bits = int.from_bytes(bytes(row), "big") ^ mask
        rows.append(bytearray(((bits & region) | fixed).to_bytes(size, "big")))
    return rows


def make(url: str):
    """The QR code of ``url``, error correction level Q: segno's, mask
    chosen here (the one segno would choose)."""
    first = segno.make(url, error="q", micro=False, mask=0)
    size = len(first.matrix)
    mask, _ = find_and_apply_best_mask(unmasked(first), size, size)
    if mask == 0:
        return first
    return segno.make(url, error="q", micro=False, mask=mask)
