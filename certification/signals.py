"""Signals sent by the certification layer. Every signal here is documented; a
test fails when one is not."""

from django.dispatch import Signal

program_eligible = Signal()
"""Sent once per learner and program, when the learner's current evidence first
demonstrates every unit the program requires.

``sender`` is the ``CertificationProgram`` class. Arguments: ``learner`` (the
user), ``program`` (the ``CertificationProgram``), ``eligibility`` (the new
``ProgramEligibility`` row that records it). Sent inside the transaction that
recorded the deciding evidence: receivers that queue work (credential issuance)
should do so with ``transaction.on_commit``.
"""

program_application_submitted = Signal()
"""Sent when a learner applies to a program (by course or by recognition of prior
learning), once per new application.

``sender`` is the ``ProgramApplication`` class. Arguments: ``application`` (the
``ProgramApplication``), ``missing_units`` (a list of the ``CompetencyUnit``
objects the learner has still to demonstrate, in the program's order). The
assessment layer answers it by offering the assessments for those units.
"""

register_unit_assessments = Signal()
"""Sent by the competency record to collect, from higher layers, the assessments
a learner can take for units still missing (recognition of prior learning).

``sender`` is the ``CompetencyUnit`` class. Arguments: ``learner`` (the user),
``units`` (a list of ``CompetencyUnit``). Each receiver returns a dict mapping a
unit id to a list of offers, each a dict with ``title`` and ``url``. Receivers
must not change state.
"""

credential_issued = Signal()
"""Sent when a credential becomes active: its artefacts all exist and it is
visible to verification. Sent after the activating transaction commits.

``sender`` is the ``Credential`` class. Arguments: ``credential`` (the active
``Credential``).
"""

credential_status_changed = Signal()
"""Sent after a credential changes status (suspended, reinstated, revoked,
expired) or is reissued with new artefacts, once the change is committed and the
issuer's status lists are republished.

``sender`` is the ``Credential`` class. Arguments: ``credential`` (the
``Credential``), ``event`` (the new ``CredentialEvent``: ``kind``,
``from_status``, ``to_status``, ``reason``, ``actor``).
"""
