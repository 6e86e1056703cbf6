from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("Cuentas")

    def ready(self):
        from wagtail.users.models import UserProfile

        post_save.connect(
            _user_time_zone_from_admin_profile,
            sender=UserProfile,
            dispatch_uid="accounts_time_zone_from_admin_profile",
        )


def _user_time_zone_from_admin_profile(sender, instance, **kwargs):
    """A time zone chosen in the Wagtail admin's preferences becomes the user's
    (an empty choice keeps the user's own)."""
    zone = instance.current_time_zone
    if zone:
        type(instance.user).objects.filter(pk=instance.user_id).exclude(
            time_zone=zone
        ).update(time_zone=zone)
