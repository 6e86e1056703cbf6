"""External LTI 1.3 tools registered with the platform, and the opaque
identifier each learner has towards tools."""

import uuid

from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def _new_id() -> str:
    return uuid.uuid4().hex


class LtiTool(models.Model):
    name = models.CharField(_("nombre"), max_length=200)
    client_id = models.CharField(
        _("client_id"), max_length=64, unique=True, default=_new_id, editable=False
    )
    deployment_id = models.CharField(
        _("deployment_id"), max_length=64, default=_new_id, editable=False
    )
    login_url = models.URLField(
        _("URL de inicio de sesión OIDC"),
        help_text=_("Donde la herramienta recibe el inicio de sesión (login)."),
    )
    target_link_uri = models.URLField(
        _("URL de lanzamiento"),
        help_text=_("La dirección que abre la herramienta (target link URI)."),
    )
    redirect_uris = models.TextField(
        _("URL de redirección"),
        blank=True,
        help_text=_(
            "Una por línea: a dónde puede devolver la plataforma el id_token. "
            "Vacío: solo la URL de lanzamiento."
        ),
    )
    jwks_url = models.URLField(
        _("URL del JWKS de la herramienta"),
        blank=True,
        help_text=_("Las claves públicas con que la herramienta firma."),
    )
    public_key = models.TextField(
        _("clave pública de la herramienta (PEM)"),
        blank=True,
        help_text=_("Solo si la herramienta no publica un JWKS."),
    )
    deep_link_url = models.URLField(
        _("URL de deep linking"), blank=True, help_text=_("Opcional.")
    )
    created_at = models.DateTimeField(_("creada el"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("herramienta LTI")
        verbose_name_plural = _("herramientas LTI")

    def __str__(self):
        return self.name

    def clean(self):
        if not self.jwks_url and not self.public_key.strip():
            raise ValidationError(
                _("Indique la URL del JWKS de la herramienta o su clave pública.")
            )
        if self.public_key.strip():
            try:
                serialization.load_pem_public_key(self.public_key.strip().encode())
            except ValueError:
                raise ValidationError(
                    {"public_key": _("La clave pública no es un PEM válido.")}
                ) from None

    def redirect_uri_list(self) -> list[str]:
        listed = [line.strip() for line in self.redirect_uris.splitlines()]
        return [uri for uri in listed if uri] or [self.target_link_uri]


class LtiIdentity(models.Model):
    """The ``sub`` a learner has in every launch: opaque, never the user id."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sub = models.CharField(max_length=64, unique=True, default=_new_id)

    def __str__(self):
        return self.sub
