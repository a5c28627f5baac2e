"""Career map: the stage graph, with the current stage, the target and the route between
them highlighted.

A hand-coded layered layout (no graph library): ladder stages sit on the middle row in
the order of the moves, side stages in the column after the stage that leads to them,
above and below the ladder, ordered by the rows of their neighbours so that edges cross little.
An edge that would pass through a stage box is bent around it.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ._common import chart, message_figure, new_figure, set_title, wrap
from .data import CareerMapData
from .theme import FONT_LEGEND, FONT_TICK, Theme

TITLE = "Career map"
BOX_W, BOX_H = 0.9, 0.8  # in column and row units


def columns(data: CareerMapData) -> dict[str, int]:
    """Ladder stages: longest-path layering, so the ladder runs left to right. A side stage
    sits one column after the earliest stage that leads to it: a side move that skips
    columns would have to cut through the stacked side stages of the columns between.
    A move that closes a cycle is ignored for layering."""
    order, layer = _topological(data)
    path = {s.slug: s.path for s in data.stages}
    preds = defaultdict(list)
    for a, b in data.moves:
        preds[b].append(a)
    for slug in order:
        if path[slug] != "ladder" and preds[slug]:
            layer[slug] = min(layer[p] for p in preds[slug]) + 1
    return layer


def _topological(data: CareerMapData) -> tuple[list[str], dict[str, int]]:
    succ = defaultdict(list)
    indegree = {s.slug: 0 for s in data.stages}
    for a, b in data.moves:
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


def layout(data: CareerMapData) -> dict[str, tuple[float, float]]:
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


def _fans_out(slug: str, data: CareerMapData, layer) -> bool:
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
        return float(np.mean(known)) if known else 0.0

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


def _bend(start, end, boxes) -> float:
    """Arc of an edge: straight unless the line crosses a box it does not join; then the
    arc that crosses least, the gentlest first."""
    options = (0.0, 0.25, -0.25, 0.45, -0.45, 0.7, -0.7)
    return min(options, key=lambda rad: sum(_crosses(start, end, rad, box) for box in boxes))


def _crosses(start, end, rad, box) -> int:
    (x0, y0), (x1, y1) = start, end
    # The control point matplotlib's arc3 uses, then samples along the quadratic curve.
    cx = (x0 + x1) / 2 + rad * (y1 - y0)
    cy = (y0 + y1) / 2 - rad * (x1 - x0)
    t = np.linspace(0.08, 0.92, 40)
    xs = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t**2 * x1
    ys = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t**2 * y1
    bx, by = box
    return int(np.sum((abs(xs - bx) < BOX_W / 2 + 0.04) & (abs(ys - by) < BOX_H / 2 + 0.04)))


def _node(ax, xy, name, role: str, theme: Theme, chars: int):
    face = {"current": theme.current, "target": theme.target}.get(role, theme.panel)
    edge = {"route": theme.current, "ladder": theme.muted}.get(role, face)
    if role == "side":
        edge = theme.grid
    box = FancyBboxPatch(
        (xy[0] - BOX_W / 2, xy[1] - BOX_H / 2),
        BOX_W,
        BOX_H,
        boxstyle="round,pad=0,rounding_size=0.08",
        facecolor=face,
        edgecolor=edge,
        linewidth=2.5 if role in ("route", "current") else 1.2,
        zorder=3,
    )
    ax.add_patch(box)
    strong = role in ("current", "target")
    ax.text(
        *xy,
        wrap(name, chars),
        ha="center",
        va="center",
        zorder=4,
        fontsize=FONT_TICK,
        color="#FFFFFF" if role == "current" else theme.text,
        fontweight="bold" if strong or role == "route" else "normal",
        linespacing=1.05,
    )
    return box


def _roles(data: CareerMapData) -> dict[str, str]:
    roles = {s.slug: s.path if s.path == "ladder" else "side" for s in data.stages}
    roles.update(dict.fromkeys(data.route, "route"))
    if data.target:
        roles[data.target] = "target"
    if data.current:
        roles[data.current] = "current"
    return roles


def _edges(ax, data: CareerMapData, pos, patches, theme: Theme) -> None:
    on_route = set(zip(data.route, data.route[1:], strict=False))
    for a, b in data.moves:
        others = [pos[s] for s in pos if s not in (a, b)]
        highlight = (a, b) in on_route
        ax.add_patch(
            FancyArrowPatch(
                pos[a],
                pos[b],
                patchA=patches[a],
                patchB=patches[b],
                connectionstyle=f"arc3,rad={_bend(pos[a], pos[b], others)}",
                arrowstyle="-|>",
                mutation_scale=16 if highlight else 12,
                color=theme.current if highlight else theme.muted,
                linewidth=3.2 if highlight else 1.1,
                alpha=1.0 if highlight else 0.7,
                zorder=2 if highlight else 1,
            )
        )


def _legend(ax, data: CareerMapData, theme: Theme) -> None:
    def box(face, edge, label):
        return Line2D(
            [],
            [],
            marker="s",
            markersize=13,
            linestyle="",
            markerfacecolor=face,
            markeredgecolor=edge,
            markeredgewidth=2,
            label=label,
        )

    handles = [box(theme.current, theme.current, "You are here")]
    if data.target:
        handles.append(box(theme.target, theme.target, "Target"))
    if data.route:
        handles.append(Line2D([], [], color=theme.current, linewidth=3.2, label="Your route"))
    handles += [
        box(theme.panel, theme.muted, "Ladder stage"),
        box(theme.panel, theme.grid, "Side path"),
    ]
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=5,
        fontsize=FONT_LEGEND,
        handletextpad=0.4,
        columnspacing=1.6,
    )


@chart
def build(data: CareerMapData, theme: Theme, size) -> Figure:
    if not data.stages:
        return message_figure(
            size,
            theme,
            TITLE,
            "Load a career framework to see the map.",
            "Settings, or: po-tracker framework import FILE",
        )
    pos = layout(data)
    figure = new_figure(size, theme)
    ax = figure.add_subplot()
    ax.axis("off")
    cols = max(x for x, _ in pos.values()) + 1
    # Characters per line that fit a box at this figure width.
    chars = max(8, int(size[0] * 0.95 / cols * BOX_W * 72 / (FONT_TICK * 0.64)))
    roles = _roles(data)
    names = {s.slug: s.name for s in data.stages}
    patches = {
        slug: _node(ax, xy, names[slug], roles[slug], theme, chars) for slug, xy in pos.items()
    }
    _edges(ax, data, pos, patches, theme)
    ys = [y for _, y in pos.values()]
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(min(ys) - 0.5, max(ys) + 0.5)
    _legend(ax, data, theme)
    set_title(figure, TITLE, _subtitle(data, names))
    return figure


def _subtitle(data: CareerMapData, names) -> str:
    if not data.current:
        return "Set your current stage to see where you are: po-tracker stage --current STAGE"
    text = f"You are a {names[data.current]}"
    if data.target:
        text += f"; target: {names[data.target]}"
        if data.route:
            text += f" ({len(data.route) - 1} moves)"
    return text
