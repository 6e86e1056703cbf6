"""Admin upload (import) and download (export) of standards."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certification.interchange import ImportFailed, standards_export, standards_import
from certification.models import OccupationalStandard
from certification.permissions import scope_queryset
from certification.roles import officer_countries

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class StandardsUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Archivo CSV o XLSX"),
        help_text=gettext_lazy("Columnas según el formato documentado."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Use un archivo .csv o .xlsx."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("El archivo supera los 5 MB."))
        return upload


def _require(request, action: str) -> None:
    if not request.user.has_perm(f"certification.{action}_occupationalstandard"):
        raise PermissionDenied


def _allowed_countries(user):
    return None if user.is_superuser else officer_countries(user)


def standards_import_view(request):
    _require(request, "add")
    form = StandardsUploadForm(request.POST or None, request.FILES or None)
    errors = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                summary = standards_import(
                    upload,
                    upload.name,
                    allowed_countries=_allowed_countries(request.user),
                )
            except ImportFailed as failure:
                errors = failure.errors
                status = 400
            else:
                messages.success(
                    request,
                    _(
                        "Importación completa: %(s)s estándares, %(u)s unidades, "
                        "%(c)s criterios."
                    )
                    % {
                        "s": summary.standards,
                        "u": summary.units,
                        "c": summary.criteria,
                    },
                )
                return redirect("certification_admin:standards_import")
        else:
            status = 400
    return TemplateResponse(
        request,
        "certification/admin/standards_import.html",
        {"form": form, "errors": errors, "page_title": _("Importar estándares")},
        status=status,
    )


def standards_export_view(request, fmt: str):
    _require(request, "view")
    standards = scope_queryset(OccupationalStandard.objects.all(), request.user)
    if country := request.GET.get("country"):
        standards = standards.filter(country_id=country)
    content = standards_export(standards, fmt)
    content_type = (
        "text/csv; charset=utf-8"
        if fmt == "csv"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="estandares.{fmt}"'
    return response
