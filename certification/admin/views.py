"""Generic admin views made country-aware: rows of another country answer 403,
and deletions blocked by evidence or issued credentials explain why."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.defaults import permission_denied
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage


def protected_message(error: ProtectedError) -> str:
    """A sentence naming what still refers to the row being deleted."""
    by_model: dict[str, int] = {}
    for obj in error.protected_objects:
        label = str(obj._meta.verbose_name_plural)
        by_model[label] = by_model.get(label, 0) + 1
    parts = ", ".join(f"{count} {label}" for label, count in by_model.items())
    return _(
        "No se puede eliminar: hay evidencias o credenciales emitidas que "
        "dependen de este elemento (%(parts)s). No se borró nada."
    ) % {"parts": parts}


class ScopedObjectMixin:
    """Answers 403 for a row of a country the user cannot reach (rather than
    Wagtail's redirect, or a 404 pretending the row does not exist)."""

    instance_actions = ("change", "view")

    def setup(self, request, *args, **kwargs):
        pk = kwargs.get("pk", args[0] if args else None)
        obj = None
        if pk is not None:
            obj = self.model._default_manager.filter(pk=unquote(str(pk))).first()
        policy = self.permission_policy
        self.out_of_scope = (
            obj is not None
            and policy is not None
            and policy.user_has_any_permission(
                request.user, list(self.instance_actions)
            )
            and not policy.user_has_any_permission_for_instance(
                request.user, list(self.instance_actions), obj
            )
        )
        if self.out_of_scope:
            self.request, self.args, self.kwargs = request, args, kwargs
            return
        super().setup(request, *args, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        if self.out_of_scope:
            return permission_denied(
                request, PermissionDenied(_("Este registro es de otro país."))
            )
        return super().dispatch(request, *args, **kwargs)


class ScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["add", "change", "delete", "view"]
        ).filter(pk__in=queryset.values("pk"))


class ScopedCreateView(generic.CreateView):
    pass


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    instance_actions = ("change",)

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError as error:
            messages.error(self.request, protected_message(error))
            return redirect(self.get_edit_url())


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    instance_actions = ("delete",)

    def form_valid(self, form):
        if self.usage and self.usage.is_protected:
            messages.error(self.request, self.protected_usage_message())
            return redirect(self.get_delete_url())
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError as error:
            messages.error(self.request, protected_message(error))
            return redirect(self.get_delete_url())

    def protected_usage_message(self) -> str:
        return _(
            "No se puede eliminar: hay evidencias o credenciales emitidas que "
            "dependen de este elemento (%(count)s referencias). No se borró nada."
        ) % {"count": self.usage.count()}


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    pass


class ScopedCopyView(ScopedObjectMixin, generic.CopyView):
    pass


class ScopedHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, usage.UsageView):
    pass
