"""The audit log: one row per recorded action, never changed afterwards.

The model refuses updates and deletions (``save`` of an existing row,
``delete``, and the queryset's ``update``/``delete``); on PostgreSQL a trigger
refuses them in the database too (migration 0002).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditImmutable(Exception):
    """Audit entries are never changed nor deleted."""


class AuditAction(models.TextChoices):
    ATTEMPT_CLAIMED = "attempt.claimed", _("Intento tomado para calificar")
    ATTEMPT_ASSIGNED = "attempt.assigned", _("Intento asignado")
    ATTEMPT_GRADED = "attempt.graded", _("Intento calificado")
    ATTEMPT_SECOND_GRADED = "attempt.second_graded", _("Segunda calificación")
    EVIDENCE_RECORDED = "evidence.recorded", _("Evidencia registrada")
    EVIDENCE_CONFIRMED = "evidence.confirmed", _("Evidencia confirmada")
    CREDENTIAL_APPROVED = "credential.approved", _("Emisión aprobada")
    CREDENTIAL_ISSUED = "credential.issued", _("Credencial emitida")
    CREDENTIAL_STATUS = "credential.status", _("Cambio de estado de credencial")
    CREDENTIAL_RETRIED = "credential.retried", _("Emisión reintentada")
    GROUP_MEMBERSHIP = "permission.group", _("Cambio de grupos (permisos)")
    ACTION_REFUSED = "integrity.refused", _("Acción rechazada por integridad")


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditImmutable("audit entries cannot be updated")

    def delete(self):
        raise AuditImmutable("audit entries cannot be deleted")

    def bulk_update(self, *args, **kwargs):
        raise AuditImmutable("audit entries cannot be updated")


class AuditEntry(models.Model):
    """Who did what to which object, when, from where, with the object's
    relevant state before and after. ``actor_id`` is kept as a plain number
    (with ``actor_name``) so that deleting a user never rewrites the log."""

    created_at = models.DateTimeField(_("fecha"), auto_now_add=True, db_index=True)
    actor_id = models.IntegerField(_("id de quien actúa"), null=True, blank=True)
    actor_name = models.CharField(_("quién"), max_length=200, blank=True)
    action = models.CharField(
        _("acción"), max_length=40, choices=AuditAction.choices, db_index=True
    )
    object_type = models.CharField(_("tipo de objeto"), max_length=60)
    object_id = models.CharField(_("objeto"), max_length=64, blank=True)
    object_repr = models.CharField(_("descripción"), max_length=300, blank=True)
    country = models.CharField(_("país"), max_length=2, blank=True, db_index=True)
    before = models.JSONField(_("antes"), default=dict, blank=True)
    after = models.JSONField(_("después"), default=dict, blank=True)
    address = models.GenericIPAddressField(_("dirección"), null=True, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("entrada de auditoría")
        verbose_name_plural = _("registro de auditoría")
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditImmutable("audit entries cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditImmutable("audit entries cannot be deleted")
