from .assessments import Assessment
from .attempts import Attempt, AttemptFile, AttemptGrading, AttemptStatus, FileRole

__all__ = [
    "Assessment",
    "Attempt",
    "AttemptFile",
    "AttemptGrading",
    "AttemptStatus",
    "FileRole",
]
