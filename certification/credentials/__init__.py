"""Standards-exact credential artefacts, independent of the database models.

Pure functions over dicts, bytes and paths:

- ``keys``: issuer Ed25519 keys and PDF signing certificates in LMS_KEY_DIR,
  Multikey encoding, did:web identifiers and DID documents.
- ``jcs``: RFC 8785 JSON canonicalization.
- ``proof``: Data Integrity ``eddsa-jcs-2022`` proofs (create / verify).
- ``openbadge``: Open Badges 3.0 ``OpenBadgeCredential`` from plain data.
- ``vcjwt``: the same credential as a VC-JWT (OB 3.0 JSON Web Token Proof
  Format).
- ``clr``: a learner's whole record as a CLR 2.0 ``ClrCredential``.
- ``statuslist``: Bitstring Status List v1.0.
- ``pdf``: the bilingual PDF/A-3b certificate (WeasyPrint) with the credential
  attached; ``pades``: PAdES-B-B signing and validation (pyHanko).
- ``verify``: offline verification of a certificate PDF.
"""
