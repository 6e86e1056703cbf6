"""Issued credentials, their status history, templates and status lists.

A ``Credential`` row is created *pending* and becomes *active* only once all its
artefacts (signed Open Badges JSON, VC-JWT, signed PDF) exist on disk; pending
rows are invisible to verification. At most one non-revoked credential exists per
holder and program (a partial unique constraint), so issuing twice never
duplicates: a reissue keeps the same row and public id and writes a new artefact
revision.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

STATUS_LIST_BITS = 131_072  # the W3C minimum, for herd privacy


def new_public_id() -> str:
    """128 random bits as 32 lower-case hex characters."""
    return secrets.token_hex(16)


class CredentialStatus(models.TextChoices):
    PENDING = "pending", _("En emisión")
    ACTIVE = "active", _("Vigente")
    SUSPENDED = "suspended", _("Suspendido")
    REVOKED = "revoked", _("Revocado")
    EXPIRED = "expired", _("Vencido")


class StatusPurpose(models.TextChoices):
    REVOCATION = "revocation", _("Revocación")
    SUSPENSION = "suspension", _("Suspensión")
    MESSAGE = "message", _("Estado (suspensión y revocación)")


class IssuerProfile(models.Model):
    """What the certificate shows of an issuer: logo, legal text, key code.

    Kept beside ``Issuer`` (one-to-one) so the issuer model stays small.
    """

    issuer = models.OneToOneField(
        "certification.Issuer",
        on_delete=models.CASCADE,
        related_name="credential_profile",
        verbose_name=_("emisor"),
    )
    key_code = models.CharField(
        _("código de llaves"),
        max_length=32,
        blank=True,
        help_text=_(
            "Carpeta de llaves en LMS_KEY_DIR; vacío: el código del país del emisor."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
    )
    legal_text_es = models.TextField(_("texto legal (español)"), blank=True)
    legal_text_en = models.TextField(_("texto legal (inglés)"), blank=True)
    contact_email = models.EmailField(_("correo de contacto"), blank=True)
    tsa_url = models.URLField(
        _("autoridad de sellado de tiempo"),
        max_length=500,
        blank=True,
        help_text=_(
            "Dirección RFC 3161 de una autoridad de sellado de tiempo: cada PDF "
            "firmado lleva un sello de tiempo suyo (PAdES B-T). Vacío: sin sello."
        ),
    )

    class Meta:
        verbose_name = _("perfil de emisión")
        verbose_name_plural = _("perfiles de emisión")

    def __str__(self):
        return str(self.issuer)

    @property
    def code(self) -> str:
        return (self.key_code or self.issuer.country_id).upper()


class Signatory(models.Model):
    """A person whose name, role and signature image appear on the certificate."""

    profile = models.ForeignKey(
        IssuerProfile,
        on_delete=models.CASCADE,
        related_name="signatories",
        verbose_name=_("perfil de emisión"),
    )
    name = models.CharField(_("nombre"), max_length=200)
    role_es = models.CharField(_("cargo (español)"), max_length=200)
    role_en = models.CharField(_("cargo (inglés)"), max_length=200, blank=True)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imagen de la firma"),
    )
    sort_order = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["profile", "sort_order", "pk"]
        verbose_name = _("firmante")
        verbose_name_plural = _("firmantes")

    def __str__(self):
        return f"{self.name} ({self.role_es})"


class CertificateTemplate(models.Model):
    """The HTML and CSS of a certificate, edited in the admin.

    Every save records a ``CertificateTemplateRevision``; the latest revision is
    the one in force, and each credential pins the revision it was issued with.
    A template without issuer is the default for issuers without their own.
    """

    issuer = models.OneToOneField(
        "certification.Issuer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="certificate_template",
        verbose_name=_("emisor"),
    )
    name = models.CharField(_("nombre"), max_length=200)
    html = models.TextField(_("HTML (plantilla Django)"))
    css = models.TextField(_("CSS"), blank=True)
    updated_at = models.DateTimeField(_("actualizada el"), auto_now=True)

    class Meta:
        verbose_name = _("plantilla de certificado")
        verbose_name_plural = _("plantillas de certificado")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer"],
                condition=models.Q(issuer__isnull=True),
                name="one_default_certificate_template",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        latest = self.revisions.first()
        if latest is None or (latest.html, latest.css) != (self.html, self.css):
            CertificateTemplateRevision.objects.create(
                template=self,
                number=(latest.number + 1) if latest else 1,
                html=self.html,
                css=self.css,
            )

    def revision_in_force(self) -> "CertificateTemplateRevision":
        return self.revisions.first()


class CertificateTemplateRevision(models.Model):
    """An immutable copy of a template as it was at one save."""

    template = models.ForeignKey(
        CertificateTemplate,
        on_delete=models.PROTECT,
        related_name="revisions",
        verbose_name=_("plantilla"),
    )
    number = models.PositiveIntegerField(_("revisión"))
    html = models.TextField(_("HTML"))
    css = models.TextField(_("CSS"), blank=True)
    created_at = models.DateTimeField(_("creada el"), auto_now_add=True)

    class Meta:
        ordering = ["template", "-number"]
        verbose_name = _("revisión de plantilla")
        verbose_name_plural = _("revisiones de plantilla")
        constraints = [
            models.UniqueConstraint(
                fields=["template", "number"], name="unique_template_revision_number"
            )
        ]

    def __str__(self):
        return f"{self.template} r{self.number}"


class CredentialQuerySet(models.QuerySet):
    def visible(self):
        """Credentials whose artefacts exist (everything but pending)."""
        return self.exclude(status=CredentialStatus.PENDING)

    def live(self):
        """Not revoked: the rows the one-per-holder-and-program rule counts."""
        return self.exclude(status=CredentialStatus.REVOKED)


class Credential(models.Model):
    """One issued credential: an immutable snapshot of what was certified."""

    public_id = models.CharField(
        _("identificador público"),
        max_length=32,
        unique=True,
        default=new_public_id,
        editable=False,
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="credentials",
        verbose_name=_("titular"),
    )
    program = models.ForeignKey(
        "certification.CertificationProgram",
        on_delete=models.PROTECT,
        related_name="credentials",
        verbose_name=_("programa"),
    )
    issuer = models.ForeignKey(
        "certification.Issuer",
        on_delete=models.PROTECT,
        related_name="credentials",
        verbose_name=_("emisor"),
    )
    # Holder snapshot: what the certificate says, whatever the account says later.
    holder_name = models.CharField(_("nombre del titular"), max_length=200)
    holder_country = models.CharField(_("país del titular"), max_length=2, blank=True)
    holder_id_salt = models.CharField(_("sal"), max_length=32, blank=True)
    holder_id_hash = models.CharField(
        _("hash del documento"), max_length=71, blank=True
    )
    # Program and standard snapshot.
    program_title = models.CharField(_("título del programa"), max_length=300)
    program_title_en = models.CharField(
        _("título del programa en inglés"), max_length=300, blank=True
    )
    standard_code = models.CharField(_("código del estándar"), max_length=40)
    standard_version = models.CharField(_("versión del estándar"), max_length=20)
    standard_title = models.CharField(_("título del estándar"), max_length=300)
    standard_title_en = models.CharField(
        _("título del estándar en inglés"), max_length=300, blank=True
    )
    standard_url = models.URLField(_("fuente del estándar"), blank=True)
    units = models.JSONField(_("unidades"), default=list)
    national_level = models.CharField(_("nivel nacional"), max_length=100, blank=True)
    regional_level = models.CharField(_("nivel regional"), max_length=100, blank=True)
    regional_level_provisional = models.BooleanField(
        _("nivel regional provisional"), default=False
    )
    assessors = models.JSONField(_("evaluadores"), default=list)
    languages = models.JSONField(_("idiomas"), default=list)
    issued_at = models.DateTimeField(_("emitido el"), null=True, blank=True)
    valid_until = models.DateTimeField(_("vigente hasta"), null=True, blank=True)
    template_revision = models.ForeignKey(
        CertificateTemplateRevision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credentials",
        verbose_name=_("revisión de plantilla"),
    )
    # Artefacts of the current revision, as names in the credential storage.
    artefact_revision = models.PositiveIntegerField(
        _("revisión de artefactos"), default=0
    )
    pdf_sha256 = models.CharField(_("SHA-256 del PDF"), max_length=64, blank=True)
    pdf_file = models.CharField(_("PDF"), max_length=255, blank=True)
    json_file = models.CharField(_("credencial JSON"), max_length=255, blank=True)
    jwt_file = models.CharField(_("credencial JWT"), max_length=255, blank=True)
    status = models.CharField(
        _("estado"),
        max_length=10,
        choices=CredentialStatus.choices,
        default=CredentialStatus.PENDING,
    )
    status_reason = models.TextField(_("motivo del estado"), blank=True)
    status_index = models.PositiveIntegerField(
        _("índice en la lista de estado"), null=True, blank=True
    )
    # What the public verify page may show beyond the verdict.
    public = models.BooleanField(
        _("visible en la verificación pública"),
        default=True,
        help_text=_("Si no, la página de verificación responde como si no existiera."),
    )
    disclose_units = models.BooleanField(_("mostrar unidades"), default=True)
    disclose_levels = models.BooleanField(_("mostrar niveles"), default=True)
    disclose_assessors = models.BooleanField(_("mostrar evaluadores"), default=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("solicitado por"),
    )
    last_error = models.TextField(_("último error de emisión"), blank=True)
    # The issuance queue (see certification.issuance.queue): when the latest
    # build attempt started, and how many attempts there were.
    issuance_started_at = models.DateTimeField(
        _("inicio del último intento de emisión"), null=True, blank=True
    )
    issuance_attempts = models.PositiveIntegerField(_("intentos de emisión"), default=0)
    renewal_reminded_at = models.DateTimeField(
        _("aviso de renovación enviado el"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("creado el"), auto_now_add=True)
    updated_at = models.DateTimeField(_("actualizado el"), auto_now=True)

    objects = CredentialQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("credencial")
        verbose_name_plural = _("credenciales")
        constraints = [
            models.UniqueConstraint(
                fields=["holder", "program"],
                condition=~models.Q(status="revoked"),
                name="one_live_credential_per_holder_program",
            ),
            models.UniqueConstraint(
                fields=["issuer", "status_index"], name="unique_status_index_per_issuer"
            ),
        ]
        indexes = [models.Index(fields=["status", "valid_until"])]

    def __str__(self):
        return f"{self.holder_name} — {self.program_title} ({self.public_id})"

    def get_absolute_url(self):
        """The public verify page (the QR target), relative to the site root."""
        return f"/verify/{self.public_id}/"

    @property
    def is_visible(self) -> bool:
        return self.status != CredentialStatus.PENDING


class CredentialEvent(models.Model):
    """One change in a credential's life: issue, suspension, revocation..."""

    class Kind(models.TextChoices):
        REQUESTED = "requested", _("Solicitado")
        ISSUED = "issued", _("Emitido")
        SUSPENDED = "suspended", _("Suspendido")
        REINSTATED = "reinstated", _("Rehabilitado")
        REVOKED = "revoked", _("Revocado")
        EXPIRED = "expired", _("Vencido")
        REISSUED = "reissued", _("Reemitido")

    credential = models.ForeignKey(
        Credential,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("credencial"),
    )
    kind = models.CharField(_("tipo"), max_length=12, choices=Kind.choices)
    from_status = models.CharField(
        _("estado anterior"), max_length=10, choices=CredentialStatus.choices
    )
    to_status = models.CharField(
        _("estado nuevo"), max_length=10, choices=CredentialStatus.choices
    )
    reason = models.TextField(_("motivo"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("realizado por"),
    )
    artefact_revision = models.PositiveIntegerField(
        _("revisión de artefactos"), default=0
    )
    pdf_sha256 = models.CharField(_("SHA-256 del PDF"), max_length=64, blank=True)
    at = models.DateTimeField(_("fecha"), auto_now_add=True)

    class Meta:
        ordering = ["credential", "at", "pk"]
        verbose_name = _("evento de credencial")
        verbose_name_plural = _("eventos de credencial")

    def __str__(self):
        return f"{self.credential.public_id}: {self.from_status} → {self.to_status}"


class StatusList(models.Model):
    """An issuer's Bitstring Status List for one purpose, and its signed credential.

    The bits are derived from the credentials' statuses; ``published`` is the
    signed ``BitstringStatusListCredential``, regenerated on every change.
    """

    issuer = models.ForeignKey(
        "certification.Issuer",
        on_delete=models.CASCADE,
        related_name="status_lists",
        verbose_name=_("emisor"),
    )
    purpose = models.CharField(
        _("propósito"), max_length=12, choices=StatusPurpose.choices
    )
    size_bits = models.PositiveIntegerField(_("bits"), default=STATUS_LIST_BITS)
    published = models.JSONField(_("credencial publicada"), null=True, blank=True)
    updated_at = models.DateTimeField(_("actualizada el"), auto_now=True)

    class Meta:
        ordering = ["issuer", "purpose"]
        verbose_name = _("lista de estado")
        verbose_name_plural = _("listas de estado")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "purpose"], name="one_status_list_per_purpose"
            )
        ]

    def __str__(self):
        return f"{self.issuer} — {self.get_purpose_display()}"


__all__ = [
    "CertificateTemplate",
    "CertificateTemplateRevision",
    "Credential",
    "CredentialEvent",
    "CredentialStatus",
    "IssuerProfile",
    "Signatory",
    "StatusList",
    "StatusPurpose",
    "new_public_id",
]
