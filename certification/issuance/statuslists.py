"""Status-list indexes and the published Bitstring Status List credentials.

Each issuer has three lists: ``message`` (2 bits a credential: valid,
suspended, revoked; the one credentials name since Open Badges 3.0 allows a
single ``credentialStatus``), and the 1-bit ``revocation`` and ``suspension``
lists that credentials issued before name. A credential gets one random
index, the same in every list; the pair (issuer, index) is unique in the
database. New indexes come from the upper half of the message list's slots,
and bit ``i`` of that list flags index ``i`` as suspended or revoked for
readers that ignore ``statusSize`` (see ``allocation_range``). The bits are
always derived from the credentials' statuses, so publishing is idempotent
and a lost update cannot leave a wrong bit behind.
"""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction

from certification.credentials.keys import issuer_did
from certification.credentials.openbadge import credential_sign_for_issuer
from certification.credentials.proof import utc_timestamp
from certification.credentials.statuslist import (
    LIFECYCLE_STATUS_SIZE,
    STATUS_REVOKED,
    STATUS_SUSPENDED,
    Bitstring,
    status_list_credential,
)
from certification.models import (
    Credential,
    CredentialStatus,
    Issuer,
    StatusList,
    StatusPurpose,
)

from .links import status_list_url

# Which statuses set the bit of each purpose.
PURPOSE_STATUSES = {
    StatusPurpose.REVOCATION: (CredentialStatus.REVOKED,),
    StatusPurpose.SUSPENSION: (CredentialStatus.SUSPENDED,),
}
# The 2-bit value of each status in the ``message`` list (0 for the others).
MESSAGE_VALUES = {
    CredentialStatus.SUSPENDED: STATUS_SUSPENDED,
    CredentialStatus.REVOKED: STATUS_REVOKED,
}


def issuer_key_code(issuer: Issuer) -> str:
    """The folder of the issuer's keys (``IssuerProfile.key_code`` or country)."""
    try:
        return issuer.credential_profile.code
    except Issuer.credential_profile.RelatedObjectDoesNotExist:
        return issuer.country_id.upper()


def status_lists_ensure(issuer: Issuer) -> dict[str, StatusList]:
    """The issuer's three lists, created and published when missing (here, on
    the write path of issuance, so that reading a list never writes)."""
    lists = _lists_get_or_create(issuer)
    unpublished = [p for p, row in lists.items() if row.published is None]
    for purpose in unpublished:
        status_list_publish(issuer, purpose)
        lists[purpose].refresh_from_db()
    return lists


def _lists_get_or_create(issuer: Issuer) -> dict[str, StatusList]:
    lists = {}
    for purpose in StatusPurpose.values:
        try:
            with transaction.atomic():
                lists[purpose], _ = StatusList.objects.get_or_create(
                    issuer=issuer, purpose=purpose
                )
        except IntegrityError:  # created concurrently
            lists[purpose] = StatusList.objects.get(issuer=issuer, purpose=purpose)
    return lists


def allocation_range(entries: int) -> tuple[int, int]:
    """The indexes ``[low, high)`` given to new credentials: the upper half of
    the ``entries`` 2-bit slots of the message list, i.e. ``[L/4, L/2)`` with
    ``L = 2 * entries`` its length in bits.

    Bit ``i`` of the list (what a reader ignoring ``statusSize`` reads for
    index ``i``) then lies in a slot of the lower half, which no new
    credential gets, so it can carry a 1-bit "suspended or revoked" flag.
    """
    length = entries * LIFECYCLE_STATUS_SIZE
    return length // 4, length // 2


def status_index_allocate(credential: Credential) -> int:
    """Give ``credential`` a random free index of its issuer's lists.

    Random (not sequential) indexes, as the specification recommends, so a
    position reveals nothing about the order of issue; drawn from
    :func:`allocation_range`. The issuer's revocation list row is locked while
    choosing; the unique constraint backs it up. Credentials issued before keep
    their indexes (anywhere in the list).
    """
    if credential.status_index is not None:
        return credential.status_index
    lists = status_lists_ensure(credential.issuer)
    with transaction.atomic():
        lock = StatusList.objects.select_for_update().get(
            pk=lists[StatusPurpose.REVOCATION].pk
        )
        used = Credential.objects.filter(issuer_id=credential.issuer_id)
        low, high = allocation_range(lock.size_bits)
        while True:
            index = low + secrets.randbelow(high - low)
            # Neither the index nor the slot holding bit ``index`` of the
            # message list (a credential issued before this layout) is taken.
            if not used.filter(status_index__in=(index, index // 2)).exists():
                break
        Credential.objects.filter(pk=credential.pk).update(status_index=index)
    credential.status_index = index
    return index


def status_list_build(status_list: StatusList) -> dict:
    """The signed BitstringStatusListCredential for the list's current bits."""
    if status_list.purpose == StatusPurpose.MESSAGE:
        bits = Bitstring(status_list.size_bits * LIFECYCLE_STATUS_SIZE)
        rows = list(
            Credential.objects.filter(
                issuer_id=status_list.issuer_id,
                status__in=list(MESSAGE_VALUES),
                status_index__isnull=False,
            ).values_list("status_index", "status")
        )
        for index, status in rows:
            bits.set_value(index, MESSAGE_VALUES[status], LIFECYCLE_STATUS_SIZE)
        _message_flags_set(bits, status_list, [index for index, _ in rows])
    else:
        bits = Bitstring(status_list.size_bits)
        indexes = Credential.objects.filter(
            issuer_id=status_list.issuer_id,
            status__in=PURPOSE_STATUSES[status_list.purpose],
            status_index__isnull=False,
        ).values_list("status_index", flat=True)
        bits.set_many(indexes)
    code = issuer_key_code(status_list.issuer)
    unsigned = status_list_credential(
        credential_id=status_list_url(code, status_list.purpose),
        issuer=issuer_did(code),
        bitstring=bits,
        purpose=status_list.purpose,
        valid_from=utc_timestamp(),
        name=f"{status_list.issuer.name}: {status_list.get_purpose_display()}",
    )
    return credential_sign_for_issuer(unsigned, issuer_code=code)


def _message_flags_set(
    bits: Bitstring, status_list: StatusList, indexes: list[int]
) -> None:
    """Set bit ``i`` of the message list for each suspended or revoked index
    ``i`` of :func:`allocation_range`, for readers that read one bit whatever
    ``statusSize`` says. A bit inside the slot of a credential issued before
    this layout (never the case for the range's own credentials) is left to
    that credential's 2-bit status."""
    low, high = allocation_range(status_list.size_bits)
    flagged = [index for index in indexes if low <= index < high]
    if not flagged:
        return
    taken = set(
        Credential.objects.filter(
            issuer_id=status_list.issuer_id,
            status_index__in={index // 2 for index in flagged},
        ).values_list("status_index", flat=True)
    )
    for index in flagged:
        if index // 2 not in taken:
            bits.set(index)


def status_list_publish(issuer: Issuer, purpose: str | None = None) -> None:
    """Regenerate and store the published list(s) of ``issuer`` (on every
    status change; see ``certification.issuance.lifecycle``)."""
    _lists_get_or_create(issuer)
    with transaction.atomic():
        # The lock serialises publishers: each one reads the statuses committed
        # before it, so the last list written is never older than the data.
        rows = StatusList.objects.select_for_update().filter(issuer=issuer)
        if purpose is not None:
            rows = rows.filter(purpose=purpose)
        for status_list in rows.select_related("issuer"):
            status_list.published = status_list_build(status_list)
            status_list.save(update_fields=["published", "updated_at"])


def status_list_get(issuer_code: str, purpose: str) -> dict | None:
    """The published list credential for ``issuer_code`` and ``purpose``.

    Read-only: a list never published (created before lists were published on
    creation) is built and signed for this answer, not stored.
    """
    if purpose not in StatusPurpose.values:
        return None
    for status_list in StatusList.objects.filter(purpose=purpose).select_related(
        "issuer", "issuer__credential_profile"
    ):
        if issuer_key_code(status_list.issuer).lower() == issuer_code.lower():
            if status_list.published is None:
                return status_list_build(status_list)
            return status_list.published
    # An issuer whose lists predate the ``message`` list (it has lists of the
    # other purposes, so keys and credentials): its message list is built for
    # this answer, not stored; the next status change or issuance creates and
    # publishes it.
    issuers = Issuer.objects.filter(status_lists__isnull=False).distinct()
    for issuer in issuers.select_related("credential_profile"):
        if issuer_key_code(issuer).lower() == issuer_code.lower():
            return status_list_build(StatusList(issuer=issuer, purpose=purpose))
    return None
