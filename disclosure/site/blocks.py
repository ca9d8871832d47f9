from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


def validate_link_address(value):
    """A full http(s) address, or a path on this site (/agencies/?category=3, /#apply)."""
    if value.startswith("/") and not value.startswith("//") and value.isprintable() and " " not in value:
        return
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValidationError(_("Enter an address starting with http://, https:// or /.")) from None


class NavigationLinkBlock(blocks.StructBlock):
    """A header link: to a page of the site (its URL follows moves) or, failing that, to an address."""

    label = blocks.CharBlock(label=_("label"), max_length=20)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.CharBlock(label=_("address"), required=False, max_length=300, validators=[validate_link_address])

    class Meta:
        icon = "link"
        label = _("link")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an address."))}
            )
        return value
