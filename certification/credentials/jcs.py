"""RFC 8785 JSON Canonicalization Scheme (JCS).

Delegates to the ``rfc8785`` package (pure Python, maintained by Trail of
Bits), which implements the ECMAScript number serialisation and the UTF-16
code-unit ordering of member names that the RFC requires.
"""

from typing import Any

import rfc8785


class CanonicalizationError(ValueError):
    """The value cannot be canonicalized (NaN, Infinity, non-string keys...)."""


def canonicalize(value: Any) -> bytes:
    """Return the UTF-8 bytes of the RFC 8785 canonical form of ``value``."""
    try:
        return rfc8785.dumps(value)
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as exc:
        raise CanonicalizationError(str(exc)) from exc
