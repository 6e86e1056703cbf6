"""Permission changes (a user joining or leaving a group) go to the audit log."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed

from lms.audit.models import AuditAction

_ACTIONS = {
    "pre_add",
    "post_add",
    "pre_remove",
    "post_remove",
    "pre_clear",
    "post_clear",
}


def _group_names(user) -> list[str]:
    return sorted(user.groups.values_list("name", flat=True))


def _users_of(instance, reverse, pk_set):
    """The users whose memberships change, whichever side the change comes from."""
    if not reverse:
        return [instance]
    if pk_set is None:  # clearing a group: every member
        return list(instance.user_set.all())
    return list(get_user_model().objects.filter(pk__in=pk_set))


def groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    from lms.audit.services import audit_record

    if action not in _ACTIONS:
        return
    users = _users_of(instance, reverse, pk_set)
    if action.startswith("pre_"):
        for user in users:
            user._audit_groups_before = _group_names(user)
        instance._audit_users = users
        return
    for user in getattr(instance, "_audit_users", users):
        before = getattr(user, "_audit_groups_before", None)
        after = _group_names(user)
        if before == after:
            continue
        audit_record(
            action=AuditAction.GROUP_MEMBERSHIP,
            obj=user,
            country=getattr(user, "country", "") or "",
            before={"groups": before or []},
            after={"groups": after},
        )


def connect():
    through = get_user_model().groups.through
    m2m_changed.connect(groups_changed, sender=through, dispatch_uid="audit_groups")
