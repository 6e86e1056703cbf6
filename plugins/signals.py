"""Signals sent by the assessment framework. Every signal is documented."""

from django.dispatch import Signal

attempt_submitted = Signal()
"""Sent when a learner submits an attempt (after it is stored).

``sender`` is the ``plugins.models.Attempt`` class. Arguments: ``attempt``
(the ``Attempt``, status ``awaiting_grading`` or already graded).
"""

attempt_graded = Signal()
"""Sent once when an attempt receives its result, automatically or from the
first assessor, inside the grading transaction.

``sender`` is the ``plugins.models.Attempt`` class. Arguments: ``attempt``
(the graded ``Attempt``; ``attempt.page`` is where it was taken, possibly
``None``), ``passed`` (bool), ``assessor`` (the grading user, or ``None``
when the plugin graded it automatically). The course layer listens to it to
count a passed assessment toward lesson completion.
"""
