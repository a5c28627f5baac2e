"""Where each stage of the career graph goes: one layered layout for the career-map chart
and the Career path page's stage graph, so the picture and the page agree.

Plain Python (no matplotlib, no Qt): ladder stages sit on the middle row in the order of
the moves, side stages in the column after the stage that leads to them, above and below
the ladder, ordered by the rows of their neighbours so that edges cross little.

Anything with ``stages`` (each with ``slug`` and ``path``) and ``moves`` (pairs of slugs)
can be laid out: ``charts.data.CareerMapData`` and ``services.career.stage_graph.StageGraph``.
Rows grow upwards (a side stage above the ladder has a positive row); a screen whose y
axis points down flips the sign.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Protocol


class _Stage(Protocol):
    slug: str
    path: str


class Graph(Protocol):
    stages: Sequence[_Stage]
    moves: Iterable[tuple[str, str]]


def columns(data: Graph) -> dict[str, int]:
    """Ladder stages: longest-path layering, so the ladder runs left to right. A side stage
    sits one column after the earliest stage that leads to it: a side move that skips
    columns would have to cut through the stacked side stages of the columns between.
    A move that closes a cycle is ignored for layering."""
    moves = _forward_moves(data)
    order, layer = _topological(data, moves)
    path = {s.slug: s.path for s in data.stages}
    preds = defaultdict(list)
    for a, b in moves:
        preds[b].append(a)
    for slug in order:
        if path[slug] != "ladder" and preds[slug]:
            layer[slug] = min(layer[p] for p in preds[slug]) + 1
    return layer


def _forward_moves(data: Graph) -> list[tuple[str, str]]:
    """The moves less those that close a cycle (Scrum Master back to Product Owner),
    found by a depth-first walk from the stages in the framework's order, so that the
    layering always works on a graph without cycles."""
    succ = defaultdict(list)
    moves = list(data.moves)
    for a, b in moves:
        succ[a].append(b)
    state: dict[str, int] = {}  # 1: on the walk's path, 2: done
    back = set()

    def visit(node: str) -> None:
        state[node] = 1
        for nxt in succ[node]:
            if state.get(nxt) == 1:
                back.add((node, nxt))
            elif nxt not in state:
                visit(nxt)
        state[node] = 2

    for stage in data.stages:
        if stage.slug not in state:
            visit(stage.slug)
    return [move for move in moves if move not in back]


def _topological(data: Graph, moves) -> tuple[list[str], dict[str, int]]:
    succ = defaultdict(list)
    indegree = {s.slug: 0 for s in data.stages}
    for a, b in moves:
        succ[a].append(b)
        indegree[b] += 1
    layer = dict.fromkeys(indegree, 0)
    ready = [s for s, n in indegree.items() if n == 0]
    order = []
    while ready:
        node = ready.pop()
        order.append(node)
        for nxt in succ[node]:
            layer[nxt] = max(layer[nxt], layer[node] + 1)
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return order + [s for s in layer if s not in order], layer


def layout(data: Graph) -> dict[str, tuple[float, float]]:
    """(column, row) of each stage: ladder on row 0, side stages at +-1, +-2, ..."""
    layer = columns(data)
    neighbours = defaultdict(set)
    for a, b in data.moves:
        neighbours[a].add(b)
        neighbours[b].add(a)
    by_column = defaultdict(list)
    for stage in data.stages:
        by_column[layer[stage.slug]].append(stage)
    rows = {}
    # Where a ladder stage fans out to several side stages in the next column, side
    # stages of its own column start a row further out, leaving the fan a clear path.
    fans = {layer[a] for a, b in data.moves if _fans_out(a, data, layer)}
    for _ in range(3):  # barycentre passes: settle each side stage near its neighbours
        for col in sorted(by_column):
            gap = 2.0 if col in fans else 1.0
            rows.update(_column_rows(by_column[col], neighbours, rows, gap))
    return {slug: (float(layer[slug]), rows[slug]) for slug in layer}


def _fans_out(slug: str, data: Graph, layer) -> bool:
    side = {s.slug for s in data.stages if s.path != "ladder"}
    ladder = slug not in side
    fan = [b for a, b in data.moves if a == slug and b in side and layer[b] == layer[a] + 1]
    return ladder and len(fan) >= 3


def _column_rows(stages, neighbours, rows, gap: float = 1.0) -> dict[str, float]:
    ladder = [s.slug for s in stages if s.path == "ladder"]
    side = [s.slug for s in stages if s.path != "ladder"]
    placed = {slug: float(i) for i, slug in enumerate(ladder)}  # normally just one
    centre = (len(ladder) - 1) / 2 if ladder else 0.0

    def pull(slug: str) -> float:
        known = [rows[n] for n in neighbours[slug] if n in rows and rows[n] != 0]
        return sum(known) / len(known) if known else 0.0

    order = sorted(side, key=lambda s: (-pull(s), s))
    above = len(order) - len(order) // 2 if ladder else len(order)
    slots = [centre + above - 1 + gap - i for i in range(above)]
    slots += [-(i + gap) - centre for i in range(len(order) - above)] if ladder else []
    if not ladder:  # no ladder stage here: centre the column on the middle row
        slots = [(len(order) - 1) / 2 - i for i in range(len(order))]
    placed.update(zip(order, slots, strict=True))
    # A stage pulled to a free row further out goes there: level with its neighbour its
    # edges run straight instead of cutting across the column.
    for slug in order:
        want = float(round(pull(slug)))
        if want and want not in placed.values() and abs(want) > abs(placed[slug]):
            placed[slug] = want
    return placed
