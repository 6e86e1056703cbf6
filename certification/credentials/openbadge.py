"""Open Badges 3.0 ``OpenBadgeCredential`` (W3C VC Data Model 2.0) from a dict.

Input of :func:`credential_build` (plain data, no models)::

    {
      "id": "https://host/verify/<public id>/",   # or "urn:uuid:..."
      "name": "Certificado de competencia: Editor/a", "description": "...",
      "valid_from": datetime | "2026-01-01T00:00:00Z",
      "valid_until": datetime | str | None,
      "issuer": {"id": "did:web:...", "name": "...", "url": "...",
                 "email": "...", "description": "..."},      # url... optional
      "holder": {"name": "Ana Pérez",
                 "national_id": "12345678-9",               # hashed, never plain
                 "salt": "hex...",                          # optional: random
                 "identity_hash": "sha256$...",             # instead of national_id
                 "email": "ana@example.org",                # hashed, never plain
                 "id": "did:..."},                           # optional
      "achievement": {"id": "https://host/programs/CL-EDIT-01",
                      "name": "...", "description": "...",
                      "criteria": "narrative (markdown)",
                      "achievement_type": "Certificate",    # OB3 AchievementType
                      "human_code": "CL-EDIT-01", "field_of_study": "...",
                      "version": "1"},
      "alignments": [{"target_name": "...", "target_url": "...",
                      "target_code": "...", "target_framework": "...",
                      "target_type": "ceasn:Competency",
                      "target_description": "..."}],
      "status": [{"list_url": "https://host/status/CL/message",
                  "index": 42, "purpose": "message",
                  "status_size": 2, "messages": [...]}],   # OB3: one entry
      "activity_start": datetime | None, "activity_end": datetime | None,
      "awarded": datetime | None,
    }

The holder's legal name travels as an IdentityObject of identityType
``name`` (not hashed: the verify page shows it); the identity document only as
a salted SHA-256 IdentityHash (``sha256$<hex of sha256(id + salt)>``).

The e-mail address travels the same way, as an IdentityObject of identityType
``emailAddress`` with its own salt, so that whoever already knows the person's
address (an employer) can check that the credential is theirs without the
credential disclosing it. The address is normalised before hashing (surrounding
spaces removed, lower case: :func:`email_normalise`), and a checker must
normalise it the same way (:func:`identity_matches` with ``email=True``).
"""

import datetime as dt
import hashlib
import secrets
import uuid

from .proof import is_datetime_stamp, sign_document, utc_timestamp
from .statuslist import status_entry

VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB3_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
    "ob_v3p0_achievementcredential_schema.json"
)
CREDENTIAL_SCHEMA = [{"id": OB3_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}]
CREDENTIAL_TYPE = ["VerifiableCredential", "OpenBadgeCredential"]
ACHIEVEMENT_TYPES = {
    "Achievement", "ApprenticeshipCertificate", "Assessment", "Assignment",
    "AssociateDegree", "Award", "Badge", "BachelorDegree", "Certificate",
    "CertificateOfCompletion", "Certification", "CommunityService", "Competency",
    "Course", "CoCurricular", "Degree", "Diploma", "DoctoralDegree", "Fieldwork",
    "GeneralEducationDevelopment", "JourneymanCertificate", "LearningProgram",
    "License", "Membership", "ProfessionalDoctorate",
    "QualityAssuranceCredential", "MasterCertificate", "MasterDegree",
    "MicroCredential", "ResearchDoctorate", "SecondarySchoolDiploma",
}  # fmt: skip


class CredentialDataError(ValueError):
    """The input dict lacks a required field or has an invalid value."""


def new_salt() -> str:
    return secrets.token_hex(16)


def identity_hash(identity: str, salt: str = "") -> str:
    """OB3 IdentityHash: ``sha256$`` + hex SHA-256 of UTF-8 ``identity + salt``."""
    digest = hashlib.sha256((identity + salt).encode("utf-8")).hexdigest()
    return f"sha256${digest}"


def email_normalise(email: str) -> str:
    """The form of an e-mail address that is hashed: trimmed, lower case."""
    return str(email).strip().lower()


def identity_matches(identity: str, identity_object: dict) -> bool:
    """Whether a plain identifier matches a (hashed) IdentityObject; an
    ``emailAddress`` one is compared with the normalised address."""
    if identity_object.get("identityType") == "emailAddress":
        identity = email_normalise(identity)
    expected = identity_object.get("identityHash", "")
    if not identity_object.get("hashed"):
        return identity == expected
    algorithm, _, _ = expected.partition("$")
    if algorithm != "sha256":
        return False
    actual = identity_hash(identity, identity_object.get("salt", ""))
    return secrets.compare_digest(actual.lower(), expected.lower())


def timestamp(value) -> str:
    """A VC ``dateTimeStamp``: aware datetimes go to UTC; dates mean 00:00 UTC."""
    if isinstance(value, str):
        if not is_datetime_stamp(value):
            raise CredentialDataError(f"not a date-time with time zone: {value!r}")
        return value
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise CredentialDataError("naive datetime: pass an aware datetime")
        return utc_timestamp(value)
    if isinstance(value, dt.date):
        return utc_timestamp(dt.datetime.combine(value, dt.time(), tzinfo=dt.UTC))
    raise CredentialDataError(f"not a date: {value!r}")


def _required(data: dict, key: str, where: str):
    value = data.get(key)
    if value in (None, "", [], {}):
        raise CredentialDataError(f"{where}.{key} is required")
    return value


def issuer_profile(issuer: dict) -> dict:
    profile = {
        "id": _required(issuer, "id", "issuer"),
        "type": ["Profile"],
        "name": _required(issuer, "name", "issuer"),
    }
    for key in ("url", "email", "description"):
        if issuer.get(key):
            profile[key] = issuer[key]
    return profile


def identity_objects(holder: dict) -> list[dict]:
    objects = [
        {
            "type": "IdentityObject",
            "identityType": "name",
            "hashed": False,
            "identityHash": _required(holder, "name", "holder"),
        }
    ]
    if holder.get("identity_hash"):
        hashed = {
            "type": "IdentityObject",
            "identityType": "nationalIdentityNumber",
            "hashed": True,
            "identityHash": holder["identity_hash"],
        }
        if holder.get("salt"):
            hashed["salt"] = holder["salt"]
        objects.append(hashed)
    elif holder.get("national_id"):
        salt = holder.get("salt") or new_salt()
        objects.append(
            {
                "type": "IdentityObject",
                "identityType": "nationalIdentityNumber",
                "hashed": True,
                "identityHash": identity_hash(holder["national_id"], salt),
                "salt": salt,
            }
        )
    if holder.get("email"):
        salt = new_salt()
        objects.append(
            {
                "type": "IdentityObject",
                "identityType": "emailAddress",
                "hashed": True,
                "identityHash": identity_hash(email_normalise(holder["email"]), salt),
                "salt": salt,
            }
        )
    return objects


def alignment(entry: dict) -> dict:
    result = {
        "type": ["Alignment"],
        "targetName": _required(entry, "target_name", "alignment"),
        "targetUrl": _required(entry, "target_url", "alignment"),
    }
    for key, name in (
        ("target_description", "targetDescription"),
        ("target_code", "targetCode"),
        ("target_framework", "targetFramework"),
        ("target_type", "targetType"),
    ):
        if entry.get(key):
            result[name] = entry[key]
    return result


def achievement(data: dict, alignments: list[dict]) -> dict:
    achievement_type = data.get("achievement_type", "Certificate")
    if achievement_type not in ACHIEVEMENT_TYPES and not achievement_type.startswith(
        "ext:"
    ):
        raise CredentialDataError(f"unknown achievementType {achievement_type!r}")
    result = {
        "id": _required(data, "id", "achievement"),
        "type": ["Achievement"],
        "achievementType": achievement_type,
        "name": _required(data, "name", "achievement"),
        "description": _required(data, "description", "achievement"),
        "criteria": {"narrative": _required(data, "criteria", "achievement")},
    }
    for key, name in (
        ("human_code", "humanCode"),
        ("field_of_study", "fieldOfStudy"),
        ("version", "version"),
    ):
        if data.get(key):
            result[name] = data[key]
    if alignments:
        result["alignment"] = [alignment(entry) for entry in alignments]
    return result


def credential_status(entries: list[dict]) -> dict | list[dict] | None:
    statuses = [
        status_entry(
            status_list_credential=_required(entry, "list_url", "status"),
            index=entry.get("index"),
            purpose=entry.get("purpose", "revocation"),
            status_size=entry.get("status_size", 1),
            status_messages=entry.get("messages"),
        )
        for entry in entries
    ]
    if not statuses:
        return None
    return statuses[0] if len(statuses) == 1 else statuses


def credential_build(data: dict) -> dict:
    """The unsigned OpenBadgeCredential for ``data`` (see the module docstring)."""
    credential_id = data.get("id") or f"urn:uuid:{uuid.uuid4()}"
    holder = _required(data, "holder", "credential")
    subject = {"type": ["AchievementSubject"]}
    if holder.get("id"):
        subject["id"] = holder["id"]
    subject["identifier"] = identity_objects(holder)
    subject["achievement"] = achievement(
        _required(data, "achievement", "credential"), data.get("alignments") or []
    )
    for key, name in (
        ("activity_start", "activityStartDate"),
        ("activity_end", "activityEndDate"),
    ):
        if data.get(key):
            subject[name] = timestamp(data[key])
    credential = {
        "@context": [VC_V2_CONTEXT, OB3_CONTEXT],
        "id": credential_id,
        "type": list(CREDENTIAL_TYPE),
        "issuer": issuer_profile(_required(data, "issuer", "credential")),
        "validFrom": timestamp(_required(data, "valid_from", "credential")),
        "name": _required(data, "name", "credential"),
        "credentialSubject": subject,
    }
    if data.get("description"):
        credential["description"] = data["description"]
    if data.get("valid_until"):
        credential["validUntil"] = timestamp(data["valid_until"])
        if credential["validUntil"] <= credential["validFrom"]:
            raise CredentialDataError("valid_until must be after valid_from")
    if data.get("awarded"):
        credential["awardedDate"] = timestamp(data["awarded"])
    status = credential_status(data.get("status") or [])
    if status:
        credential["credentialStatus"] = status
    credential["credentialSchema"] = [dict(schema) for schema in CREDENTIAL_SCHEMA]
    return credential


def credential_sign(
    credential: dict, *, private_key, verification_method: str, created=None
) -> dict:
    """The credential with an embedded eddsa-jcs-2022 DataIntegrityProof."""
    return sign_document(
        credential,
        private_key=private_key,
        verification_method=verification_method,
        created=timestamp(created) if created else None,
    )


def credential_sign_for_issuer(credential: dict, *, issuer_code: str) -> dict:
    """Sign with the issuer's current key from ``LMS_KEY_DIR``."""
    from .keys import load_signing_key, verification_method_id

    return credential_sign(
        credential,
        private_key=load_signing_key(issuer_code),
        verification_method=verification_method_id(issuer_code),
    )
