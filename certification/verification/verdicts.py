"""Verdicts: what a verification concludes, in one word a person understands."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Verdict(models.TextChoices):
    VALID = "valid", _("Válido")
    EXPIRED = "expired", _("Vencido")
    SUSPENDED = "suspended", _("Suspendido")
    REVOKED = "revoked", _("Revocado")
    NOT_FOUND = "not_found", _("No encontrado")
    ALTERED = "altered", _("Alterado")
    SUPERSEDED = "superseded", _("Reemplazado")
    UNREADABLE = "unreadable", _("Archivo ilegible")


# What each verdict means, in one sentence for the verify page.
EXPLANATIONS = {
    Verdict.VALID: _("El certificado es auténtico y está vigente."),
    Verdict.EXPIRED: _("El certificado es auténtico, pero su vigencia terminó."),
    Verdict.SUSPENDED: _(
        "El certificado está suspendido por el emisor y no acredita la "
        "competencia mientras dure la suspensión."
    ),
    Verdict.REVOKED: _("El certificado fue revocado por el emisor y no es válido."),
    Verdict.NOT_FOUND: _(
        "No hay un certificado público con ese código. Revise el código o "
        "pida al titular el enlace de verificación."
    ),
    Verdict.ALTERED: _(
        "El archivo no coincide con el certificado emitido: fue modificado o "
        "no proviene del emisor."
    ),
    Verdict.SUPERSEDED: _(
        "El archivo es auténtico, pero fue reemplazado por una nueva emisión; "
        "pida al titular el certificado vigente."
    ),
    Verdict.UNREADABLE: _("El archivo no es un PDF legible."),
}

# A symbol beside the verdict word, so the verdict never relies on colour.
ICONS = {
    Verdict.VALID: "✔",
    Verdict.EXPIRED: "⌛",
    Verdict.SUSPENDED: "⏸",
    Verdict.REVOKED: "✖",
    Verdict.NOT_FOUND: "?",
    Verdict.ALTERED: "⚠",
    Verdict.SUPERSEDED: "↻",
    Verdict.UNREADABLE: "⚠",
}

# Names of the checks of an uploaded PDF, in the order they are reported.
CHECK_LABELS = {
    "attachment": _("Credencial incrustada presente"),
    "proof": _("Firma digital de la credencial (eddsa-jcs-2022)"),
    "signature": _("Firma PAdES del PDF"),
    "hash": _("Archivo idéntico al emitido (SHA-256)"),
    "status": _("Estado actual en el registro del emisor"),
}

CHECK_LABELS["readable"] = _("Archivo legible dentro de los límites de lectura")

# What each reading budget of an uploaded PDF measures (see
# certification.credentials.pdfsafe.Budget).
BUDGET_LIMITS = {
    "bytes": _("tamaño del archivo (bytes)"),
    "xref": _("entradas de la tabla de referencias cruzadas"),
    "objects": _("objetos visitados"),
    "tree_nodes": _("nodos de los árboles de páginas, nombres o campos"),
    "depth": _("profundidad de anidamiento"),
    "inflated": _("bytes descomprimidos"),
    "attachment": _("tamaño de la credencial incrustada (bytes)"),
    "time": _("tiempo de lectura (segundos)"),
    "cpu": _("tiempo de procesador (segundos)"),
    "memory": _("memoria (bytes)"),
}


def budget_reason(limit: str, allowed) -> str:
    """Why a file is unreadable: the reading limit it broke, in one sentence."""
    return _(
        "Archivo ilegible: leerlo excede el límite de %(what)s (máximo "
        "%(allowed)s). Un certificado auténtico nunca lo excede."
    ) % {"what": BUDGET_LIMITS.get(limit, limit), "allowed": allowed}


# The checks of a learner record (CLR 2.0) as a whole.
CHECK_LABELS["record_proof"] = _("Firma digital del historial (eddsa-jcs-2022)")
CHECK_LABELS["record_contents"] = _("El historial contiene credenciales")
