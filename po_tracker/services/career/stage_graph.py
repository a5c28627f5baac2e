"""The stage graph as plain data for the Career path page and the career-map chart:
stages, moves, the user's current and target stage and the route between them. Both
draw it with the one layout in ``po_tracker.charts.career_layout``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import Stage, StageMove
from ..logbook import profile
from .route import route_slugs


@dataclass(frozen=True)
class StageNode:
    id: int
    slug: str
    name: str
    path: str  # "ladder" or "side"


@dataclass(frozen=True)
class StageGraph:
    stages: tuple[StageNode, ...]
    moves: tuple[tuple[str, str], ...]
    current: str | None
    target: str | None
    route: tuple[str, ...]
    reachable: bool

    def node(self, slug: str) -> StageNode:
        return next(stage for stage in self.stages if stage.slug == slug)


def stage_graph(session: Session, as_of: date | None = None) -> StageGraph:
    """``as_of`` is not used: the graph and its route are the same on every day (the
    readiness of each step, which is not, is not part of the graph)."""
    stages = tuple(
        StageNode(row.id, row.slug, row.name, row.path)
        for row in session.scalars(
            select(Stage).where(Stage.retired.is_(False)).order_by(Stage.position, Stage.id)
        )
    )
    by_id = {stage.id: stage.slug for stage in stages}
    moves = tuple(
        (by_id[a], by_id[b])
        for a, b in session.execute(
            select(StageMove.from_stage_id, StageMove.to_stage_id).order_by(StageMove.id)
        )
        if a in by_id and b in by_id
    )
    standing = profile.get(session)
    route = route_slugs(session)
    return StageGraph(
        stages=stages,
        moves=moves,
        current=standing.current_stage_slug,
        target=standing.target_stage_slug,
        route=route or (),
        reachable=route is not None,
    )
