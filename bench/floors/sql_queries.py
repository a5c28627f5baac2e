"""Floor (d), reads: raw sqlite3 running the queries the app runs, on the same logbook.
``python sql_queries.py DB "search words" [repeats] [NAME=WORDS ...]``; prints each
query's median time; each NAME=WORDS is the app's search statement again, for other
words (those found only in wins, only in feedback), reported as ``fts_NAME``.

Timed inside the process, after connecting, as the app's interactions are timed inside
the running window: the comparison is sqlite3 against the app's code around the query."""

import json
import re
import sqlite3
import statistics
import sys
import time

TABLES = ("certifications", "trainings", "networking_events", "contacts", "skill_ratings",
          "experience_entries", "journal_entries", "goals")  # fmt: skip
QUERIES = {
    "counts": " UNION ALL ".join(f"SELECT count(*) FROM {t}" for t in TABLES),
    "page_200": "SELECT id, entry_date, title, body FROM journal_entries"
    " ORDER BY entry_date DESC, id DESC LIMIT 200",
    "monthly_sums": "SELECT strftime('%Y-%m', start_date), sum(hours) FROM trainings"
    " GROUP BY 1 ORDER BY 1",
    # The app's search statement (services/search/full_text.py), word for word.
    "fts_match": "SELECT rowid, title, entry_date,"
    " snippet(search_index, -1, '[', ']', '…', 12)"
    " FROM search_index WHERE search_index MATCH ?"
    " ORDER BY bm25(search_index, 4.0, 1.0, 2.0) LIMIT 20",
}


def expression(words: str) -> str:
    quoted = [f'"{word}"' for word in re.findall(r"\w+", words)]
    quoted[-1] += "*"
    return " ".join(quoted)


def timed(connection, sql: str, params, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        connection.execute(sql, params).fetchall()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    path, words = sys.argv[1], sys.argv[2]
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    connection = sqlite3.connect(path)
    result = {}
    for name, sql in QUERIES.items():
        params = (expression(words),) if "?" in sql else ()
        result[name] = timed(connection, sql, params, repeats)
    for extra in sys.argv[4:]:
        name, _, other = extra.partition("=")
        result[f"fts_{name}"] = timed(
            connection, QUERIES["fts_match"], (expression(other),), repeats
        )
    result["done"] = time.monotonic()
    print(json.dumps(result), flush=True)


main()
