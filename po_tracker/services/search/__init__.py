"""Finding entries across every log.

- ``full_text``: full-text search over every log (SQLite FTS5, kept in step by triggers).

No imports here: importing the package must not import its modules.
"""
