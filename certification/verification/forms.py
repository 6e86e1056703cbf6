import json

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .checks import MAX_JSON_BYTES, MAX_PDF_BYTES


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


class JsonForm(forms.Form):
    """A credential or a learner record (CLR) as JSON: pasted or as a file."""

    document = forms.CharField(
        label=_("Pegue aquí el JSON"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
    )
    json_file = forms.FileField(
        label=_("o elija el archivo JSON"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": "application/json,application/ld+json,.json,.jsonld"}
        ),
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("json_file")
        if upload is not None:
            if upload.size > MAX_JSON_BYTES:
                raise forms.ValidationError(
                    _("El archivo supera el tamaño máximo de %(size)s."),
                    code="too_large",
                    params={"size": filesizeformat(MAX_JSON_BYTES)},
                )
            raw = upload.read()
        else:
            raw = (cleaned.get("document") or "").encode("utf-8")
        if not raw.strip():
            raise forms.ValidationError(
                _("Pegue el JSON de la credencial o elija su archivo."), code="empty"
            )
        if len(raw) > MAX_JSON_BYTES:
            raise forms.ValidationError(
                _("El archivo supera el tamaño máximo de %(size)s."),
                code="too_large",
                params={"size": filesizeformat(MAX_JSON_BYTES)},
            )
        try:
            parsed = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise forms.ValidationError(
                _("El contenido no es un JSON válido."), code="invalid"
            ) from exc
        if not isinstance(parsed, dict):
            raise forms.ValidationError(
                _("El JSON no es una credencial verificable."), code="invalid"
            )
        cleaned["parsed"] = parsed
        return cleaned


class HolderEmailForm(forms.Form):
    """«¿Es de esta persona?»: the e-mail address an employer holds."""

    email = forms.EmailField(
        label=_("Correo electrónico de la persona"),
        max_length=254,
        help_text=_(
            "Se compara con la huella cifrada que lleva la credencial; el correo "
            "no se guarda ni se muestra."
        ),
    )
