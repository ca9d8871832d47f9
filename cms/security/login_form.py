"""The admin's login form with a Chinese label on the password field.

Wagtail's ``LoginForm`` declares the password field without a label, so Django shows the field's
name, "Password", untranslated on the one admin page every user sees first.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class ChineseLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
