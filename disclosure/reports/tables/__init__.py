"""The computed tables of an agency's own report, one module per table's data source.

``compute`` answers, for one agency and year, every cell of a format whose figure comes from
Gongkai's data: 表三 from the request desk (``applications``), 表四 from the register of
reconsiderations and lawsuits (``appeals``), 表二 from the catalogue (``proactive``) for the
rows the agency has counted there. Totals (``sum`` cells) and figures entered by hand are not
data: ``figures`` derives the first and keeps the second.
"""

from ..formats import schema
from ..period import Period
from . import appeals, applications, proactive


def compute(fmt, agency, year, settings, sources):
    """({cell code: value}, {cell code: source note}).

    ``sources`` maps each cell code to its source once the agency's row settings apply;
    ``settings`` maps 表二 row codes to the agency's ``ReportRowSource``.
    """
    period = Period(year)
    by_source = {source: [] for source in schema.DATA_SOURCES}
    for cell in fmt.cells.values():
        if sources[cell.code] in by_source:
            by_source[sources[cell.code]].append(cell)
    values, notes = {}, {}
    if by_source[schema.REQUESTS]:
        values.update(applications.compute(by_source[schema.REQUESTS], [agency.pk], period))
    if by_source[schema.APPEALS]:
        values.update(appeals.compute(by_source[schema.APPEALS], [agency.pk], period))
    if by_source[schema.CATALOGUE]:
        counted, explained = proactive.compute(by_source[schema.CATALOGUE], agency, period, settings)
        values.update(counted)
        notes.update(explained)
    return values, notes
