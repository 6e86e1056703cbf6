"""An assessment: which plugin, its JSON config and the rules of its attempts."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, RevisionMixin

from plugins.registry import UnknownPlugin, get_plugin

#: The many-to-many alignment kept in a revision's content beside the fields,
#: as ``content[RELATIONS_KEY] = {"units": [pk, ...], "criteria": [...]}``.
REVISION_RELATIONS = ("units", "criteria")
RELATIONS_KEY = "alignment"


def _english(language: str | None) -> bool:
    return (language or get_language() or "es").startswith("en")


class Assessment(DraftStateMixin, RevisionMixin, models.Model):
    """One assessment in two languages: the Spanish texts and config, and an
    optional English version (title, instructions and the plugin's config)
    used on English pages. An attempt fixes the config of the language it was
    started in, so grading, results and evidence never mix versions.

    The row is the published version learners get. Changes are saved as
    revisions (``save_revision``) and reach the row only when someone holding
    ``plugins.publish_assessment`` publishes one; a revision's content also
    keeps the units and criteria the assessment is aligned to."""

    title = models.CharField(_("título"), max_length=200)
    title_en = models.CharField(
        _("título en inglés"),
        max_length=200,
        blank=True,
        help_text=_("Se muestra en las páginas en inglés; vacío: el título."),
    )
    plugin_id = models.CharField(_("tipo de evaluación"), max_length=50)
    instructions = models.TextField(_("instrucciones"), blank=True)
    instructions_en = models.TextField(_("instrucciones en inglés"), blank=True)
    config = models.JSONField(_("configuración"), default=dict, blank=True)
    config_en = models.JSONField(
        _("configuración en inglés"),
        default=dict,
        blank=True,
        help_text=_("Vacía: las páginas en inglés usan la configuración en español."),
    )
    sector = models.ForeignKey(
        "reference.Sector",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector"),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("nota de aprobación (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("intentos permitidos"),
        null=True,
        blank=True,
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_("Déjelo vacío para permitir intentos ilimitados."),
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("tiempo límite (minutos)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
    )
    second_assessor = models.BooleanField(
        _("segundo evaluador"),
        default=False,
        help_text=_(
            "Un segundo evaluador califica por separado y se muestra el acuerdo."
        ),
    )
    units = models.ManyToManyField(
        "certification.CompetencyUnit",
        blank=True,
        related_name="assessments",
        verbose_name=_("unidades de competencia"),
    )
    criteria = models.ManyToManyField(
        "certification.PerformanceCriterion",
        blank=True,
        related_name="assessments",
        verbose_name=_("criterios de desempeño"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    _revisions = GenericRelation(
        "wagtailcore.Revision", related_query_name="assessment"
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("evaluación")
        verbose_name_plural = _("evaluaciones")
        permissions = [("publish_assessment", _("Puede publicar evaluaciones"))]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def relations_stage(self, relations: dict) -> None:
        """Set the units and criteria (lists of objects or ids) the next
        ``save_revision`` records, instead of the row's current ones."""
        self._staged_relations = {
            name: sorted(getattr(item, "pk", item) for item in relations[name])
            for name in REVISION_RELATIONS
        }

    def serializable_data(self):
        data = super().serializable_data()
        staged = getattr(self, "_staged_relations", None)
        if staged is None and self.pk:
            staged = {
                name: sorted(getattr(self, name).values_list("pk", flat=True))
                for name in REVISION_RELATIONS
            }
        if staged is not None:
            data[RELATIONS_KEY] = staged
        return data

    @staticmethod
    def revision_relations(revision) -> dict | None:
        """The units and criteria recorded in ``revision`` (pks), if any."""
        return revision.content.get(RELATIONS_KEY)

    @transaction.atomic
    def publish(self, revision, *args, **kwargs):
        """Publish ``revision`` (fields and alignment) into the live row."""
        result = super().publish(revision, *args, **kwargs)
        for name, pks in (self.revision_relations(revision) or {}).items():
            getattr(self, name).set(pks)
        return result

    @property
    def display_title(self) -> str:
        return self.title_en if _english(None) and self.title_en else self.title

    @property
    def display_instructions(self) -> str:
        if _english(None) and self.instructions_en:
            return self.instructions_en
        return self.instructions

    def config_for(self, language: str | None = None) -> dict:
        """The plugin config for ``language`` (default: the active one): the
        English version when there is one, else the Spanish config."""
        if _english(language) and self.config_en:
            return self.config_en
        return self.config

    @property
    def plugin(self):
        return get_plugin(self.plugin_id)

    @property
    def plugin_installed(self) -> bool:
        try:
            get_plugin(self.plugin_id)
        except UnknownPlugin:
            return False
        return True

    @property
    def evidence_kind(self) -> str:
        """The kind of evidence passing gives (declared by its plugin)."""
        return self.plugin.evidence_kind if self.plugin_installed else ""

    @property
    def plugin_name(self) -> str:
        """The plugin's name; for one not installed (or excluded with
        ``LMS_PLUGINS_EXCLUDE``) a sentence saying which is missing."""
        if self.plugin_installed:
            return str(self.plugin.name)
        return _("Complemento «%(id)s» no instalado") % {"id": self.plugin_id}
