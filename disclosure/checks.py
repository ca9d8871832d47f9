"""System checks for what the environment must provide (run by ``manage.py check --deploy``)."""

from django.core import checks
from django.utils.translation import gettext as _

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
