"""The stage graph as plain data for the Career path page and the career-map chart:
stages, moves, the user's current and target stage and the route between them, and a
layered layout both draw from."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Stage, StageMove
from . import profile
from .career_route import route


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


def stage_graph(session: Session, as_of: date) -> StageGraph:
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
    found = route(session, as_of)
    return StageGraph(
        stages=stages,
        moves=moves,
        current=standing.current_stage_slug,
        target=standing.target_stage_slug,
        route=tuple(step.slug for step in found.steps),
        reachable=found.reachable,
    )


def layers(graph: StageGraph) -> dict[str, tuple[int, int]]:
    """(layer, row) for every stage: the layer is the longest chain of moves leading to
    it (so every move points to a later layer), rows keep the framework's order with
    the ladder first. Stages in a cycle, which a user's framework may have, are placed
    by breadth-first order instead."""
    order = {stage.slug: index for index, stage in enumerate(graph.stages)}
    incoming: dict[str, list[str]] = {slug: [] for slug in order}
    outgoing: dict[str, list[str]] = {slug: [] for slug in order}
    for source, target in graph.moves:
        incoming[target].append(source)
        outgoing[source].append(target)
    depth = {slug: 0 for slug in order}
    pending = {slug: len(incoming[slug]) for slug in order}
    queue = deque(slug for slug in order if pending[slug] == 0)
    seen = set()
    while queue:
        slug = queue.popleft()
        seen.add(slug)
        for target in outgoing[slug]:
            depth[target] = max(depth[target], depth[slug] + 1)
            pending[target] -= 1
            if pending[target] == 0:
                queue.append(target)
    for slug in order:  # in a cycle: one past its deepest placed predecessor
        if slug not in seen:
            placed = [depth[p] for p in incoming[slug] if p in seen]
            depth[slug] = (max(placed) + 1) if placed else 0
    path_rank = {"ladder": 0}
    by_layer: dict[int, list[str]] = {}
    for stage in sorted(graph.stages, key=lambda s: (path_rank.get(s.path, 1), order[s.slug])):
        by_layer.setdefault(depth[stage.slug], []).append(stage.slug)
    return {
        slug: (layer, row) for layer, slugs in by_layer.items() for row, slug in enumerate(slugs)
    }
