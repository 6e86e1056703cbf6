from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .checks import MAX_PDF_BYTES


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Código de verificación"),
        max_length=300,
        help_text=_("Los 32 caracteres impresos bajo el código QR del certificado."),
    )


class UploadForm(forms.Form):
    pdf = forms.FileField(
        label=_("Certificado en PDF"),
        help_text=format_lazy(
            _("Hasta {size}."), size=lazy(filesizeformat, str)(MAX_PDF_BYTES)
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_pdf(self):
        upload = self.cleaned_data["pdf"]
        if upload.size > MAX_PDF_BYTES:
            raise forms.ValidationError(
                _("El archivo supera el tamaño máximo de %(size)s."),
                code="too_large",
                params={"size": filesizeformat(MAX_PDF_BYTES)},
            )
        data = upload.read()
        if not data:
            raise forms.ValidationError(_("El archivo está vacío."), code="empty")
        return data
