"""有效性 rules shared by the page editor (``CatalogueItemPage.clean``) and the catalogue import."""

from django.utils.translation import gettext as _


def validity_date_error(generated_date, validity_date):
    """Why ``validity_date`` cannot be right, or None: no document lapses, is repealed or amended before it was written."""
    if generated_date is None or validity_date is None or validity_date >= generated_date:
        return None
    return _(
        "The validity changed on %(date)s, before the document was written (成文日期 %(issued)s); "
        "a document cannot lapse, be repealed or amended before it exists."
    ) % {"date": validity_date.isoformat(), "issued": generated_date.isoformat()}
