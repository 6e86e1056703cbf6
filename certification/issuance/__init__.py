"""Credential issuance: records, artefacts, status lists, queues.

Public entry points: ``service.credential_issue`` (and ``credential_bulk_issue``),
``selectors`` for reads; the lifecycle actions (suspend, revoke, expire,
reissue) in ``lifecycle`` and the Celery tasks in ``tasks``.
"""
