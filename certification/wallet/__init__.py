"""Delivery of credentials into a learner's digital wallet through OpenID for
Verifiable Credential Issuance 1.0 (OID4VCI), pre-authorised code flow.

The learner asks «Mis certificados» for an offer: a QR code of
``openid-credential-offer://?credential_offer=…`` carrying a short-lived,
single-use pre-authorised code. The wallet reads the issuer metadata
(``/.well-known/openid-credential-issuer``) and the authorisation server
metadata (``/.well-known/oauth-authorization-server``), trades the code for an
access token at the token endpoint, fetches a ``c_nonce`` from the nonce
endpoint and asks the credential endpoint for the credential with a ``jwt``
proof of possession of its key.

The credential it receives is the same credential as the downloadable one
(same ``id``, same status list entry, same dates) rendered again with
``credentialSubject.id`` set to the holder's DID (``did:jwk`` or ``did:key``,
taken from the proof) and, in the VC-JWT, ``sub`` = that DID, signed with the
issuer's keys like every credential. Every bound copy is recorded as a
:class:`~certification.wallet.models.WalletBinding` (credential, DID, format,
time), so which wallet holds which credential can be audited.
"""
