"""``/issuers/<code>/did.json``: where did:web resolves an issuer's DID;
``/issuers/<code>/jwks.json``: the same document's JWKs as a JWK Set (RFC 7517),
each ``kid`` the DID URL a VC-JWT names."""

from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET

from certification.credentials.keys import jwks_from_did_document
from certification.issuance.issuers import issuer_by_code, issuer_did_document


@require_GET
def issuer_did(request, code: str):
    document = issuer_did_document(code) if issuer_by_code(code) else None
    if document is None:
        raise Http404
    return JsonResponse(document, content_type="application/did+ld+json")


@require_GET
def issuer_jwks(request, code: str):
    document = issuer_did_document(code) if issuer_by_code(code) else None
    if document is None:
        raise Http404
    return JsonResponse(
        jwks_from_did_document(document), content_type="application/jwk-set+json"
    )
