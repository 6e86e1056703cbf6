from django.utils import timezone

from .timezones import user_time_zone


class TimeZoneMiddleware:
    """Activates the signed-in person's time zone for the request (the site's
    zone for visitors). The Wagtail admin follows the same zone: the user's
    Wagtail profile is kept in step with it (``lms.accounts.models``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            timezone.activate(user_time_zone(user))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
