"""Plain-Python services shared by the window and the command line. Each takes a
Session owned by the caller and returns frozen dataclasses, never live ORM objects.

- ``storage/``: the logbook as a file: opening, integrity, backups, the writer lock.
- ``framework/``: the career framework: its document, editing and lookup.
- ``logbook/``: the logs, one service per kind of entry, and what they share.
- ``career/``: readiness, renewal, the route and the status report.
- ``exchange/``: JSON interchange, CSV and iCalendar in and out.
- ``charts_data/``: the data each chart draws.
- ``search/``: full-text search across every log.
- ``errors``, ``validation``, ``dates``: what every service shares.

No imports here: importing the package must not import its modules.
"""
