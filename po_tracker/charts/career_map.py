"""Career map: the stage graph, with the current stage, the target and the route between
them highlighted.

The stages go where ``career_layout`` puts them (the Career path page uses the same
layout); an edge that would pass through a stage box is bent around it.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from . import registry
from ._common import chart, message_figure, new_figure, set_title, wrap
from .career_layout import layout
from .data import CareerMapData
from .theme import FONT_LEGEND, FONT_TICK, Theme

TITLE = registry.title("career-map")
BOX_W, BOX_H = 0.9, 0.8  # in column and row units


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
            "Edit > Career framework… imports one or starts from the default.",
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
        return "Set your current stage on the Career path page (“I am here now”)."
    text = f"You are a {names[data.current]}"
    if data.target:
        text += f"; target: {names[data.target]}"
        if data.route:
            moves = len(data.route) - 1
            text += f" ({moves} move{'' if moves == 1 else 's'})"
    return text
