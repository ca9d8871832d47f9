"""What the desk announces: listeners (notices, e-mails to the applicant, the report) subscribe here."""

from django.dispatch import Signal

#: Sent after every logged transition, inside its transaction: ``request``, ``event``.
request_transitioned = Signal()
