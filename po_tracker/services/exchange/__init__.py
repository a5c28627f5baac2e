"""The logbook in and out of files: JSON interchange, CSV per log, iCalendar.

- ``interchange``: export and import of the whole logbook as one JSON document.
- ``interchange_read``: reading an interchange file, refusing anything unsafe first.
- ``interchange_schema``: checking a document against ``export.schema.json``, fast.
- ``schema_words``: the schemas' formats as checks and their patterns in words.
- ``interchange_check``: the rules the schema cannot say, over the whole document
  (references, repeats, the profile).
- ``interchange_entries``: each kind of entry checked and cleaned by the services' rules.
- ``interchange_staging``: an imported document's entries in a private temporary
  database, so that a file of any size is checked and written in bounded memory.
- ``interchange_match``: which entries of a document the logbook already holds.
- ``interchange_export``: writing the logbook as a document, in canonical order.
- ``interchange_write``: writing a checked document into the logbook in bulk.
- ``csv_format``: each log's CSV columns and how a value becomes a cell and back.
- ``csv_export``: one CSV file per log, safe for spreadsheets.
- ``csv_import``: CSV into one log, all rows checked before any is written.
- ``calendar_export``: deadlines and follow-ups as an iCalendar file.
- ``calendar_history``: what the last calendar export said, to move and cancel events.
- ``calendar_preferences``: the calendar's reminders and renewal lead time.
- ``csv_dates``: the date forms spreadsheets write, read back for sure or refused.
- ``table_csv``: a chart's numbers table as a CSV file.

No imports here: importing the package must not import its modules.
"""
