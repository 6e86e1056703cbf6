"""«Descargar mi historial (CLR)»: the learner's Comprehensive Learner Record."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .clr import NothingToRecord, learner_clr


@login_required
@require_GET
def clr_download(request):
    """The learner's whole record as a signed CLR 2.0 ClrCredential (JSON)."""
    try:
        document = learner_clr(request.user)
    except NothingToRecord:
        messages.error(
            request,
            _("Su historial estará disponible cuando tenga al menos un certificado."),
        )
        return redirect("credentials:mine")
    body = json.dumps(document, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/vc+ld+json")
    response["Content-Disposition"] = 'attachment; filename="historial-clr.json"'
    response["Cache-Control"] = "private, no-store"
    return response
