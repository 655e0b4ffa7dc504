"""Signals sent inside the transaction of a workflow step, after its row is saved. Apps
above registrations (notifications, evaluations) connect to them instead of being
imported from here; what a receiver writes commits or rolls back with the step.
Every signal is sent with ``sender=<model class>``, the object and ``by`` (the user)."""

from django.dispatch import Signal

registration_submitted = Signal()
registration_returned = Signal()
registration_accepted = Signal()
registration_withdrawn = Signal()
progress_report_submitted = Signal()
# Every step of the lifecycle, with ``step`` (the Step) and ``before`` (the old status).
registration_transitioned = Signal()
