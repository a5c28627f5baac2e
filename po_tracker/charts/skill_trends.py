"""Skill trends: each skill's rating over time.

A few skills share one axes, so they can be compared; more than four become small
multiples, one panel per skill, because fifteen lines on one axes read as noise.
Ratings are steps (a level holds until the next rating), drawn with one Line2D per skill
whatever the number of ratings.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FixedFormatter, FixedLocator

from . import registry
from ._common import chart, date_axis, message_figure, new_figure, set_title, style_axes, wrap
from .data import TrendData
from .theme import FONT_NOTE, FONT_TICK, Theme

TITLE = registry.title("skill-trends")
SHARED_AXES_MAX = 4


def step_points(points, end: date) -> tuple[np.ndarray, np.ndarray]:
    """Dates as numbers and levels, extended to ``end`` so the last level shows."""
    import matplotlib.dates as mdates

    days = np.fromiter((mdates.date2num(d) for d, _ in points), float, len(points))
    levels = np.fromiter((v for _, v in points), float, len(points))
    last = mdates.date2num(end)
    if last > days[-1]:
        days, levels = np.append(days, last), np.append(levels, levels[-1])
    return days, levels


def _level_axis(ax, theme: Theme, *, labels: bool = True) -> None:
    ax.set_ylim(0.5, 5.5)
    ax.set_yticks(range(1, 6))
    if not labels:
        ax.set_yticklabels([])
    style_axes(ax, theme)


def _shared(figure: Figure, shown, data: TrendData, theme: Theme, end: date) -> None:
    ax = figure.add_subplot()
    styles = ("-", "--", "-.", ":")
    for i, (name, points) in enumerate(shown.items()):
        x, y = step_points(points, end)
        ax.step(
            x,
            y,
            where="post",
            color=theme.colour(i),
            linewidth=2.4,
            linestyle=styles[i % 4],
            label=wrap(name, 40),
        )
        if name in data.targets:
            ax.axhline(
                data.targets[name],
                color=theme.colour(i),
                linewidth=1,
                alpha=0.6,
                linestyle=(0, (1, 3)),
            )
    _level_axis(ax, theme)
    ax.set_ylabel("Level (1-5)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    date_axis(ax, span_days=_span(shown, end))


def _panels(figure: Figure, shown, data: TrendData, theme: Theme, end: date) -> None:
    count = len(shown)
    cols = 5 if count > 12 else (4 if count > 6 else 3)
    rows = math.ceil(count / cols)
    axes = figure.subplots(rows, cols, sharex=True, sharey=True, squeeze=False).ravel()
    span = _span(shown, end)
    # Characters that fit a panel's width at the tick font size, so titles stay in it.
    chars = max(12, int(figure.get_size_inches()[0] / cols * 72 / (FONT_TICK * 0.62)) - 3)
    years = _year_ticks(end - timedelta(days=span), end) if span > 400 else None
    for ax, (name, points) in zip(axes, shown.items(), strict=False):
        x, y = step_points(points, end)
        ax.step(x, y, where="post", color=theme.current, linewidth=2)
        if name in data.targets:
            ax.axhline(data.targets[name], color=theme.target, linewidth=1.5, linestyle="--")
        ax.set_title(wrap(name, chars), fontsize=FONT_TICK, loc="left")
        _level_axis(ax, theme)
        if years is None:
            date_axis(ax, span_days=span, compact=True)
        else:
            ax.xaxis.set_major_locator(FixedLocator(years[0]))
            ax.xaxis.set_major_formatter(FixedFormatter(years[1]))
        ax.tick_params(labelsize=FONT_NOTE)
    for ax in axes[count:]:
        ax.set_visible(False)


def _year_ticks(first: date, end: date) -> tuple[list[float], list[str]]:
    """The ticks ``date_axis`` gives a compact panel (every year, every second one past
    four years), worked out once: fifteen panels asking a date locator each, at every
    layout pass, took most of a second."""
    import matplotlib.dates as mdates

    step = 1 if (end - first).days < 4 * 365 else 2
    years = [y for y in range(first.year + 1, end.year + 1) if y % step == 0]
    return [float(mdates.date2num(date(y, 1, 1))) for y in years], [str(y) for y in years]


def _span(shown, end: date) -> float:
    first = min(points[0][0] for points in shown.values())
    return (end - first).days


@chart
def build(data: TrendData, theme: Theme, size) -> Figure:
    shown = data.shown()
    if not shown:
        return message_figure(
            size,
            theme,
            TITLE,
            "Rate your skills a few times to see how they change.",
            "Rate your skills on the Skills page (Self-assessment…).",
        )
    end = max(points[-1][0] for points in shown.values())
    figure = new_figure(size, theme)
    if len(shown) <= SHARED_AXES_MAX:
        _shared(figure, shown, data, theme, end)
    else:
        _panels(figure, shown, data, theme, end)
    subtitle = "Level 1-5 at each rating"
    if data.targets and data.stage_name and any(name in data.targets for name in shown):
        style = "dotted" if len(shown) <= SHARED_AXES_MAX else "dashed"
        subtitle += f"; {style} lines: target for {data.stage_name}"
    set_title(figure, TITLE, subtitle)
    return figure
