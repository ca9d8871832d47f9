"""The annual reports' admin: the dashboard panel of deadlines (``panels``) and links to the report screens."""
