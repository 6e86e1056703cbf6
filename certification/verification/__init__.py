"""Verification of issued credentials: the public verify pages, PDF and JSON
checks, the verification log and per-client rate limits.

The offline verifier (``offline.py``) needs no Django at all: it only calls the
``certification.credentials`` functions.
"""
