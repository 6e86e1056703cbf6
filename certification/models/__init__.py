"""Competency standards, certification programs and evidence."""

from certification.wallet.models import (  # noqa: F401  (offers, nonces, bindings)
    WalletBinding,
    WalletNonce,
    WalletOffer,
)

from .credentials import *  # noqa: F403  (credentials, templates, status lists)
from .evidence import (
    ApplicationRoute,
    ApplicationStatus,
    Evidence,
    EvidenceSource,
    ProgramApplication,
    ProgramEligibility,
)
from .frameworks import FrameworkLevel, LevelMapping, QualificationFramework
from .programs import (
    CertificationProgram,
    CountryOfficerGroup,
    IssuanceMode,
    Issuer,
    ProgramKind,
)
from .roles import AssessorRole
from .standards import (
    CompetencyUnit,
    EvidenceKind,
    EvidenceRequirement,
    OccupationalStandard,
    PerformanceCriterion,
    StandardEquivalence,
    StandardSystem,
)
from .verification import VerificationLog, VerificationMethod  # noqa: F401

__all__ = [
    "ApplicationRoute",
    "ApplicationStatus",
    "AssessorRole",
    "CertificationProgram",
    "CompetencyUnit",
    "CountryOfficerGroup",
    "Evidence",
    "EvidenceKind",
    "EvidenceRequirement",
    "EvidenceSource",
    "FrameworkLevel",
    "IssuanceMode",
    "Issuer",
    "LevelMapping",
    "OccupationalStandard",
    "PerformanceCriterion",
    "ProgramApplication",
    "ProgramEligibility",
    "ProgramKind",
    "QualificationFramework",
    "StandardEquivalence",
    "StandardSystem",
]
