"""Why a check failed, in the reader's language.

The checks (``certification.credentials`` and ``.checks``) report technical
reasons in English, as the API and the offline verifier print them. The verify
page shows each one through this table instead: a Spanish sentence translated
like every other string of the interface. A reason nobody listed here still
reads as a translated sentence, with the technical detail after it.
"""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .verdicts import Verdict

# (reason prefix, sentence); the first prefix that matches wins.
REASONS = [
    (
        "no issued credential matches this file",
        gettext_lazy("Ningún certificado emitido corresponde a este archivo."),
    ),
    (
        "this file was replaced by a later reissue",
        gettext_lazy("Este archivo fue reemplazado por una emisión posterior."),
    ),
    (
        "the file differs from the one issued",
        gettext_lazy("El archivo no es idéntico al que se emitió."),
    ),
    (
        "no issued credential to check",
        gettext_lazy("No hay un certificado emitido que comprobar."),
    ),
    ("no credential to check", gettext_lazy("No hay una credencial que comprobar.")),
    (
        "not checked: the file is unreadable",
        gettext_lazy("No se comprobó: el archivo es ilegible."),
    ),
    ("the file is not a PDF", gettext_lazy("El archivo no es un PDF.")),
    ("not a readable PDF", gettext_lazy("No se puede leer el PDF.")),
    ("the file cannot be checked", gettext_lazy("No se puede comprobar el archivo.")),
    (
        "the credential is not a JSON object",
        gettext_lazy("La credencial no es un objeto JSON."),
    ),
    (
        "the PDF has no attachment",
        gettext_lazy("El PDF no trae la credencial incrustada."),
    ),
    ("the PDF cannot be read", gettext_lazy("No se puede leer el PDF.")),
    (
        "the attachment name tree is too deep",
        gettext_lazy("Los adjuntos del PDF están anidados a demasiada profundidad."),
    ),
    ("the attachment", gettext_lazy("No se puede leer la credencial incrustada.")),
    (
        "credential.json is not valid JSON",
        gettext_lazy("La credencial incrustada no es un JSON válido."),
    ),
    ("the PDF has no signature", gettext_lazy("El PDF no está firmado.")),
    (
        "the signature cannot be checked",
        gettext_lazy("No se puede comprobar la firma del PDF."),
    ),
    (
        "the signed bytes were altered",
        gettext_lazy("El contenido firmado fue alterado."),
    ),
    (
        "the cryptographic signature is invalid",
        gettext_lazy("La firma criptográfica no es válida."),
    ),
    (
        "the signing certificate is not the issuer's",
        gettext_lazy("El certificado de firma no es el del emisor."),
    ),
    (
        "content was added after the signature",
        gettext_lazy("Se agregó contenido después de la firma."),
    ),
    (
        "the signature does not match the document",
        gettext_lazy(
            "La firma no corresponde al documento: fue alterado o la clave no es "
            "la del emisor."
        ),
    ),
    (
        "the proof is not an object",
        gettext_lazy("La prueba criptográfica de la credencial no es válida."),
    ),
    (
        "unsupported proof",
        gettext_lazy("La credencial usa un tipo de prueba criptográfica no admitido."),
    ),
    (
        "proofPurpose is",
        gettext_lazy(
            "La prueba criptográfica tiene un propósito distinto del esperado."
        ),
    ),
    (
        "proofValue is not",
        gettext_lazy("El valor de la prueba criptográfica está dañado."),
    ),
    (
        "the document @context",
        gettext_lazy("El contexto de la credencial no corresponde al de su prueba."),
    ),
    (
        "PROOF_TRANSFORMATION_ERROR",
        gettext_lazy("La credencial no se puede preparar para comprobar su prueba."),
    ),
    (
        "INVALID_PROOF_CONFIGURATION",
        gettext_lazy("La configuración de la prueba criptográfica no es válida."),
    ),
    (
        "the document is not a JSON object",
        gettext_lazy("La credencial no es un objeto JSON."),
    ),
    (
        "the document has no proof",
        gettext_lazy("La credencial no trae prueba criptográfica."),
    ),
    (
        "unknown verification method",
        gettext_lazy("La credencial fue firmada con una clave que no es del emisor."),
    ),
]
REASONS += [
    (
        "the record embeds no credential",
        gettext_lazy("El historial no contiene ninguna credencial."),
    ),
]
_REVOKED = re.compile(r"^revoked: (?P<reason>.+)$", re.DOTALL)


def check_reason_display(reason: str) -> str:
    """The sentence the verify page shows for a check's ``reason``."""
    if not reason:
        return ""
    for prefix, sentence in REASONS:
        if reason.startswith(prefix):
            return str(sentence)
    if match := _REVOKED.match(reason):
        return _("Revocado: %(reason)s") % {"reason": match["reason"]}
    if reason in Verdict.values:
        return str(Verdict(reason).label)
    return _("La comprobación falló (detalle técnico: %(detail)s).") % {
        "detail": reason
    }
