"""Wagtail page types: catalog > sector > course > lesson."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import lesson_body_blocks


class CourseLevel(models.TextChoices):
    INTRODUCTORY = "introductory", _("Inicial")
    INTERMEDIATE = "intermediate", _("Intermedio")
    ADVANCED = "advanced", _("Avanzado")


class CatalogPage(Page):
    """The site's home: the course catalog with search and filters."""

    intro = RichTextField(
        _("introducción"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.SectorPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("catálogo")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import catalog_search

        context = super().get_context(request, *args, **kwargs)
        results, filters = catalog_search(locale=self.locale, params=request.GET)
        page = Paginator(results, 12).get_page(request.GET.get("page"))
        context.update(
            courses=page, filters=filters, sectors=self.get_children().live()
        )
        return context


class SectorPage(Page):
    """A cultural sector's corner of the catalog; trainer permissions attach here."""

    sector = models.ForeignKey(
        "reference.Sector",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sector"),
    )
    intro = RichTextField(
        _("introducción"), blank=True, features=["bold", "italic", "link"]
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("sector"),
        FieldPanel("intro"),
        FieldPanel("image"),
    ]
    parent_page_types = ["courses.CatalogPage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("página de sector")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = CoursePage.objects.live().child_of(self).select_related("cover_image")
        context["courses"] = Paginator(courses, 12).get_page(request.GET.get("page"))
        return context


class CoursePage(Page):
    """A course: what it teaches, to whom, and its lessons as child pages."""

    summary = models.TextField(_("resumen"), max_length=600)
    sector = models.ForeignKey(
        "reference.Sector",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sector"),
        null=True,
        blank=True,
        help_text=_("Se toma de la página de sector donde está el curso."),
    )
    countries = ParentalManyToManyField(
        "reference.Country", verbose_name=_("países donde se ofrece"), blank=True
    )
    level = models.CharField(
        _("nivel"),
        max_length=20,
        choices=CourseLevel.choices,
        default=CourseLevel.INTRODUCTORY,
    )
    estimated_hours = models.PositiveSmallIntegerField(_("horas estimadas"), default=10)
    learning_outcomes = StreamField(
        [("outcome", blocks.CharBlock(label=_("resultado de aprendizaje")))],
        verbose_name=_("resultados de aprendizaje"),
        blank=True,
    )
    description = RichTextField(_("descripción"), blank=True)
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("formadores"),
        blank=True,
        related_name="+",
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imagen de portada"),
    )
    competency_units = ParentalManyToManyField(
        "certification.CompetencyUnit",
        verbose_name=_("unidades de competencia que enseña"),
        blank=True,
        related_name="courses",
    )
    certification_program = models.ForeignKey(
        "certification.CertificationProgram",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="courses",
        verbose_name=_("programa de certificación"),
        help_text=_("La certificación a la que conduce este curso."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("level"),
                FieldPanel("estimated_hours"),
                FieldPanel("countries"),
            ],
            heading=_("Oferta"),
        ),
        FieldPanel("learning_outcomes"),
        FieldPanel("description"),
        FieldPanel("trainers"),
        FieldPanel("cover_image"),
        FieldPanel("competency_units"),
        FieldPanel("certification_program"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("level"),
        index.FilterField("sector_id"),
        index.FilterField("locale_id"),
    ]
    parent_page_types = ["courses.SectorPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("curso")

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.path else None
        if parent is not None and isinstance(parent.specific, SectorPage):
            self.sector_id = parent.specific.sector_id
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from courses.alignment import course_counts_toward
        from courses.selectors import course_outline

        context = super().get_context(request, *args, **kwargs)
        context["outline"] = course_outline(course=self, user=request.user)
        context["counts_toward"] = course_counts_toward(
            course=self,
            lesson_ids=[lesson.pk for lesson in context["outline"]["lessons"]],
        )
        return context


class LessonPage(Page):
    """One lesson of a course: a body of blocks, completed by the learner."""

    summary = models.CharField(_("resumen"), max_length=300, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("minutos estimados"), default=30
    )
    body = StreamField(lesson_body_blocks(), verbose_name=_("contenido"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lección")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(lesson=self, user=request.user))
        return context
