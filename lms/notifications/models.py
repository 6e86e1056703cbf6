from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """One e-mail to send, recorded with the change it announces.

    ``key`` names the announcement (``credential_issued:42:r1``): recording the
    same announcement twice keeps one row. The message itself is built when it
    is sent, by the renderer registered for ``kind`` (see ``registry``), from
    ``payload`` (ids, never objects).
    """

    class State(models.TextChoices):
        PENDING = "pending", _("pendiente")
        SENT = "sent", _("enviada")
        SKIPPED = "skipped", _("omitida")
        FAILED = "failed", _("fallida")

    kind = models.CharField(_("tipo"), max_length=100)
    key = models.CharField(_("clave"), max_length=200, unique=True)
    recipient = models.EmailField(_("destinatario"))
    payload = models.JSONField(_("datos"), default=dict, blank=True)
    state = models.CharField(
        _("estado"), max_length=10, choices=State.choices, default=State.PENDING
    )
    created_at = models.DateTimeField(_("creada el"), auto_now_add=True)
    sent_at = models.DateTimeField(_("enviada el"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("intentos"), default=0)
    last_error = models.TextField(_("último error"), blank=True)

    class Meta:
        verbose_name = _("notificación")
        verbose_name_plural = _("notificaciones")
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(state="pending"),
                name="notification_pending_idx",
            )
        ]

    def __str__(self) -> str:
        return self.key
