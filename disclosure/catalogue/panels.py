"""Editor panels of the catalogue item."""

import json

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import InlinePanel


class InterpretedPoliciesPanel(InlinePanel):
    """The 政策解读 links (本解读对应的政策文件), shown only while the item is a 解读.

    The panel is always rendered, hidden when the item is not a 解读, rather than skipped with
    ``is_shown``: its formset must still post, and a script shows it as soon as the editor picks
    a 解读 genre or category. What counts as a 解读 is the form's to say.
    """

    class BoundPanel(InlinePanel.BoundPanel):
        class Media:
            js = ["disclosure/interpretation_panel.js"]

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self._decides() and not self.form.is_interpretation() and self.form.has_saved_interpretation_links():
                self.help_text = _(
                    "This item is not marked as an interpretation (genre or category 解读): "
                    "these links are removed when it is saved, unless you mark it as one."
                )

        def _decides(self):
            return self.form is not None and hasattr(self.form, "interpretation_markers")

        @property
        def attrs(self):
            attrs = dict(super().attrs)
            if not self._decides():
                return attrs
            markers = self.form.interpretation_markers
            attrs["data-interpretation-panel"] = True
            attrs["data-interpretation-genres"] = json.dumps(sorted(markers.genres))
            attrs["data-interpretation-categories"] = json.dumps(sorted(markers.categories))
            # Links saved on an item not marked as a 解读 stay in view, with the warning above; so do
            # errors in the links, which an editor could not otherwise find.
            attrs["hidden"] = not (
                self.form.is_interpretation() or self.form.has_saved_interpretation_links() or self._has_errors()
            )
            return attrs

        def _has_errors(self):
            return self.formset.is_bound and not self.formset.is_valid()
