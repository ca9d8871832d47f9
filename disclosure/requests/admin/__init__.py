"""The handlers' desk in the Wagtail admin: the queue, each request's page with its action forms,
staff registration, the 复议/诉讼 register, the notice templates and the dashboard panel.

``viewsets.RequestDeskGroup`` is the menu; ``disclosure.wagtail_hooks`` registers it with the
permission policies of ``permissions`` and the panel of ``panels``. Every change of a request
goes through ``requests.transitions`` or ``requests.intake``: the views only bind forms to them.
"""
