"""Signals sent by the courses layer. Every signal here is documented; a test
fails when one is not."""

from django.dispatch import Signal

lesson_completed = Signal()
"""Sent once when a learner completes a lesson for the first time.

``sender`` is the ``LessonPage`` class. Arguments: ``user`` (the learner),
``lesson`` (the canonical ``LessonPage``), ``course`` (the canonical
``CoursePage``), ``enrolment`` (the learner's ``Enrolment``).
"""

course_completed = Signal()
"""Sent once when a learner meets a course's completion rule (every live lesson
completed).

``sender`` is the ``CoursePage`` class. Arguments: ``user`` (the learner),
``course`` (the canonical ``CoursePage``), ``enrolment`` (the ``Enrolment``,
whose ``completed_at`` is now set).
"""
