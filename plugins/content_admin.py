"""The CMS side of content plugins: trainers upload packages (checked before
anything is unpacked, validated by the plugin, stored privately) and choose
them in a lesson's "interactive content" block."""

from __future__ import annotations

import copy

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from plugins.content import content_plugin, content_plugins
from plugins.models import ContentItem
from plugins.packages import (
    package_delete,
    package_files,
    package_open,
    package_read,
    package_unpack,
    sectors_with_limits,
)


def _plugin_choices():
    return [(key, plugin.name) for key, plugin in sorted(content_plugins().items())]


class ContentItemForm(WagtailAdminModelForm):
    plugin_id = forms.ChoiceField(label=_("Tipo de contenido"), choices=())
    package = forms.FileField(
        label=_("Paquete"),
        required=False,
        help_text=_(
            "El archivo del paquete (.zip para SCORM). Al editar, déjelo vacío "
            "para conservar el paquete actual."
        ),
    )

    limits_sector = forms.ChoiceField(
        label=_("Límites del sector"),
        required=False,
        help_text=_(
            "Algunos sectores admiten paquetes más grandes (audiovisual: con "
            "video). Elija el suyo si el paquete supera los límites generales."
        ),
    )

    class Meta:
        model = ContentItem
        fields = ["title", "plugin_id", "pass_mark", "units"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plugin_id"].choices = _plugin_choices()
        self._limits_sector_choices()
        self._archive = None
        self._config = None
        # The configuration fields of content with no package (external
        # tools), named "<plugin id>-<field>" as their own form reads them.
        for plugin_id, plugin in sorted(content_plugins().items()):
            if plugin.packaged:
                continue
            initial = {}
            if self.instance.pk and self.instance.plugin_id == plugin_id:
                initial = plugin.config_initial(config=self.instance.config)
            for name, field in plugin.config_form.base_fields.items():
                field = copy.deepcopy(field)
                field.required = False
                field.label = f"{plugin.name}: {field.label or name}"
                field.initial = initial.get(name, field.initial)
                self.fields[f"{plugin_id}-{name}"] = field

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("package")
        plugin = content_plugin(cleaned.get("plugin_id") or "")
        if plugin is None:
            return cleaned
        if not plugin.packaged:
            return self._clean_configured(plugin, cleaned)
        if upload is None:
            if not self.instance.pk:
                self.add_error("package", _("Suba el paquete de este contenido."))
            elif cleaned.get("plugin_id") != self.instance.plugin_id:
                self.add_error(
                    "package", _("Para cambiar el tipo de contenido suba un paquete.")
                )
            return cleaned
        if not upload.name.lower().endswith(tuple(plugin.extensions)):
            self.add_error(
                "package",
                _("Este tipo de contenido se sube como archivo %(ext)s.")
                % {"ext": ", ".join(plugin.extensions)},
            )
            return cleaned
        try:
            archive = package_open(upload, sector=cleaned.get("limits_sector") or "")
            config = plugin.inspect(
                names=package_files(archive),
                read=lambda name: package_read(archive, name),
            )
        except ValidationError as exc:
            self.add_error("package", exc)
            return cleaned
        self._archive = archive
        self._config = config
        return cleaned

    def _clean_configured(self, plugin, cleaned):
        """Content with no package: the plugin's own form gives the config."""
        if cleaned.get("package") is not None:
            self.add_error("package", _("Este tipo de contenido no lleva paquete."))
            return cleaned
        form = plugin.config_form(data=self.data, prefix=plugin.id)
        if not form.is_valid():
            for name, errors in form.errors.items():
                field = f"{plugin.id}-{name}"
                self.add_error(field if field in self.fields else None, errors)
            return cleaned
        try:
            self._config = plugin.configure(cleaned_data=form.cleaned_data)
        except ValidationError as exc:
            self.add_error(None, exc)
        return cleaned

    def _limits_sector_choices(self):
        """The sectors with limits of their own that the user works in (all,
        for reviewers and administrators); the only one preselected."""
        from lms.reference.models import Sector
        from plugins.roles import assessments_all_sectors, trainer_sector_ids

        sectors = Sector.objects.filter(code__in=sectors_with_limits())
        user = self.for_user
        if user is None or not assessments_all_sectors(user):
            mine = trainer_sector_ids(user) if user is not None else set()
            sectors = sectors.filter(pk__in=mine)
        choices = [(sector.code, sector.name) for sector in sectors]
        field = self.fields["limits_sector"]
        if not choices:
            del self.fields["limits_sector"]
            return
        field.choices = [("", _("Límites generales")), *choices]
        if len(choices) == 1 and user is not None and not user.is_superuser:
            field.initial = choices[0][0]

    def save(self, commit=True):
        item = super().save(commit=False)
        old = item.storage_prefix
        if self._archive is not None:
            item.storage_prefix = ContentItem.new_prefix()
            item.config = self._config
            item.original_name = self.cleaned_data["package"].name[:255]
            package_unpack(self._archive, item.storage_prefix)
        elif self._config is not None:  # no package: nothing stored
            item.storage_prefix = ContentItem.new_prefix()
            item.config = self._config
            item.original_name = ""
        if old and old != item.storage_prefix:
            transaction.on_commit(lambda: package_delete(old))
        if commit:
            item.save()
            self.save_m2m()
        return item


class ContentItemViewSet(ModelViewSet):
    model = ContentItem
    icon = "media"
    menu_label = _("Contenidos interactivos")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", "plugin_id", "original_name", "created_at"]
    search_fields = ["title"]
    name = "content_items"

    def get_form_class(self, for_update=False):
        return ContentItemForm


class ContentChooserViewSet(ChooserViewSet):
    model = "plugins.ContentItem"
    icon = "media"
    choose_one_text = _("Elegir un contenido interactivo")
    choose_another_text = _("Elegir otro contenido interactivo")


content_item_viewset = ContentItemViewSet("content_items")
content_chooser_viewset = ContentChooserViewSet("content_chooser")
