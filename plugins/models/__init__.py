from .assessments import Assessment
from .attempts import Attempt, AttemptFile, AttemptGrading, AttemptStatus, FileRole
from .content import ContentItem, ContentProgress

__all__ = [
    "Assessment",
    "Attempt",
    "AttemptFile",
    "AttemptGrading",
    "AttemptStatus",
    "ContentItem",
    "ContentProgress",
    "FileRole",
]
