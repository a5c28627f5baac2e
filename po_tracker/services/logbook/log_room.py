"""No log grows past the number of entries an export may hold (the schema's
``maxItems``, ``limits.MAX_ENTRIES_PER_LOG``), whatever adds the entry: the window, the
command line, or a contact met at an event. Otherwise the app's own export of that log
could not be imported again.

Checked once per flush, for every new entry of a log, so no service can forget it; the
count is SQL's (no row is loaded).
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from .. import limits
from ..errors import ValidationError
from .log_kinds import BY_MODEL


def check_room(session: Session, model, adding: int) -> None:
    """Refuse, in the words of an import of too long a list, ``adding`` more entries
    to the log of ``model`` when that would pass the limit."""
    if adding <= 0:
        return
    stored = session.scalar(select(func.count()).select_from(model)) or 0
    if stored + adding > limits.MAX_ENTRIES_PER_LOG:
        raise ValidationError.single(
            BY_MODEL[model].list_key, limits.too_many(stored + adding, limits.MAX_ENTRIES_PER_LOG)
        )


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context, _instances) -> None:
    new = Counter(type(row) for row in session.new if type(row) in BY_MODEL)
    for model, adding in new.items():
        check_room(session, model, adding)
