"""StreamField blocks for lesson bodies."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from plugins.blocks import AssessmentChooserBlock, ContentChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("texto"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Título")), ("h3", _("Subtítulo"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Encabezado")
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("imagen"))
    caption = blocks.CharBlock(label=_("pie de imagen"), required=False)
    alt_text = blocks.CharBlock(
        label=_("texto alternativo"),
        required=False,
        help_text=_("Describe la imagen para quien no puede verla."),
    )

    class Meta:
        icon = "image"
        label = _("Imagen")
        template = "blocks/image_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("enlace del video"))
    caption = blocks.CharBlock(label=_("descripción"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("documento"))
    description = blocks.CharBlock(label=_("descripción"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Documento descargable")
        template = "blocks/document_block.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("tipo"),
        choices=[
            ("tip", _("Consejo")),
            ("note", _("Nota")),
            ("warning", _("Atención")),
            ("practice", _("Práctica")),
        ],
        default="note",
    )
    title = blocks.CharBlock(label=_("título"), required=False)
    text = blocks.RichTextBlock(
        label=_("texto"), features=["bold", "italic", "link", "ol", "ul"]
    )

    class Meta:
        icon = "help"
        label = _("Recuadro destacado")
        template = "blocks/callout_block.html"


class AssessmentBlock(blocks.StructBlock):
    """An assessment embedded in the lesson: learners take it in place. Only
    the assessment's id is stored, whatever its plugin."""

    assessment = AssessmentChooserBlock(label=_("evaluación"))

    class Meta:
        icon = "tasks"
        label = _("Evaluación")
        template = "blocks/assessment_block.html"


class ContentBlock(blocks.StructBlock):
    """Interactive content (a SCORM package, an H5P activity) played in the
    lesson; its completion completes the lesson."""

    item = ContentChooserBlock(label=_("contenido interactivo"))

    class Meta:
        icon = "media"
        label = _("Contenido interactivo")
        template = "blocks/content_block.html"


RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "ol", "ul", "blockquote"]


def lesson_body_blocks() -> list:
    """The blocks a lesson body may hold (assessments through one core block)."""
    return [
        ("heading", HeadingBlock()),
        (
            "paragraph",
            blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Texto")),
        ),
        ("image", ImageBlock()),
        ("video", VideoBlock()),
        ("document", DocumentBlock()),
        ("callout", CalloutBlock()),
        ("assessment", AssessmentBlock()),
        ("content", ContentBlock()),
    ]
