"""Absolute public URLs written into credentials (they outlive any request)."""

from __future__ import annotations

from lms.public_url import public_base_url

__all__ = ["program_url", "public_base_url", "status_list_url", "verify_url"]


def verify_url(public_id: str) -> str:
    """The verify page of a credential: the QR target and share link."""
    return f"{public_base_url()}/verify/{public_id}/"


def status_list_url(issuer_code: str, purpose: str) -> str:
    return f"{public_base_url()}/credentials/status/{issuer_code.lower()}/{purpose}/"


def program_url(program_code: str) -> str:
    return f"{public_base_url()}/credentials/programs/{program_code}/"
