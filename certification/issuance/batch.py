"""Batch issuance: build and activate a chunk of pending credentials at once.

Bulk issuance (a cohort confirmed by an officer, the approval queue) queues
``issue_credentials_batch`` tasks of ``CHUNK_SIZE`` credential ids. A chunk is
read in one query, gets its status-list indexes under one lock, has its
certificates stamped on their template's laid-out background (or rendered in
full where stamping cannot place a field exactly) and signed by the issuer's
batch PAdES signer (a CMS template filled per document), and is activated in
one transaction.

The guarantees are those of ``credential_activate``: files are written before
the records point at them, activation is all-or-nothing per chunk, and
credentials that are no longer pending are skipped, so a rerun after a crash
completes the chunk without duplicating anything.
"""

from __future__ import annotations

import logging
import secrets
from collections import defaultdict

from django.db import connections, router, transaction
from django.utils import timezone

from certification import integrity
from certification.credentials.keys import load_signing_key, verification_method_id
from certification.credentials.openbadge import credential_build, credential_sign
from certification.credentials.vcjwt import credential_to_jwt
from certification.models import (
    Credential,
    CredentialEvent,
    CredentialStatus,
    StatusList,
    StatusPurpose,
)
from certification.notifications import credential_issued_record

from . import pdf
from .artefacts import (
    Artefacts,
    _test_delay,
    artefacts_write,
    mark_active,
    open_badge_data,
)
from .events import credential_issued_announce
from .links import verify_url
from .statuslists import issuer_key_code, status_lists_ensure
from .templates import certificate_context, signatories_context

logger = logging.getLogger(__name__)

# Credentials per task: large enough to share the per-document work, small
# enough that a retry redoes little and a worker's memory stays flat.
CHUNK_SIZE = 25


def chunks(ids: list[int], size: int | None = None) -> list[list[int]]:
    size = size or CHUNK_SIZE
    return [ids[start : start + size] for start in range(0, len(ids), size)]


def rows_update(rows: list, fields: list[str]) -> None:
    """Save ``fields`` of ``rows`` (one model), each row its own values, in one
    ``executemany`` of a plain UPDATE: what ``bulk_update`` does, without
    building a CASE expression per field and row."""
    if not rows:
        return
    model = type(rows[0])
    connection = connections[router.db_for_write(model)]
    meta = model._meta
    quote = connection.ops.quote_name
    columns = [meta.get_field(name) for name in fields]
    assignments = ", ".join(f"{quote(column.column)} = %s" for column in columns)
    sql = (
        f"UPDATE {quote(meta.db_table)} SET {assignments}"
        f" WHERE {quote(meta.pk.column)} = %s"
    )
    params = [
        [
            column.get_db_prep_save(getattr(row, column.attname), connection)
            for column in columns
        ]
        + [row.pk]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def status_indexes_allocate(credentials: list[Credential]) -> None:
    """Random free status-list indexes for ``credentials`` of one issuer,
    chosen under one lock of the issuer's revocation list (as
    ``status_index_allocate`` does for one credential)."""
    missing = [c for c in credentials if c.status_index is None]
    if not missing:
        return
    issuer = missing[0].issuer
    lists = status_lists_ensure(issuer)
    with transaction.atomic():
        lock = StatusList.objects.select_for_update().get(
            pk=lists[StatusPurpose.REVOCATION].pk
        )
        chosen: set[int] = set()
        while len(chosen) < len(missing):
            candidates = {
                secrets.randbelow(lock.size_bits)
                for _ in range(2 * (len(missing) - len(chosen)))
            } - chosen
            taken = set(
                Credential.objects.filter(
                    issuer_id=issuer.pk, status_index__in=candidates
                ).values_list("status_index", flat=True)
            )
            for index in candidates - taken:
                if len(chosen) < len(missing):
                    chosen.add(index)
        indexes = list(chosen)
        secrets.SystemRandom().shuffle(indexes)  # no order of issue in them
        for credential, index in zip(missing, indexes, strict=True):
            credential.status_index = index
        rows_update(missing, ["status_index"])


def artefacts_build_many(credentials: list[Credential]) -> list[Artefacts]:
    """The artefacts of ``credentials`` (same issuer), in their order."""
    code = issuer_key_code(credentials[0].issuer)
    key = load_signing_key(code)
    method = verification_method_id(code)
    signatories = signatories_context(credentials[0].issuer)
    signed, items = [], defaultdict(list)
    for position, credential in enumerate(credentials):
        document = credential_sign(
            credential_build(open_badge_data(credential)),
            private_key=key,
            verification_method=method,
        )
        signed.append(document)
        context = certificate_context(
            credential,
            verify_url=verify_url(credential.public_id),
            signatories=signatories,
        )
        items[credential.template_revision_id].append(
            (position, (context, document, credential.issued_at))
        )
    documents: list[bytes] = [b""] * len(credentials)
    signer = pdf.issuer_signer(credentials[0].issuer)
    jwt_key, jwt_kid = pdf.jwt_signer_for(code)
    for revision_items in items.values():
        revision = credentials[revision_items[0][0]].template_revision
        rendered = pdf.render(
            revision,
            [item for _, item in revision_items],
            signer=signer,
            reasons=[
                f"Certificado {credentials[position].public_id}"
                for position, _ in revision_items
            ],
        )
        for (position, _), data in zip(revision_items, rendered, strict=True):
            documents[position] = data
    return [
        Artefacts(
            credential_json=document,
            jwt=credential_to_jwt(document, private_key=jwt_key, kid=jwt_kid),
            pdf=data,
        )
        for document, data in zip(signed, documents, strict=True)
    ]


def credentials_activate_batch(credential_ids: list[int]) -> list[Credential]:
    """Build the first artefacts of the pending credentials among
    ``credential_ids`` and make them active; return those this call activated.
    """
    pending = list(
        Credential.objects.select_related(
            "issuer",
            "issuer__country",
            "issuer__credential_profile",
            "program",
            "program__standard",
            "template_revision",
            "holder",
        )
        .filter(pk__in=credential_ids, status=CredentialStatus.PENDING)
        .order_by("pk")
    )
    by_issuer = defaultdict(list)
    for credential in pending:
        by_issuer[credential.issuer_id].append(credential)
    activated = []
    for credentials in by_issuer.values():
        status_indexes_allocate(credentials)
        built = artefacts_build_many(credentials)
        names = [
            artefacts_write(credential, 1, artefacts)
            for credential, artefacts in zip(credentials, built, strict=True)
        ]
        _test_delay()
        activated += _activate(credentials, built, names)
    for credential in activated:
        logger.info("credential %s active", credential.public_id)
    return activated


def _activate(credentials, built, names) -> list[Credential]:
    with transaction.atomic():
        locked = Credential.objects.select_for_update().filter(
            pk__in=[c.pk for c in credentials], status=CredentialStatus.PENDING
        )
        rows = {row.pk: row for row in locked}
        now = timezone.now()
        activated, events = [], []
        for credential, artefacts, files in zip(credentials, built, names, strict=True):
            row = rows.get(credential.pk)
            if row is None:
                continue
            mark_active(row, files, artefacts)
            row.updated_at = now
            activated.append(row)
            events.append(
                CredentialEvent(
                    credential=row,
                    kind=CredentialEvent.Kind.ISSUED,
                    from_status=CredentialStatus.PENDING,
                    to_status=row.status,
                    artefact_revision=1,
                    pdf_sha256=row.pdf_sha256,
                )
            )
        fields = [*names[0], "pdf_sha256", "artefact_revision", "status"]
        fields += ["last_error", "updated_at"]
        rows_update(activated, fields)
        CredentialEvent.objects.bulk_create(events)
        credential_issued_record(activated)
        integrity.credential_events_audit(events)
        for row in activated:
            transaction.on_commit(lambda row=row: credential_issued_announce(row))
    return activated
