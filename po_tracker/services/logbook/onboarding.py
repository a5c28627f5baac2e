"""The first steps of a logbook: whether its welcome is still due (kept in the logbook
itself, so every new logbook gets one and a demo never marks the user's own), and which
target stages the welcome may offer from a chosen current stage."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ...models import Setting
from ..career.route import _graph, shortest_path
from ..framework import lookup
from . import profile, recent

WELCOME_KEY = "welcome_done"


def welcome_due(session: Session) -> bool:
    """Due on a logbook that has never shown it, has no target and no entry yet."""
    if session.get(Setting, WELCOME_KEY) is not None:
        return False
    if profile.get(session).target_stage:
        return False
    return not recent.recent_entries(session, limit=1)


def mark_welcome_done(session: Session) -> None:
    session.merge(Setting(key=WELCOME_KEY, value="1"))
    session.flush()


def reachable_targets(session: Session, current: str) -> list[str]:
    """The stages a move sequence leads to from ``current`` (never ``current`` itself),
    in the framework's order: a target the user can actually work toward."""
    start = lookup.stage_id(session, current)
    stages, edges = _graph(session)
    return [
        stage.name
        for stage_id, stage in stages.items()
        if stage_id != start and shortest_path(edges, start, stage_id) is not None
    ]
