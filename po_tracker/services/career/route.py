"""The route from the current stage to the target: the shortest sequence of moves
(breadth-first over the stage graph; retired stages are left out), with the readiness for
each stage on the way. A target that cannot be reached says so, and names the stages
from which it can be.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import Profile, Stage, StageMove
from .readiness import score, weights_of
from .readiness_facts import LogFacts, gather_facts, load_requirements


@dataclass(frozen=True)
class RouteStep:
    stage: str
    slug: str
    readiness: float  # overall readiness for this stage, 0-100


@dataclass(frozen=True)
class Route:
    current: str | None
    target: str | None
    reachable: bool
    steps: tuple[RouteStep, ...]  # current first, target last; empty when unreachable
    reachable_from: tuple[str, ...]  # stages with a route to the target (when unreachable)

    @property
    def stage_names(self) -> tuple[str, ...]:
        return tuple(step.stage for step in self.steps)


def _graph(session: Session) -> tuple[dict[int, Stage], dict[int, list[int]]]:
    stages = {
        row.id: row
        for row in session.scalars(
            select(Stage).where(Stage.retired.is_(False)).order_by(Stage.position, Stage.id)
        )
    }
    edges: dict[int, list[int]] = {stage_id: [] for stage_id in stages}
    moves = session.execute(
        select(StageMove.from_stage_id, StageMove.to_stage_id).order_by(StageMove.id)
    )
    for source, target in moves:
        if source in stages and target in stages:
            edges[source].append(target)
    # Visit neighbours in the order the app lists stages, so ties resolve the same way.
    for targets in edges.values():
        targets.sort(key=lambda stage_id: (stages[stage_id].position, stage_id))
    return stages, edges


def shortest_path(edges: dict[int, list[int]], start: int, goal: int) -> list[int] | None:
    """Fewest moves from ``start`` to ``goal``, or None."""
    previous: dict[int, int | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            path = []
            while node is not None:
                path.append(node)
                node = previous[node]
            return path[::-1]
        for neighbour in edges.get(node, ()):
            if neighbour not in previous:
                previous[neighbour] = node
                queue.append(neighbour)
    return None


def ancestors(edges: dict[int, list[int]], goal: int) -> set[int]:
    """Every stage with some route to ``goal`` (the goal itself excluded)."""
    reverse: dict[int, list[int]] = {}
    for source, targets in edges.items():
        for target in targets:
            reverse.setdefault(target, []).append(source)
    seen, queue = {goal}, deque([goal])
    while queue:
        for source in reverse.get(queue.popleft(), ()):
            if source not in seen:
                seen.add(source)
                queue.append(source)
    return seen - {goal}


class _Found(NamedTuple):
    stages: dict[int, Stage]  # the graph's stages, retired ones left out
    edges: dict[int, list[int]]
    current: Stage | None
    target: Stage | None
    path: list[int] | None  # stage ids, current first; None when there is no route


def _find(session: Session, current_id: int | None, target_id: int | None) -> _Found:
    """The route's stages, without their readiness. Without a current stage, the route
    is the target alone: there is nothing to walk yet. A retired stage is off the graph."""
    stages, edges = _graph(session)
    current = session.get(Stage, current_id) if current_id else None
    target = session.get(Stage, target_id) if target_id else None
    path = None
    if target is not None and target.id in stages:
        path = [target.id] if current is None else shortest_path(edges, current.id, target.id)
    return _Found(stages, edges, current, target, path)


def route_between(
    session: Session,
    current_id: int | None,
    target_id: int | None,
    as_of: date,
    facts: LogFacts | None = None,
) -> Route:
    """The route from ``current_id`` to ``target_id``, each stage with its readiness.
    ``facts``: ``gather_facts`` as of ``as_of``, when the caller has them."""
    stages, edges, current, target, path = _find(session, current_id, target_id)
    if target is None:
        return Route(current.name if current else None, None, False, (), ())
    if path is None:
        names = tuple(stages[i].name for i in stages if i in ancestors(edges, target.id))
        return Route(current.name if current else None, target.name, False, (), names)
    facts = facts if facts is not None else gather_facts(session, as_of)
    weights = weights_of(session)
    steps = []
    for stage_id in path:
        result = score(load_requirements(session, stage_id), facts, weights)
        steps.append(RouteStep(result.stage, result.stage_slug, result.overall))
    return Route(current.name if current else None, target.name, True, tuple(steps), ())


def route(session: Session, as_of: date, facts: LogFacts | None = None) -> Route:
    """The route between the profile's current and target stages."""
    row = session.get(Profile, 1)
    if row is None:
        return Route(None, None, False, (), ())
    return route_between(session, row.current_stage_id, row.target_stage_id, as_of, facts)


def route_slugs(session: Session) -> tuple[str, ...] | None:
    """The slugs of the route between the profile's current and target stages, or None
    when there is none: for drawing the route, which needs no readiness (and so no
    facts of the log)."""
    row = session.get(Profile, 1)
    if row is None:
        return None
    found = _find(session, row.current_stage_id, row.target_stage_id)
    return None if found.path is None else tuple(found.stages[i].slug for i in found.path)
