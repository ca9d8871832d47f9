"""The one refusal of the report services, shown to the editor as it is."""


class ReportRefused(Exception):
    """``message`` can be shown as it is; ``field`` names the input at fault; ``failures`` lists the
    failing checks when a report cannot be submitted."""

    def __init__(self, message, field=None, failures=()):
        super().__init__(message)
        self.message = message
        self.field = field
        self.failures = tuple(failures)
