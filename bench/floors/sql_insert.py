"""Floor (d), writes: the rows of a JSON import, inserted with plain executemany.
``python sql_insert.py ROWS.json EMPTY.sqlite3``: ROWS.json maps each table to its
columns and rows (written by the runner from the generated logbook); EMPTY.sqlite3 is a
copy of a new, empty logbook, so the same triggers fill the same search index. One
transaction, with the app's pragmas; the process's wall time is the figure."""

import json
import sqlite3
import sys

with open(sys.argv[1], encoding="utf-8") as file:
    tables = json.load(file)
connection = sqlite3.connect(sys.argv[2], isolation_level=None)
connection.execute("PRAGMA journal_mode = WAL")
connection.execute("PRAGMA synchronous = FULL")
connection.execute("BEGIN IMMEDIATE")
for table, content in tables.items():
    columns = ", ".join(f'"{c}"' for c in content["columns"])
    marks = ", ".join("?" * len(content["columns"]))
    connection.executemany(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', content["rows"])
connection.execute("COMMIT")
connection.close()
