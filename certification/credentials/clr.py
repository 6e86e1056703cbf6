"""Comprehensive Learner Record 2.0 ``ClrCredential`` from plain data.

A learner's whole record in one verifiable credential: the Open Badges 3.0
credentials issued to them, embedded as issued (each keeps its own proof and
status entry), and the competency units they demonstrated, as achievements
associated with the programs they belong to. Input of :func:`clr_build`::

    {
      "id": "urn:uuid:...",                       # optional: a new one
      "name": "...", "description": "...",
      "valid_from": datetime | str,
      "issuer": {"id": "did:web:...", "name": "...", "url": "..."},
      "holder": {"name": "...", "email": "...", "id": "did:..."},  # as openbadge
      "credentials": [<signed AchievementCredential>, ...],          # at least one
      "achievements": [{"id": ..., "name": ..., "description": ...,
                        "criteria": "...", "achievement_type": "Competency",
                        "human_code": "..."}, ...],
      "associations": [{"type": "isChildOf", "source": <achievement id>,
                        "target": <achievement id>}, ...],
    }

The CLR is signed like every credential of the platform (eddsa-jcs-2022, with
``proof`` as an array), by the issuer whose key the caller chooses.
"""

from __future__ import annotations

import copy
import uuid

from .openbadge import (
    OB3_CONTEXT,
    VC_V2_CONTEXT,
    CredentialDataError,
    achievement,
    identity_objects,
    issuer_profile,
    timestamp,
)

CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
CLR_SCHEMA = (
    "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/"
    "clr_v2p0_clrcredential_schema.json"
)
CLR_CREDENTIAL_SCHEMA = [{"id": CLR_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}]
CLR_TYPE = ["VerifiableCredential", "ClrCredential"]
ASSOCIATION_TYPES = {
    "exactMatchOf",
    "isChildOf",
    "isParentOf",
    "isPartOf",
    "isPeerOf",
    "isRelatedTo",
    "precedes",
    "replacedBy",
}


def is_clr(document) -> bool:
    """Whether ``document`` claims to be a ClrCredential."""
    if not isinstance(document, dict):
        return False
    types = document.get("type")
    types = types if isinstance(types, list) else [types]
    return "ClrCredential" in types


def embedded_credentials(document: dict) -> list:
    """The credentials a ClrCredential embeds (``verifiableCredential``)."""
    subject = document.get("credentialSubject")
    if not isinstance(subject, dict):
        return []
    embedded = subject.get("verifiableCredential")
    if embedded is None:
        return []
    return embedded if isinstance(embedded, list) else [embedded]


def association(entry: dict) -> dict:
    kind = entry.get("type")
    if kind not in ASSOCIATION_TYPES:
        raise CredentialDataError(f"unknown associationType {kind!r}")
    for key in ("source", "target"):
        if not entry.get(key):
            raise CredentialDataError(f"association.{key} is required")
    return {
        "type": "Association",
        "associationType": kind,
        "sourceId": entry["source"],
        "targetId": entry["target"],
    }


def clr_build(data: dict) -> dict:
    """The unsigned ClrCredential for ``data`` (see the module docstring)."""
    credentials = data.get("credentials") or []
    if not credentials:
        raise CredentialDataError("a CLR embeds at least one credential")
    for credential in credentials:
        if not isinstance(credential, dict) or not credential.get("proof"):
            raise CredentialDataError("embedded credentials must be signed")
    holder = data.get("holder") or {}
    subject: dict = {"type": ["ClrSubject"]}
    if holder.get("id"):
        subject["id"] = holder["id"]
    subject["identifier"] = identity_objects(holder)
    subject["verifiableCredential"] = [copy.deepcopy(c) for c in credentials]
    achievements = [achievement(item, []) for item in data.get("achievements") or []]
    if achievements:
        subject["achievement"] = achievements
    known = {item["id"] for item in achievements} | {
        (c.get("credentialSubject") or {}).get("achievement", {}).get("id")
        for c in credentials
    }
    associations = [association(item) for item in data.get("associations") or []]
    for item in associations:
        if item["sourceId"] not in known or item["targetId"] not in known:
            raise CredentialDataError("an association names an unknown achievement")
    if associations:
        subject["association"] = associations
    if not data.get("name"):
        raise CredentialDataError("credential.name is required")
    document = {
        "@context": [VC_V2_CONTEXT, CLR_CONTEXT, OB3_CONTEXT],
        "id": data.get("id") or f"urn:uuid:{uuid.uuid4()}",
        "type": list(CLR_TYPE),
        "issuer": issuer_profile(data.get("issuer") or {}),
        "validFrom": timestamp(data.get("valid_from")),
        "name": data["name"],
    }
    if data.get("description"):
        document["description"] = data["description"]
    document["credentialSubject"] = subject
    document["credentialSchema"] = [dict(item) for item in CLR_CREDENTIAL_SCHEMA]
    return document
