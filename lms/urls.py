from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from lms.observability.metrics import metrics_view
from lms.web import views as web_views  # noqa: I001

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Before Django's own: the switcher's ``next`` is already translated.
    path("i18n/setlang/", web_views.language_set, name="set_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("health/", web_views.health, name="health"),
    path("health/ready/", web_views.health, name="health_ready"),
    path("health/live/", web_views.health_live, name="health_live"),
    path("metrics", metrics_view, name="metrics"),
    path("api/v1/", include("certification.api.urls")),
    path("issuers/", include("certification.api.did_urls")),
    path("", include("certification.wallet.urls")),
]
# Installed plugins (content plugins, integrations) whose addresses must not
# carry the language prefix declare ``public_urls = (prefix, urlconf)`` on
# their AppConfig; an excluded plugin's addresses are not mounted.
urlpatterns += [
    path(config.public_urls[0], include(config.public_urls[1]))
    for config in apps.get_app_configs()
    if getattr(config, "public_urls", None)
]

urlpatterns += i18n_patterns(
    path("accounts/profile/", include("lms.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("learning/", include("courses.urls")),
    path("assessments/", include("plugins.urls")),
    path("certification/", include("certification.urls")),
    path("credentials/wallet/", include("certification.wallet.learner_urls")),
    path("credentials/", include("certification.issuance.urls")),
    path("verify/", include("certification.verification.urls")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = (
        static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
    )
