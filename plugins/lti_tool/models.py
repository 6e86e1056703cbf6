"""Registrations of external LMSs (LTI 1.3 platforms), the tool's own key,
and what launches leave behind: who a platform's user is here, and where
their grade goes back."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.reference.models import CountryCode


class Platform(models.Model):
    """An external LMS allowed to launch this tool (one LTI registration)."""

    name = models.CharField(_("nombre"), max_length=200)
    issuer = models.URLField(
        _("emisor (iss)"),
        max_length=255,
        help_text=_("El identificador del LMS, tal como aparece en sus mensajes."),
    )
    client_id = models.CharField(
        _("client_id"),
        max_length=255,
        help_text=_("El identificador que el LMS asignó a esta herramienta."),
    )
    auth_login_url = models.URLField(_("URL de autenticación OIDC"), max_length=500)
    auth_token_url = models.URLField(_("URL del token de acceso"), max_length=500)
    key_set_url = models.URLField(
        _("URL del conjunto de claves (JWKS)"), max_length=500
    )
    deployment_ids = models.TextField(
        _("identificadores de despliegue"),
        help_text=_("Uno por línea: los deployment_id que el LMS usará."),
    )
    country = models.CharField(
        _("país"),
        max_length=2,
        choices=CountryCode.choices,
        blank=True,
        help_text=_(
            "Opcional: el país de la institución; las cuentas nuevas lo reciben."
        ),
    )
    active = models.BooleanField(_("activa"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("plataforma LTI")
        verbose_name_plural = _("plataformas LTI")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "client_id"], name="lti_platform_issuer_client"
            )
        ]

    def __str__(self):
        return self.name

    def deployment_list(self) -> list[str]:
        return [
            line.strip() for line in self.deployment_ids.splitlines() if line.strip()
        ]

    def clean(self):
        super().clean()
        if not self.deployment_list():
            raise ValidationError(
                {
                    "deployment_ids": _(
                        "Indique al menos un identificador de despliegue."
                    )
                }
            )


class ToolKey(models.Model):
    """The RSA key pair the tool signs with (deep linking responses, AGS
    client assertions). The newest one signs; every one stays in the JWKS.
    The private key is PKCS#8 PEM, encrypted with ``LMS_KEY_PASSPHRASE`` when
    that is set."""

    kid = models.CharField(max_length=64, unique=True)
    public_pem = models.TextField()
    private_pem = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("clave de la herramienta LTI")
        verbose_name_plural = _("claves de la herramienta LTI")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.kid


class LtiIdentity(models.Model):
    """A platform's user (``iss`` + ``sub``) is this account."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE)
    sub = models.CharField(max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lti_ids"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("identidad LTI")
        verbose_name_plural = _("identidades LTI")
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "sub"], name="lti_identity_platform_sub"
            )
        ]

    def __str__(self):
        return f"{self.platform} · {self.sub}"


class GradeLink(models.Model):
    """Where a learner's grade on an assessment goes back: the platform's
    AGS line item received at launch."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    sub = models.CharField(max_length=255)
    assessment = models.ForeignKey("plugins.Assessment", on_delete=models.CASCADE)
    lineitem_url = models.URLField(max_length=500)
    scopes = models.JSONField(default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "sub", "assessment", "lineitem_url"],
                name="lti_gradelink_unique",
            )
        ]

    def __str__(self):
        return f"{self.platform} · {self.sub} · {self.lineitem_url}"


class ScorePost(models.Model):
    """One grade sent (or being sent) to a platform."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pendiente")
        SENT = "sent", _("enviada")
        FAILED = "failed", _("fallida")

    link = models.ForeignKey(GradeLink, on_delete=models.CASCADE, related_name="posts")
    attempt = models.ForeignKey("plugins.Attempt", on_delete=models.CASCADE)
    score_given = models.FloatField()
    score_maximum = models.FloatField()
    status = models.CharField(max_length=10, choices=Status.choices, default="pending")
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.score_given}/{self.score_maximum} ({self.status})"
