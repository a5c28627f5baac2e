"""Skill radar: current levels against the target stage, with an earlier snapshot and
others' view where others gave levels."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from . import registry
from ._common import PlacedLayout, chart, fmt_date, header, message_figure, wrap
from .data import RadarData
from .theme import FONT_LABEL, FONT_LEGEND, FONT_NOTE, FONT_TICK, Theme

MAX_LEVEL = 5
LABEL_PAD = 12  # points between the outer ring and a skill label
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
    ax.set_xticks(theta)
    for angle, name, value in zip(theta, data.skills, data.current, strict=True):
        # Screen direction of the spoke: clockwise from the top.
        x, y = math.sin(angle), math.cos(angle)
        label = wrap(name, width) + ("\n(not rated)" if value is None else "")
        text = ax.annotate(
            label,
            xy=(angle, MAX_LEVEL),
            xytext=(LABEL_PAD * x, LABEL_PAD * y),
            textcoords="offset points",
            annotation_clip=False,
            fontsize=fontsize,
            ha="center" if abs(x) < 0.2 else ("left" if x > 0 else "right"),
            va="center" if abs(y) < 0.3 else ("bottom" if y > 0 else "top"),
            color=theme.muted if value is None else theme.text,
            linespacing=1.1,
        )
        text.set_gid(f"skill-label:{name}")
        text.spoke = (x, y)


def spread_labels(ax, renderer) -> None:
    """Move skill labels apart, away from the equator, until none overlaps another.

    Neighbouring spokes near the top and bottom are close and their labels wide, so long
    names like "Cross-functional collaboration (...)" would collide there.

    Each label is measured once: moving it changes its offset only, so its box moves by
    the same amount. (Measuring text is most of a layout's time; a label could be
    measured up to 13 times here.)"""
    labels = [t for t in ax.texts if hasattr(t, "spoke")]
    for text in labels:
        x, y = text.spoke
        text.xyann = (LABEL_PAD * x, LABEL_PAD * y)
    # The upper half first, then the lower half moving down from it too: on a small
    # figure the labels either side of the equator can meet.
    placed: list = []
    for sign in (1, -1):
        half = sorted((t for t in labels if t.spoke[1] * sign > 0), key=lambda t: abs(t.spoke[1]))
        for text in half:
            box = text.get_window_extent(renderer)
            for _ in range(12):
                padded = box.expanded(1.0, 1.08)
                hit = next((b for b in placed if b.overlaps(padded)), None)
                if hit is None:
                    break
                shift = (hit.y1 - padded.y0) if sign > 0 else (padded.y1 - hit.y0)
                points = (shift + 6) * 72 / renderer.dpi
                text.xyann = (text.xyann[0], text.xyann[1] + sign * points)
                box = box.translated(0, sign * points * renderer.dpi / 72)
            placed.append(box)


def gaps(data: RadarData) -> list[tuple[str, float, int]]:
    """Skills below their target level, the largest gap first: (name, now, target)."""
    if data.target is None:
        return []
    rows = [
        (name, 0.0 if now is None else float(now), want)
        for name, now, want in zip(data.skills, data.current, data.target, strict=True)
        if want is not None and (now is None or now < want)
    ]
    return sorted(rows, key=lambda r: (r[1] - r[2], r[0]))


def _side_panel(ax, data: RadarData, handles, theme: Theme) -> None:
    ax.axis("off")
    legend = ax.legend(handles=handles, loc="upper left", fontsize=FONT_LEGEND, borderaxespad=0)
    rows = gaps(data)
    if data.target is None:
        text = "Pick a target stage to compare your levels with it."
    elif not rows:
        text = "Every skill is at or above the target level."
    else:
        lines = [f"{wrap(n, 30)}: {_level(now)} → {want}" for n, now, want in rows[:6]]
        if len(rows) > 6:
            lines.append(f"and {len(rows) - 6} more")
        text = "\n".join(lines)
    # Placed under the legend, however many lines it has (others' view adds one), so
    # the two never overlap.
    anchor = legend
    if rows:
        anchor = _below(ax, anchor, "Below target", 12, fontsize=FONT_LABEL, fontweight="bold")
    _below(ax, anchor, text, 6 if rows else 12, fontsize=FONT_LABEL - 1, linespacing=1.35)


def _below(ax, anchor, text: str, gap: float, **style):
    """``text`` ``gap`` points under ``anchor`` (an artist), left-aligned with it."""
    return ax.annotate(
        text, xy=(0, 0), xycoords=anchor, xytext=(0, -gap), textcoords="offset points",
        ha="left", va="top", **style,
    )  # fmt: skip


def _level(value: float) -> str:
    return "not rated" if value == 0 else f"{value:g}"


def fit_polar(ax, area: tuple[float, float, float, float], renderer) -> None:
    """Size and centre a polar axes so that it and its outside labels fill ``area``
    (x0, y0, x1, y1 in figure fractions). The labels keep their size in points while the
    circle scales, so two passes of measuring settle it."""
    figure = ax.get_figure(root=True)
    width_in, height_in = figure.get_size_inches()
    x0, y0, x1, y1 = area
    ax.set_position([x0, y0, x1 - x0, y1 - y0])
    for _ in range(2):
        ax.apply_aspect()
        spread_labels(ax, renderer)
        pos = ax.get_position()
        tight = ax.get_tightbbox(renderer).transformed(figure.transFigure.inverted())
        extra_w = (tight.width - pos.width) * width_in
        extra_h = (tight.height - pos.height) * height_in
        side = max(0.5, min((x1 - x0) * width_in - extra_w, (y1 - y0) * height_in - extra_h))
        left = x0 + ((x1 - x0) - (side + extra_w) / width_in) / 2 + (pos.x0 - tight.x0)
        bottom = y0 + ((y1 - y0) - (side + extra_h) / height_in) / 2 + (pos.y0 - tight.y0)
        ax.set_position([left, bottom, side / width_in, side / height_in])
    ax.apply_aspect()
    spread_labels(ax, renderer)


def _panel_inches(panel, width_in: float, renderer) -> float:
    """The side panel's width: a third of the figure up to 3.2 in, wider when the legend
    or the gap list needs it (a narrow window), but never more than 45 %."""
    parts = [panel.get_legend(), *panel.texts]
    need = max((p.get_window_extent(renderer).width for p in parts if p), default=0.0)
    need_in = need / panel.get_figure(root=True).dpi + 0.1
    return min(max(min(3.2, 0.32 * width_in), need_in), 0.45 * width_in)


def _placer(polar, panel, header_in: float):
    def place(figure: Figure, renderer) -> None:
        width_in, height_in = figure.get_size_inches()
        panel_w = _panel_inches(panel, width_in, renderer) / width_in
        top = 1 - header_in / height_in
        fit_polar(polar, (0.01, 0.02, 0.98 - panel_w, top - 0.02), renderer)
        panel.set_position([1 - panel_w, 0.04, panel_w - 0.02, top - 0.1])

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
    figure = Figure(figsize=size, facecolor=theme.background)
    header_in = header(figure, TITLE, _subtitle(data))
    polar = figure.add_axes((0.1, 0.1, 0.5, 0.7), projection="polar")
    panel = figure.add_axes((0.7, 0.1, 0.25, 0.7))
    handles = draw(polar, data, theme)
    _side_panel(panel, data, handles, theme)
    figure.set_layout_engine(PlacedLayout(_placer(polar, panel, header_in)))
    return figure
