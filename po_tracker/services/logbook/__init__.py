"""The user's logs: one service module per kind of entry, and what they share.

- ``certifications``, ``training``, ``events``, ``contacts``, ``experience``, ``goals``,
  ``ratings``, ``journal_entries``, ``wins``, ``feedback_entries``: one kind each, its
  input, its checks and how it writes and reads its rows.
- ``log_kinds``: the table of kinds every generic caller reads (names, table, service).
- ``log_room``: no log grows past the entries an export may hold (checked on save).
- ``certification_renewal``: renewing a held certification, kept as history.
- ``onboarding``: the first steps of a logbook (the welcome, the targets it offers).
- ``crud``: ``LogService``, the create/update/delete/get/list every log shares.
- ``journal_prompts``: prompts and Markdown templates the journal offers.
- ``profile``: the user's current and target stage and readiness weights.
- ``log_tables``: which entries a log's table shows, in which order, as ids.
- ``recent``: what needs attention and what was logged lately, for the dashboard.

No imports here: importing the package must not import its modules.
"""
