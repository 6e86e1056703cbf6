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
