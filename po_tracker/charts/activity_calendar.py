"""Activity calendar: a year heatmap of logged activity per day, like a contribution graph,
with the current and longest streaks of active weeks.

Each year strip is one QuadMesh, however many days it holds, so ten years draw fast.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from . import registry
from ._common import chart, fmt_date, message_figure, new_figure, set_title
from .data import ActivityCalendarData
from .streaks import week_streaks
from .theme import FONT_LABEL, FONT_NOTE, FONT_TICK, Theme

TITLE = registry.title("activity")
# Entries per day: 0 | 1 | 2 | 3-4 | 5-7 | 8 or more, one colour each.
BOUNDS = (-0.5, 0.5, 1.5, 2.5, 4.5, 7.5, 1e9)
BIN_LABELS = ("0", "1", "2", "3-4", "5-7", "8+")
MAX_STRIPS = 10
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def strips(start: date, end: date) -> list[tuple[date, date]]:
    """One strip for a range of a year or less, else one per calendar year (latest ten)."""
    if (end - start).days <= 371:
        return [(start, end)]
    years = range(max(start.year, end.year - MAX_STRIPS + 1), end.year + 1)
    return [(max(start, date(y, 1, 1)), min(end, date(y, 12, 31))) for y in years]


def week_grid(counts, first: date, last: date, origin: date | None = None):
    """7 x weeks array of counts (NaN outside first..last) and the Monday of column 0,
    the week of ``origin`` (default: of ``first``)."""
    origin = origin or first
    monday = origin - timedelta(days=origin.weekday())
    weeks = (last - monday).days // 7 + 1
    grid = np.full((7, weeks), np.nan)
    offset = (first - monday).days
    values = [counts.get(first + timedelta(days=k), 0) for k in range((last - first).days + 1)]
    index = np.arange(len(values)) + offset
    grid[index % 7, index // 7] = values
    return grid, monday


def _strip(ax, data, first: date, last: date, theme: Theme, *, year_label: bool) -> None:
    # Year strips start at the week of 1 January, so their months line up.
    origin = date(first.year, 1, 1) if year_label else first
    grid, monday = week_grid(data.counts, first, last, origin)
    cmap = ListedColormap(theme.heat)
    cmap.set_bad(theme.background)
    ax.pcolormesh(
        grid,
        cmap=cmap,
        norm=BoundaryNorm(BOUNDS, cmap.N),
        edgecolors=theme.background,
        linewidth=1.2,
    )
    ax.set_aspect("equal")
    # Year strips share one width, so January lines up and the cells keep one size.
    ax.set_xlim(0, grid.shape[1] if not year_label else 54)
    ax.set_anchor("W")
    ax.set_ylim(7, 0)  # Monday on top
    ax.set_yticks([0.5, 2.5, 4.5], ["Mon", "Wed", "Fri"], fontsize=FONT_NOTE)
    ticks, labels = _month_ticks(first, last, monday)
    ax.set_xticks(ticks, labels, fontsize=FONT_NOTE)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if year_label:
        ax.set_ylabel(str(first.year), fontsize=FONT_TICK, rotation=0, ha="right", va="center")


def _month_ticks(first: date, last: date, monday: date) -> tuple[list[float], list[str]]:
    ticks, labels = [], []
    day = date(first.year, first.month, 1)
    while day <= last:
        if day >= first or day.month == first.month:
            ticks.append(max(0, (max(day, first) - monday).days // 7) + 0.5)
            labels.append(MONTHS[day.month - 1])
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    if len(ticks) > 1 and ticks[1] - ticks[0] < 3:
        # A first month of a week or two: its name would run into the next one's.
        del ticks[0], labels[0]
    return ticks, labels


def _summary(ax, data: ActivityCalendarData, start: date, theme: Theme) -> None:
    ax.axis("off")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    streaks = week_streaks((d for d, n in data.counts.items() if n > 0), data.end)
    shown = [n for d, n in data.counts.items() if start <= d <= data.end and n > 0]
    tiles = (
        (_weeks(streaks.current), "current streak"),
        (_weeks(streaks.longest), "longest streak"),
        (f"{len(shown)} days", f"active ({sum(shown)} entries)"),
    )
    for i, (big, small) in enumerate(tiles):
        ax.text(
            i * 0.24,
            0.62,
            big,
            fontsize=22,
            fontweight="bold",
            va="bottom",
            color=theme.current if i == 0 else theme.text,
        )
        ax.text(i * 0.24, 0.55, small, fontsize=FONT_LABEL, va="top", color=theme.muted)
    _legend(ax, theme)


def _weeks(count: int) -> str:
    return f"{count} week" if count == 1 else f"{count} weeks"


def _legend(ax, theme: Theme) -> None:
    ax.text(0.76, 0.85, "Entries per day", fontsize=FONT_NOTE + 1, va="center")
    for i, (colour, label) in enumerate(zip(theme.heat, BIN_LABELS, strict=True)):
        x = 0.76 + i * 0.04
        ax.add_patch(Rectangle((x, 0.45), 0.03, 0.25, color=colour, ec=theme.grid, lw=0.5))
        ax.text(x + 0.015, 0.38, label, fontsize=FONT_NOTE, ha="center", va="top")


def _monthly(ax, data: ActivityCalendarData, start: date, end: date, theme: Theme) -> None:
    """Entries per month under a single-year calendar: the trend the squares hide."""
    totals: dict[tuple[int, int], int] = {}
    for day, n in data.counts.items():
        if start <= day <= end:
            totals[(day.year, day.month)] = totals.get((day.year, day.month), 0) + n
    keys, month = [], (start.year, start.month)
    while month <= (end.year, end.month):
        keys.append(month)
        month = (month[0] + month[1] // 12, month[1] % 12 + 1)
    values = [totals.get(k, 0) for k in keys]
    ax.bar(range(len(keys)), values, color=theme.current, width=0.7)
    ax.set_xticks(range(len(keys)), [MONTHS[m - 1] for _, m in keys], fontsize=FONT_NOTE)
    ax.set_title("Entries per month", loc="left", fontsize=FONT_TICK)
    ax.grid(True, axis="y", color=theme.grid)
    ax.set_axisbelow(True)


@chart
def build(data: ActivityCalendarData, theme: Theme, size) -> Figure:
    start, end = data.shown_range()
    if not any(n > 0 for d, n in data.counts.items() if start <= d <= end):
        return message_figure(
            size,
            theme,
            TITLE,
            "Log training, events or journal entries to fill your activity calendar.",
            "Add an entry with Ctrl+N on any page; the Journal is a good place to start.",
        )
    parts = strips(start, end)
    figure = new_figure(size, theme)
    single = len(parts) == 1
    ratios = [1.3, 1.1, 0.8] if single else [1] * len(parts) + [0.8]
    grid = figure.add_gridspec(len(ratios), 1, height_ratios=ratios)
    for row, (first, last) in enumerate(parts):
        _strip(figure.add_subplot(grid[row]), data, first, last, theme, year_label=not single)
    if single:
        _monthly(figure.add_subplot(grid[1]), data, start, end, theme)
    _summary(figure.add_subplot(grid[-1]), data, start, theme)
    set_title(
        figure,
        TITLE,
        f"{fmt_date(start)} to {fmt_date(end)}; a week counts as active with at least one entry",
    )
    return figure
