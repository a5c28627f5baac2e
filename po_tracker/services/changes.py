"""What a write changed, said once: the kinds of data it touched (a log's entries, the
framework, the profile, the journal templates) and, where known, the entries' ids. The
window's one write path sends a ``Changes`` to every page after each write; each page
says which kinds it shows and redraws only when a change concerns it.

Plain data, importing neither the models nor SQLAlchemy: the window imports it at
start-up (an import-linter contract in ``pyproject.toml`` keeps it so)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..vocabulary import LOG_KINDS

# What a write can change besides a log's entries.
AREAS = ("framework", "profile", "journal_templates")
KINDS = frozenset((*LOG_KINDS, *AREAS))
# What a view of the user's standing reads (the dashboard, the charts, the career path):
# every log, the framework and the profile; not the journal's templates.
STANDING_KINDS = frozenset((*LOG_KINDS, "framework", "profile"))

# What else a change to one kind touches: an event creates contacts, a win or a piece of
# feedback names people, a deleted entry loses the journal links that pointed at it.
RELATED = {
    "event": {"contact", "journal"},
    "contact": {"event", "journal", "win", "feedback"},
    "certification": {"journal"},
    "training": {"journal"},
    "rating": {"journal"},
    "experience": {"journal"},
    "goal": {"journal"},
    "win": {"contact", "journal"},
    "feedback": {"contact", "journal"},
}


@dataclass(frozen=True)
class Changes:
    """The kinds a write changed (with what they touch in turn), the ``(kind, id)`` of
    entries it touched where the writer knew them, or ``everything`` after an import
    or a restore replaced data wholesale."""

    kinds: frozenset[str] = frozenset()
    ids: frozenset[tuple[str, int]] = frozenset()
    everything: bool = False

    @classmethod
    def of(cls, *kinds: str, ids: Iterable[tuple[str, int]] = ()) -> Changes:
        """The change to ``kinds`` and what they touch; an unknown kind is a mistake in
        the caller (no page would ever hear of it), so it raises."""
        unknown = set(kinds) - KINDS
        if unknown:
            raise ValueError(f"unknown kind of change: {', '.join(sorted(unknown))}")
        expanded = set(kinds)
        for kind in kinds:
            expanded |= RELATED.get(kind, set())
        return cls(frozenset(expanded), frozenset(ids))

    @classmethod
    def entry(cls, kind: str, entry_id: int | None) -> Changes:
        """One entry of ``kind`` added, edited or deleted (its id when known)."""
        return cls.of(kind, ids=() if entry_id is None else ((kind, entry_id),))

    def concerns(self, watched: Iterable[str] | None) -> bool:
        """Whether a page that shows ``watched`` (None: everything) must redraw."""
        if self.everything:
            return True
        if watched is None:
            return bool(self.kinds)
        return not self.kinds.isdisjoint(watched)

    def __contains__(self, kind: object) -> bool:
        return self.everything or kind in self.kinds

    def __bool__(self) -> bool:
        return self.everything or bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.kinds | other.kinds, self.ids | other.ids, self.everything or other.everything
        )


NOTHING = Changes()
# An import or a restore: every page redraws.
EVERYTHING = Changes(everything=True)
