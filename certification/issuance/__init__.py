"""Credential issuance: records, artefacts, status lists, queues.

Public entry points: ``service.credential_issue`` (and ``credential_bulk_issue``),
``selectors`` for reads; the lifecycle actions live in ``certification.lifecycle``
and the Celery tasks in ``certification.tasks``.
"""
