"""Learner pages («Mis certificados», downloads, disclosure) and the public
status lists."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from certification.models import Credential
from certification.sharing import linkedin_add_url
from lms.ops.objectstore import signed_url

from .links import verify_url
from .selectors import learner_credential_get, learner_credentials
from .statuslists import status_list_get
from .storage import artefact_read, credential_storage

DOWNLOADS = {
    "pdf": ("pdf_file", "application/pdf", "certificado-{id}.pdf"),
    "json": ("json_file", "application/vc+ld+json", "credencial-{id}.json"),
    "jwt": ("jwt_file", "application/vc+jwt", "credencial-{id}.jwt"),
}


class DisclosureForm(forms.ModelForm):
    class Meta:
        model = Credential
        fields = ["public", "disclose_units", "disclose_levels", "disclose_assessors"]


@login_required
@require_GET
def my_certificates(request):
    items = [
        {
            "credential": credential,
            "verify_url": verify_url(credential.public_id),
            "linkedin_url": linkedin_add_url(credential),
            "form": DisclosureForm(
                instance=credential, prefix=f"c{credential.public_id[:8]}"
            ),
        }
        for credential in learner_credentials(request.user)
    ]
    pending = request.user.credentials.filter(status="pending").exists()
    return render(
        request,
        "certification/my_certificates.html",
        {"items": items, "pending": pending},
    )


@login_required
@require_GET
def credential_download(request, public_id: str, kind: str):
    """The holder's own artefacts; anyone else gets the same 404 as unknown."""
    credential = learner_credential_get(request.user, public_id)
    if credential is None or kind not in DOWNLOADS:
        raise Http404
    field, content_type, filename = DOWNLOADS[kind]
    name = filename.format(id=credential.public_id)
    signed = signed_url(
        credential_storage(),
        getattr(credential, field),
        filename=name,
        content_type=content_type,
    )
    if signed:
        response = HttpResponseRedirect(signed)
        response["Cache-Control"] = "private, no-store"
        return response
    response = HttpResponse(
        artefact_read(getattr(credential, field)), content_type=content_type
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def credential_disclosure(request, public_id: str):
    credential = learner_credential_get(request.user, public_id)
    if credential is None:
        raise Http404
    form = DisclosureForm(
        request.POST, instance=credential, prefix=f"c{credential.public_id[:8]}"
    )
    if form.is_valid():
        form.save()
        messages.success(request, _("Preferencias de publicación guardadas."))
    else:
        messages.error(request, _("No se pudieron guardar las preferencias."))
    return redirect("credentials:mine")


@require_GET
def status_list(request, issuer: str, purpose: str):
    """The issuer's signed BitstringStatusListCredential for ``purpose``."""
    published = status_list_get(issuer, purpose)
    if published is None:
        raise Http404
    return JsonResponse(
        published,
        content_type="application/vc+ld+json",
        json_dumps_params={"ensure_ascii": False},
    )
