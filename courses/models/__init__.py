from .learning import Enrolment, LessonCompletion
from .pages import CatalogPage, CourseLevel, CoursePage, LessonPage, SectorPage

__all__ = [
    "CatalogPage",
    "CourseLevel",
    "CoursePage",
    "Enrolment",
    "LessonCompletion",
    "LessonPage",
    "SectorPage",
]
