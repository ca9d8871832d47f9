"""告知书: the notices the request desk issues, from wording an agency may edit to numbered PDF and Word files.

Front door for the admin and the desk: ``template_for`` (which wording applies), ``PLACEHOLDERS`` /
``placeholders_for`` (help text for editors), ``validate_template_body`` and ``validate_number_pattern``
(for the template form), ``issue_notice`` and ``send``. ``wiring`` issues notices on transitions,
except inside ``notices_suspended()`` (imports of requests whose notices went out on paper).
"""

from .issuing import issue_notice, send
from .placeholders import PLACEHOLDERS, placeholders_for
from .templates import template_for, validate_number_pattern, validate_template_body
from .wiring import notices_suspended

__all__ = [
    "PLACEHOLDERS",
    "issue_notice",
    "notices_suspended",
    "placeholders_for",
    "send",
    "template_for",
    "validate_number_pattern",
    "validate_template_body",
]
