"""The log of verifications of issued credentials, which the holder can read.

No client address is stored: only a keyed hash of it that changes every day
(enough to count distinct verifiers on a day, useless to track anyone).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VerificationMethod(models.TextChoices):
    QR = "qr", _("Enlace o código QR")
    PAGE = "page", _("Código ingresado")
    UPLOAD = "upload", _("PDF subido")
    API = "api", _("API")
    JSON = "json", _("Credencial o historial JSON")


class VerificationLog(models.Model):
    """One verification of a credential (lookups of unknown ids are not kept)."""

    credential = models.ForeignKey(
        "certification.Credential",
        on_delete=models.CASCADE,
        related_name="verifications",
        verbose_name=_("credencial"),
    )
    method = models.CharField(
        _("medio"), max_length=8, choices=VerificationMethod.choices
    )
    result = models.CharField(_("resultado"), max_length=16)
    client_hash = models.CharField(_("cliente (hash diario)"), max_length=16)
    at = models.DateTimeField(_("fecha"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("verificación")
        verbose_name_plural = _("verificaciones")

    def __str__(self):
        return f"{self.credential_id} {self.method} {self.result} {self.at:%Y-%m-%d}"
