"""Online interviews (在线访谈) — scheduled live Q&A; built in its own issue."""
