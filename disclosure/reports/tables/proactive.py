"""表二 (主动公开政府信息情况) from the agency's catalogue, in one aggregate query.

Which items a row counts: the agency's published (live) catalogue items that

- sit in the catalogue category the agency chose for the row (``ReportRowSource.category``,
  that category and everything below it) or carry the 体裁 it chose (``genre``); or, when it
  chose neither,
- sit in a category — or carry a 体裁 — named as the format names the row (规章; 行政规范性文件
  or 规范性文件; 行政许可; 行政处罚; 行政强制 — the names of the default catalogue preset).

What each column counts among them (dates are calendar dates; 发布日期 in the site's zone):

- 本年制发件数 / 本年新制作数量 (``issued``) and 本年处理决定数量 (``decisions``): 成文日期
  (``generated_date``) within the year — a decision is made on the day its document is dated.
- 本年废止件数 (``repealed``): 有效性 废止 or 失效 with its date (``validity_date``) within the year.
- 现行有效件数 (``in_force``): 成文日期 by the year's end and not 废止/失效 by then. A document
  repealed after the year still counts as in force at its end; 已修改 (amended) stays in force;
  废止/失效 without a date is taken as no longer in force.
- 本年新公开数量 (``published``) and 对外公开总数量 (``total_public``), 2019 format: items not
  withheld (公开方式 other than 不予公开) whose 发布日期 is within the year / before its end.

Rows the agency enters by hand (``entered``) and columns the format marks as entered
(上一年项目数量, 本年增/减, 采购…) are not computed here.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from ...catalogue.choices import Validity
from ...catalogue.models import CatalogueCategory, CatalogueItemPage, Genre

NO_LONGER_IN_FORCE = (Validity.REPEALED, Validity.LAPSED)


def measures(period):
    gone = Q(validity__in=NO_LONGER_IN_FORCE)
    within = Q(generated_date__gte=period.start, generated_date__lte=period.end)
    public = CatalogueItemPage.public_q()
    return {
        "issued": within,
        "decisions": within,
        "repealed": gone & Q(validity_date__gte=period.start, validity_date__lte=period.end),
        "in_force": Q(generated_date__lte=period.end)
        & ~(gone & (Q(validity_date__isnull=True) | Q(validity_date__lte=period.end))),
        "published": public & Q(published_at__gte=period.starts_at, published_at__lt=period.ends_before),
        "total_public": public & Q(published_at__lt=period.ends_before),
    }


class _Taxonomy:
    """The agency's category tree and the site's 体裁, read whole once (both are small)."""

    def __init__(self, agency):
        self.categories = {
            pk: (parent, name)
            for pk, parent, name in CatalogueCategory.objects.filter(agency=agency).values_list(
                "pk", "parent_id", "name"
            )
        }
        self.genres = dict(Genre.objects.values_list("name", "pk"))

    def subtree(self, roots):
        found, frontier = set(roots), set(roots)
        while frontier:
            frontier = {pk for pk, (parent, _name) in self.categories.items() if parent in frontier} - found
            found |= frontier
        return found

    def path(self, pk):
        names = []
        while pk is not None and pk in self.categories and len(names) < 20:
            parent, name = self.categories[pk]
            names.append(name)
            pk = parent
        return " / ".join(reversed(names))


def _selection(row, setting, taxonomy):
    """(Q selecting the row's items, what the selection is in words) or (None, words) when nothing matches."""
    if setting is not None and (setting.category_id or setting.genre_id):
        roots = [setting.category_id] if setting.category_id in taxonomy.categories else []
        genres = [setting.genre_id] if setting.genre_id else []
    else:
        roots = [pk for pk, (_parent, name) in taxonomy.categories.items() if name in row.catalogue_names]
        genres = [taxonomy.genres[name] for name in row.catalogue_names if name in taxonomy.genres]
    where = [_("category %(path)s") % {"path": taxonomy.path(pk)} for pk in roots]
    where += [_("genre %(name)s") % {"name": name} for name, pk in taxonomy.genres.items() if pk in genres]
    parts = []
    if roots:
        parts.append(Q(category_id__in=sorted(taxonomy.subtree(roots))))
    if genres:
        parts.append(Q(genre_id__in=genres))
    if not parts:
        return None, _("no catalogue category or genre named %(names)s") % {"names": "、".join(row.catalogue_names)}
    query = parts[0]
    for part in parts[1:]:
        query |= part
    return query, "; ".join(where)


def compute(cells, agency, period, settings):
    """({cell code: count}, {cell code: source note}) for the cells counted from the catalogue.

    ``settings`` maps 表二 row codes to the agency's ``ReportRowSource``.
    """
    taxonomy = _Taxonomy(agency)
    by_measure = measures(period)
    aggregates, values, notes = {}, {}, {}
    for cell in cells:
        selection, where = _selection(cell.row, settings.get(cell.row.code), taxonomy)
        notes[cell.code] = _("Counted from the catalogue: %(where)s.") % {"where": where}
        if selection is None:
            values[cell.code] = 0
        else:
            aggregates[f"c{len(aggregates)}"] = (
                cell.code,
                Count("pk", filter=selection & by_measure[cell.column.measure]),
            )
    if aggregates:
        items = CatalogueItemPage.objects.filter(agency=agency, live=True).order_by()
        found = items.aggregate(**{alias: expression for alias, (_code, expression) in aggregates.items()})
        values.update({code: found[alias] for alias, (code, _expression) in aggregates.items()})
    return values, notes
