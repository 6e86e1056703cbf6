"""Lesson content packages (``lms.content`` plugins) and each learner's state.

The core keeps these for every content plugin, as it keeps assessments: the
uploaded package unpacked in private storage under ``storage_prefix``, the
plugin's ``config`` (what ``ContentPlugin.inspect`` returned), and per
learner and page the state the player saved and what it means.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentItem(models.Model):
    title = models.CharField(_("título"), max_length=200)
    plugin_id = models.CharField(_("tipo de contenido"), max_length=50)
    config = models.JSONField(_("configuración"), default=dict, blank=True)
    storage_prefix = models.CharField(max_length=100, editable=False, unique=True)
    original_name = models.CharField(_("archivo subido"), max_length=255, blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("nota de aprobación (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Se usa cuando el paquete informa un puntaje sin veredicto."),
    )
    units = models.ManyToManyField(
        "certification.CompetencyUnit",
        blank=True,
        related_name="content_items",
        verbose_name=_("unidades de competencia"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("creado el"), auto_now_add=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("contenido interactivo")
        verbose_name_plural = _("contenidos interactivos")

    def __str__(self):
        return self.title

    @staticmethod
    def new_prefix() -> str:
        return f"content/{uuid.uuid4().hex}"


class ContentProgress(models.Model):
    """One learner's state of one content item on one page."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    item = models.ForeignKey(
        ContentItem, on_delete=models.CASCADE, related_name="progress"
    )
    page_id = models.PositiveIntegerField()
    state = models.JSONField(default=dict, blank=True)
    completed = models.BooleanField(default=False)
    score = models.FloatField(null=True, blank=True)
    passed = models.BooleanField(default=False)
    completed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "item", "page_id"], name="content_progress_once"
            )
        ]

    def __str__(self):
        return f"{self.item} ({self.learner_id}, {self.page_id})"
