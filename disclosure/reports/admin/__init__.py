"""年度报告 in the Wagtail admin: the list of reports, starting a year's report, and the report's own
screen (the sections, the tables with their overrides, the 勾稽 checks beside them, recomputing,
the history, a government's members, submitting for review) with a page per figure and one for
the sources of 表二's rows; and the dashboard panel of deadlines (``panels``, ``links``).

``viewsets.AnnualReportViewSet`` is the menu item; ``disclosure.wagtail_hooks`` registers it with
the permission policy of ``permissions``. Every change goes through ``drafting``, ``figures`` or
``submission``: the views only bind forms to them; ``screen`` gathers what the report's screen
shows, without HTTP.
"""
