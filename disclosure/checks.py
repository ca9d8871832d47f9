"""System checks for what the environment must provide (``deploy=True`` ones run by ``manage.py check --deploy``)."""

from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

from .reports import deadlines
from .requests.redaction import server_draws_unembedded_chinese


@checks.register(checks.Tags.compatibility, deploy=True)
def chinese_font_for_redaction(app_configs=None, **kwargs):
    """Redaction redraws a marked page as an image: without a Chinese font on the server, text in
    fonts the PDF does not embed would come out blank (nothing leaks, but the reply loses text)."""
    if server_draws_unembedded_chinese():
        return []
    return [
        checks.Warning(
            _("No Chinese font is installed: redacted PDF pages whose fonts are not embedded would lose their text."),
            hint=_("Install a CJK font package, e.g. apt-get install fonts-noto-cjk (or fonts-wqy-zenhei)."),
            id="disclosure.W001",
        )
    ]


@checks.register()
def report_deadline_settings(app_configs=None, **kwargs):
    """The annual report's deadlines come from the environment: a date that cannot be read is said at
    start-up, not on the dashboard on the first morning of the reporting season."""
    try:
        deadlines.check_settings()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="disclosure.E001")]
    return []
