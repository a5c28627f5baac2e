"""Readiness over time: the overall score toward the target stage, month by month, with
its components as lines, or stacked as weighted shares that add up to the overall."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.transforms import offset_copy

from . import registry
from ._common import (
    chart,
    date_axis,
    message_figure,
    month_numbers,
    new_figure,
    set_title,
    style_axes,
)
from .data import ReadinessHistoryData
from .theme import FONT_NOTE, FONT_TICK, Theme

TITLE = registry.title("readiness")
STYLES = ("--", "-.", ":", (0, (5, 1, 1, 1, 1, 1)), (0, (3, 1)))
# The overall line's end label: its gap from the line, and the room it takes, in points
# (a bold DejaVu Sans character is at most ~0.7 of the font size wide).
END_LABEL_GAP = 6
END_LABEL_POINTS = END_LABEL_GAP + 0.7 * FONT_TICK * len("100 %") + 6


def _lines(ax, x, data: ReadinessHistoryData, theme: Theme) -> None:
    for i, (name, values) in enumerate(data.components.items()):
        ax.plot(
            x,
            values,
            color=theme.colour(i + 1),
            linewidth=1.6,
            linestyle=STYLES[i % len(STYLES)],
            label=name,
        )


def _stacked(ax, x, data: ReadinessHistoryData, theme: Theme) -> None:
    names = list(data.components)
    shares = np.array(
        [np.asarray(data.components[n], float) * data.weights.get(n, 0) / 100 for n in names]
    )
    ax.stackplot(
        x,
        shares,
        labels=[f"{n} ({data.weights.get(n, 0):g} %)" for n in names],
        colors=[theme.colour(i + 1) for i in range(len(names))],
        alpha=0.55,
    )


def _overall(ax, x, data: ReadinessHistoryData, theme: Theme) -> None:
    ax.plot(
        x,
        data.overall,
        color=theme.current,
        linewidth=3.2,
        label="Overall",
        zorder=5,
        marker="o" if len(x) == 1 else None,
    )
    last = data.overall[-1]
    ax.annotate(
        f"{last:.0f} %",
        (x[-1], last),
        xytext=(END_LABEL_GAP, 0),
        textcoords="offset points",
        va="center",
        fontweight="bold",
        color=theme.current,
        annotation_clip=False,
    )


@chart
def build(data: ReadinessHistoryData, theme: Theme, size) -> Figure:
    if not data.months or data.target_stage is None:
        return message_figure(
            size,
            theme,
            TITLE,
            "Pick a target stage, then log for a month or more to see your readiness change.",
            "On the Career path page, choose a stage and press “Set as my target”.",
        )
    figure = new_figure(size, theme)
    ax = figure.add_subplot()
    x = month_numbers(data.months)
    stacked = data.stacked and data.weights is not None
    (_stacked if stacked else _lines)(ax, x, data, theme)
    _overall(ax, x, data, theme)
    ax.set_ylim(0, 100)
    ax.set_ylabel("Readiness (%)")
    style_axes(ax, theme)
    span = (data.months[-1] - data.months[0]).days
    date_axis(ax, span_days=span)
    if len(x) == 1:
        ax.set_xlim(x[0] - 20, x[0] + 40)
    # The legend starts past the overall line's end label ("100 %", bold), whatever the
    # chart's size: its offset is in points, as the label's width is.
    past_label = offset_copy(ax.transAxes, fig=figure, x=END_LABEL_POINTS, units="points")
    ax.legend(
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        bbox_transform=past_label,
        title="Component" if not stacked else "Weighted share",
        alignment="left",
    )
    how = "weighted shares stacked" if stacked else "each component on its own"
    set_title(figure, TITLE, f"Toward {data.target_stage}, monthly; {how}")
    if stacked:
        ax.text(
            0,
            -0.1,
            "The stacked shares add up to the overall line.",
            transform=ax.transAxes,
            fontsize=FONT_NOTE,
            va="top",
        )
    return figure
