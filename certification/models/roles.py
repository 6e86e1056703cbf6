"""Assessors' accreditation: who may assess which country's and sector's units."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AssessorRole(models.Model):
    """``user`` may assess (grade attempts, attest evidence) for learners and
    standards of ``country`` in ``sector``."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="assessor_roles",
        verbose_name=_("evaluador"),
    )
    country = models.ForeignKey(
        "reference.Country",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("país"),
    )
    sector = models.ForeignKey(
        "reference.Sector",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sector"),
    )
    created_at = models.DateTimeField(_("concedido el"), auto_now_add=True)

    class Meta:
        ordering = ["country", "sector"]
        verbose_name = _("acreditación de evaluador")
        verbose_name_plural = _("acreditaciones de evaluadores")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "country", "sector"], name="one_assessor_role"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.country} / {self.sector}"
