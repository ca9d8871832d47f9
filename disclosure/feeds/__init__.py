"""RSS 2.0 and Atom feeds (Django's syndication framework): site-wide, per catalogue, per category, per column.

Every entry comes through the one visibility rule; a feed whose page is not public is a 404.
``subjects`` names what a feed follows, ``entries`` turns public pages into feed entries,
``feeds`` holds the views, ``links`` says which feeds a page announces with ``<link rel="alternate">``.
"""
