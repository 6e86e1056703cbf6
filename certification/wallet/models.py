"""Offers (pre-authorised codes and the access tokens they buy), proof nonces
and the record of every credential bound to a wallet.

Codes, tokens and nonces are stored as SHA-256 digests only: a copy of the
database does not let anyone redeem an offer.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def secret_digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


class WalletOffer(models.Model):
    """A credential offer: one pre-authorised code, redeemable once before
    ``expires_at``, for one of the holder's credentials."""

    credential = models.ForeignKey(
        "certification.Credential",
        on_delete=models.CASCADE,
        related_name="wallet_offers",
        verbose_name=_("credencial"),
    )
    code_digest = models.CharField(_("código (SHA-256)"), max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("solicitado por"),
    )
    created_at = models.DateTimeField(_("creada el"), auto_now_add=True)
    expires_at = models.DateTimeField(_("vence el"))
    redeemed_at = models.DateTimeField(_("canjeada el"), null=True, blank=True)
    token_digest = models.CharField(
        _("token de acceso (SHA-256)"), max_length=64, blank=True, db_index=True
    )
    token_expires_at = models.DateTimeField(_("token vence el"), null=True, blank=True)

    class Meta:
        app_label = "certification"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("oferta a billetera digital")
        verbose_name_plural = _("ofertas a billetera digital")

    def __str__(self):
        return f"{self.credential.public_id} ({self.created_at:%Y-%m-%d %H:%M})"


class WalletNonce(models.Model):
    """A ``c_nonce`` from the nonce endpoint: one proof may use it, once."""

    digest = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        app_label = "certification"
        verbose_name = _("nonce de billetera")
        verbose_name_plural = _("nonces de billetera")

    def __str__(self):
        return self.digest[:12]


class WalletBinding(models.Model):
    """A copy of a credential issued to a wallet, bound to the holder's DID."""

    credential = models.ForeignKey(
        "certification.Credential",
        on_delete=models.CASCADE,
        related_name="wallet_bindings",
        verbose_name=_("credencial"),
    )
    offer = models.ForeignKey(
        WalletOffer,
        on_delete=models.SET_NULL,
        null=True,
        related_name="bindings",
        verbose_name=_("oferta"),
    )
    holder_did = models.TextField(_("DID del titular"))
    credential_format = models.CharField(_("formato"), max_length=20)
    issued_at = models.DateTimeField(_("emitida el"), auto_now_add=True)

    class Meta:
        app_label = "certification"
        ordering = ["credential", "issued_at", "pk"]
        verbose_name = _("credencial en billetera digital")
        verbose_name_plural = _("credenciales en billeteras digitales")

    def __str__(self):
        return f"{self.credential.public_id} → {self.holder_did[:40]}"
