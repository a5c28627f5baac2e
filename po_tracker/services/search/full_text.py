"""Full-text search across every log (SQLite FTS5, kept in step by triggers; see
migration 0002 for how an index row encodes its entry)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ...db import connection_of
from ..logbook.log_kinds import KINDS
from ..validation import Checker

KIND_CODES = {kind.search_code: kind.name for kind in KINDS}
_TOKEN = re.compile(r"\w+", re.UNICODE)
MAX_LIMIT = 1000
_STATEMENT = (
    "SELECT rowid, title, entry_date, snippet(search_index, -1, ?, ?, '…', 12)"
    " FROM search_index WHERE search_index MATCH ?"
    " ORDER BY bm25(search_index, 4.0, 1.0, 2.0) LIMIT ?"
)


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: int
    title: str
    snippet: str
    date: str


def match_expression(query: str) -> str:
    """Turn what a person types into a safe FTS5 query: every word must appear, the last
    one (from two letters) may be a prefix, for results as the user types. FTS5
    operators in the input are treated as plain words."""
    words = _TOKEN.findall(query)
    if not words:
        return ""
    quoted = [f'"{word}"' for word in words]
    # A one-letter prefix would match most of a long log and scan the index; from two
    # letters on, the index's prefix tables answer at once.
    if len(words[-1]) >= 2:
        quoted[-1] += "*"
    return " ".join(quoted)


def search(
    session: Session, query: str, limit: int = 20, marks: tuple[str, str] = ("[", "]")
) -> list[SearchHit]:
    """``marks`` open and close each match in the snippet: brackets for a terminal; the
    window asks for control characters that no entry's text contains, and draws them
    as highlights."""
    check = Checker()
    query = check.text("query", query, required=True, limit=500)
    limit = check.number("limit", limit, minimum=1, maximum=MAX_LIMIT, integer=True)
    check.done()
    expression = match_expression(query)
    if not expression:
        return []
    # Straight to the driver: SQLAlchemy's statement and result layers cost as much as
    # the index's own answer on a small log (a search runs at every keystroke).
    rows = connection_of(session).execute(_STATEMENT, (marks[0], marks[1], expression, limit))
    return [
        SearchHit(KIND_CODES[rowid % 16], rowid // 16, title, snip.strip(), day or "")
        for rowid, title, day, snip in rows
    ]
