from django import forms
from django.utils.translation import gettext_lazy as _

from lms.reference.models import CountryCode

from .identity import normalize_national_id
from .models import LanguageChoice, User
from .names import name_help_text, normalize_person_name
from .timezones import TIME_ZONE_CHOICES, time_zone_for_country

NAME_FIELDS = ("legal_name", "first_name", "last_name")


class NameFieldsMixin:
    """Normalises the form's name fields and refuses what a certificate must
    not print (see ``lms.accounts.names``)."""

    def _post_clean_names(self):
        for name in NAME_FIELDS:
            if name in self.cleaned_data and name not in self.errors:
                try:
                    self.cleaned_data[name] = normalize_person_name(
                        self.cleaned_data[name]
                    )
                except forms.ValidationError as error:
                    self.add_error(name, error)

    def clean(self):
        cleaned = super().clean()
        self._post_clean_names()
        return cleaned


class IdentityFieldsMixin:
    """Validates the identity document against the chosen country.

    The error lands on the document field and names the expected format. A
    document already registered in that country is a form error where the
    person is signed in (``reveal_registered_document``); at sign-up it is
    not: the form remembers the holder (``document_holder``) and the sign-up
    goes on as any other, creating nothing (``lms.accounts.signup``).
    """

    reveal_registered_document = True
    document_holder = None

    def clean(self):
        cleaned = super().clean()
        country, document = cleaned.get("country"), cleaned.get("national_id")
        if not country or not document:
            return cleaned
        try:
            cleaned["national_id"] = normalize_national_id(country, document)
        except forms.ValidationError as error:
            self.add_error("national_id", error)
            return cleaned
        others = User.objects.filter(
            country=country, national_id=cleaned["national_id"]
        )
        if getattr(self, "instance", None) and self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        holder = others.order_by("pk").first()
        if holder is not None and not self.reveal_registered_document:
            self.document_holder = holder
        elif holder is not None:
            self.add_error(
                "national_id",
                forms.ValidationError(
                    _("Ya existe una cuenta con este documento en este país."),
                    code="duplicate_document",
                ),
            )
        return cleaned


class SignupExtraForm(NameFieldsMixin, IdentityFieldsMixin, forms.Form):
    """Extra sign-up fields, plugged into the account library's sign-up form."""

    reveal_registered_document = False

    # No maxlength attribute: a longer name gets the error that says the
    # limit, not a field that silently stops taking characters.
    legal_name = forms.CharField(
        label=_("Nombre legal completo"), help_text=name_help_text()
    )
    country = forms.ChoiceField(
        label=_("País"), choices=[("", "---------"), *CountryCode.choices]
    )
    national_id = forms.CharField(label=_("Documento de identidad"), max_length=32)
    preferred_language = forms.ChoiceField(
        label=_("Idioma preferido"), choices=LanguageChoice.choices
    )

    def signup(self, request, user):
        for field in ("legal_name", "country", "national_id", "preferred_language"):
            setattr(user, field, self.cleaned_data[field])
        user.save()


class ProfileForm(NameFieldsMixin, IdentityFieldsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "legal_name",
            "country",
            "national_id",
            "preferred_language",
            "time_zone",
            "region",
            "gender",
            "age_band",
        ]
        help_texts = {
            "region": _("Opcional. Solo se usa, sumado, en los informes del país."),
            "gender": _("Opcional. Solo se usa, sumado, en los informes."),
            "age_band": _("Opcional. Solo se usa, sumado, en los informes."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("legal_name", "country", "national_id"):
            self.fields[name].required = True
        self.fields["legal_name"].help_text = name_help_text()
        self.fields["legal_name"].widget.attrs.pop("maxlength", None)
        choices = list(TIME_ZONE_CHOICES)
        current = self.instance.time_zone
        if current and current not in dict(choices):
            choices.append((current, current))
        self.fields["time_zone"] = forms.ChoiceField(
            label=User._meta.get_field("time_zone").verbose_name.capitalize(),
            help_text=User._meta.get_field("time_zone").help_text,
            choices=[("", _("La de mi país")), *choices],
            required=False,
        )

    def clean_time_zone(self):
        zone = self.cleaned_data.get("time_zone", "")
        return zone or time_zone_for_country(self.cleaned_data.get("country", ""))
