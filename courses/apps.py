from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Cursos")

    def ready(self):
        from certification.signals import register_unit_assessments
        from courses.alignment import unit_assessment_offers
        from courses.content import lesson_complete_on_content
        from courses.services import lesson_complete_on_pass
        from plugins.content import content_completed
        from plugins.signals import attempt_graded

        attempt_graded.connect(lesson_complete_on_pass, dispatch_uid="courses-pass")
        content_completed.connect(
            lesson_complete_on_content, dispatch_uid="courses-content"
        )
        register_unit_assessments.connect(
            unit_assessment_offers, dispatch_uid="courses-unit-assessments"
        )
        from courses import xapi

        xapi.connect()
