"""The logbook as a file: opening it, keeping it sound, backing it up, one writer at a time.

- ``opening``: creates or opens the logbook, migrated and seeded with the default framework.
- ``integrity``: read-only checks of the file (quick and full) and the schema revision.
- ``logbook_repair``: what ``check`` looks at beyond SQLite's checks; ``--repair``.
- ``checked_open``: the logbook opened behind its checks, with a backup before a migration.
- ``backup``: verified backups: taken, listed, rotated and restored.
- ``backup_destination``: where a backup goes and its name, checked like every export.
- ``backup_rotation``: which backups to keep, and the user's limits for it.
- ``writer_lock``: the lock file that lets one writer (window or command) in at a time.
- ``start_view``: what the dashboard showed, kept so the next start shows it at once.
- ``json_files``: reading a JSON file the user hands in, every fault in plain words.
- ``json_stream``: reading a large JSON file as a stream, each piece checked as it comes.
- ``attachments``: files attached to entries, copied into the data folder.
- ``attachment_upkeep``: those files beyond their entry: tidied, backed up, restored.

No imports here: importing the package must not import its modules.
"""
