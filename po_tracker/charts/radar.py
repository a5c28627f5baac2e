"""Skill radar: current levels against the target stage, with an earlier snapshot and
others' view where others gave levels."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from . import radar_place, registry
from ._common import PlacedFigure, chart, fmt_date, header, message_figure
from .data import RadarData
from .radar_panel import SidePanel, side_panel
from .text_extent import TextMeasure
from .theme import FONT_NOTE, FONT_TICK, Theme

MAX_LEVEL = 5
TITLE = registry.title("radar")


def levels(values, missing: float = 0.0) -> np.ndarray:
    """Levels as drawn: an unrated skill sits at the centre; a skill the target stage
    does not ask for is NaN, a gap in the target line rather than a dive to zero."""
    return np.array([missing if v is None else float(v) for v in values])


def angles(count: int) -> np.ndarray:
    return np.linspace(0.0, 2 * math.pi, count, endpoint=False)


def draw(ax, data: RadarData, theme: Theme, *, label_width: int = 18, fontsize=FONT_TICK):
    """Draw the radar on a polar axes; returns the legend handles."""
    theta = angles(len(data.skills))
    _frame(ax, theme)
    handles = []
    if data.target is not None:
        target = levels(data.target, math.nan)
        handles.append(_series(ax, theta, target, theme.target, "target", "--", "s"))
        handles[-1].set_label(f"Target: {data.stage_name}" if data.stage_name else "Target")
    if data.earlier is not None:
        # Drawn dashed over "Now" (zorder): where the two agree, "Now" shows through
        # the gaps, and where they differ the earlier one is never hidden.
        line = _series(ax, theta, data.earlier, theme.earlier, "earlier", (0, (4, 3)), "D")
        line.set_zorder(4)
        line.set_markersize(4.5)
        line.set_markerfacecolor("none")  # hollow: the "Now" point shows inside it
        line.set_label(f"On {fmt_date(data.earlier_date)}" if data.earlier_date else "Earlier")
        handles.append(line)
    if data.others is not None:
        # Where nobody gave a level the line has a gap, not a dive to the centre.
        others = levels(data.others, math.nan)
        line = _series(ax, theta, others, theme.others, "others", ":", "^")
        line.set_label("Others' view (12 months)")
        handles.append(line)
    line = _series(ax, theta, data.current, theme.current, "current", "-", "o", fill=True)
    line.set_label(f"Now ({fmt_date(data.as_of)})" if data.as_of else "Now")
    handles.insert(0, line)
    _skill_labels(ax, theta, data, theme, label_width, fontsize)
    return handles


def _frame(ax, theme: Theme) -> None:
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_ylim(0, MAX_LEVEL)
    ax.set_yticks(range(1, MAX_LEVEL + 1))
    ax.set_yticklabels([str(i) for i in range(1, MAX_LEVEL + 1)], fontsize=FONT_NOTE)
    ax.set_rlabel_position(360 / 30)  # between the first two spokes, off every line
    ax.tick_params(axis="y", labelcolor=theme.muted)
    ax.set_xticklabels([])
    ax.grid(True, color=theme.grid)
    ax.spines["polar"].set_color(theme.grid)


def _series(ax, theta, values, colour, gid, style, marker, fill=False) -> Line2D:
    closed = np.append(theta, theta[:1])
    r = levels(values) if not isinstance(values, np.ndarray) else values
    (line,) = ax.plot(
        closed,
        np.append(r, r[:1]),
        linestyle=style,
        marker=marker,
        color=colour,
        linewidth=2.4 if fill else 2.0,
        markersize=6,
        gid=gid,
        zorder=3 if fill else 2,
    )
    if fill:
        ax.fill(closed, np.append(r, r[:1]), color=colour, alpha=0.15, zorder=1)
    return line


def _skill_labels(ax, theta, data: RadarData, theme, width: int, fontsize) -> None:
    """One label per spoke; ``radar_place.fit_polar`` gives each its text, size and
    place when the figure is drawn."""
    ax.set_xticks(theta)
    items = []
    for angle, name, value in zip(theta, data.skills, data.current, strict=True):
        text = ax.annotate(
            name,
            xy=(angle, MAX_LEVEL),
            xytext=(0, 0),
            textcoords="offset points",
            annotation_clip=False,
            fontsize=fontsize,
            color=theme.muted if value is None else theme.text,
            linespacing=1.1,
        )
        text.set_gid(f"skill-label:{name}")
        # Screen direction of the spoke: clockwise from the top.
        x, y = math.sin(angle), math.cos(angle)
        items.append(radar_place.SkillLabel(text, name, value is not None, x, y))
    radar_place.register(ax, radar_place.SkillLabels(items, width, fontsize))


def _placer(polar, panel: SidePanel, header_in: float):
    def place(figure: Figure, renderer) -> None:
        width_in, height_in = figure.get_size_inches()
        measure = TextMeasure(renderer)
        top = 1 - header_in / height_in
        panel.fit_rows((top - 0.1) * height_in * 72, measure)
        panel_w = panel.inches(width_in, measure) / width_in
        panel.axes.set_position((1 - panel_w, 0.04, panel_w - 0.02, top - 0.1))
        radar_place.fit_polar(polar, (0.01, 0.02, 0.98 - panel_w, top - 0.02), measure)

    return place


def _subtitle(data: RadarData) -> str | None:
    parts = [f"As of {fmt_date(data.as_of)}" if data.as_of else ""]
    if data.stage_name:
        parts.append(f"target: {data.stage_name}")
    return " · ".join(p for p in parts if p) or None


@chart
def build(data: RadarData, theme: Theme, size) -> Figure:
    if not data.skills or data.is_empty:
        return message_figure(
            size,
            theme,
            TITLE,
            "Rate your skills to see your radar.",
            "Rate your skills on the Skills page (Self-assessment…).",
        )
    figure = PlacedFigure(figsize=size, facecolor=theme.background)
    header_in = header(figure, TITLE, _subtitle(data))
    polar = figure.add_axes((0.1, 0.1, 0.5, 0.7), projection="polar")
    panel = figure.add_axes((0.7, 0.1, 0.25, 0.7))
    handles = draw(polar, data, theme)
    side = side_panel(panel, data, handles)
    figure.set_place(_placer(polar, side, header_in))
    return figure
