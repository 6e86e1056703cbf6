"""Fixtures shared with the issuance tests: keys, private storage, a program."""

from tests.issuance.conftest import issuer_keys, program  # noqa: F401
