"""Small helpers every Gongkai app shares (settings, client keys, text), offered through ``disclosure.api``."""
