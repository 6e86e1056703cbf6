"""The e-mail outbox: notifications recorded with the change they announce.

A service records a ``Notification`` in the same transaction as the state
change it announces (a credential activated, an attempt graded, a reminder
claimed); a Celery task then sends it and marks it sent, and a periodic task
sends whatever is left. See ``lms.notifications.services``.
"""
