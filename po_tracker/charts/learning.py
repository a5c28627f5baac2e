"""Learning and credits: training and event hours per month by kind; and, for each
credential with a renewal rule, the credits earned in the cycle climbing toward the line
of credits needed, with the expiry date."""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
from matplotlib.figure import Figure

from . import registry
from ._common import (
    chart,
    date_axis,
    fmt_date,
    message_figure,
    month_bar_width,
    month_numbers,
    new_figure,
    set_title,
    style_axes,
)
from .data import CreditCycle, LearningData
from .theme import FONT_NOTE, FONT_TICK, Theme

TITLE = registry.title("learning")
MAX_CREDENTIALS = 4  # the ones expiring first; more would not fit a slide


def stacked_bars(ax, months, table, theme: Theme) -> None:
    """One bar container per kind, however many months: ten years stay fast."""
    x = month_numbers(months)
    bottom = np.zeros(len(x))
    for i, (kind, values) in enumerate(table.items()):
        heights = np.asarray(values, dtype=float)
        ax.bar(
            x,
            heights,
            bottom=bottom,
            width=month_bar_width(months),
            align="edge",
            color=theme.colour(i),
            label=kind,
            linewidth=0,
        )
        bottom += heights
    style_axes(ax, theme)
    date_axis(ax, span_days=(months[-1] - months[0]).days + 31)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), reverse=True)


def _hours(ax, data: LearningData, theme: Theme) -> None:
    stacked_bars(ax, data.months, data.hours, theme)
    ax.set_ylabel("Hours")
    total = sum(sum(v) for v in data.hours.values())
    ax.set_title(f"Hours per month by kind ({total:,.0f} h in all)", loc="left")


def _cycle(ax, cycle: CreditCycle, as_of, theme: Theme) -> None:
    done = cycle.credits_earned >= cycle.credits_needed
    colour = theme.good if done else theme.current
    if cycle.cumulative:
        days = [cycle.cycle_start] + [d for d, _ in cycle.cumulative]
        credits = [0.0] + [c for _, c in cycle.cumulative]
        ax.step(mdates.date2num(days), credits, where="post", color=colour, linewidth=2.4)
    ax.plot(
        mdates.date2num([as_of or cycle.cycle_start]),
        [cycle.credits_earned],
        "o",
        color=colour,
        markersize=7,
    )
    ax.axhline(cycle.credits_needed, color=theme.target, linestyle="--", linewidth=1.6)
    ax.axvline(mdates.date2num(cycle.expires), color=theme.bad, linestyle=":", linewidth=2)
    top = max(cycle.credits_needed, cycle.credits_earned) * 1.25
    ax.set_ylim(0, top)
    ax.set_xlim(mdates.date2num(cycle.cycle_start), mdates.date2num(cycle.expires) + 10)
    ax.text(
        0.02,
        cycle.credits_needed / top + 0.02,
        f"{cycle.credits_needed:g} needed",
        transform=ax.transAxes,
        fontsize=FONT_NOTE,
        color=theme.muted,
        va="bottom",
    )
    unit = cycle.credit_unit
    ax.set_title(
        f"{cycle.name}: {cycle.credits_earned:g} of {cycle.credits_needed:g} {unit}"
        f"\nexpires {fmt_date(cycle.expires)}",
        loc="left",
        fontsize=FONT_TICK,
    )
    style_axes(ax, theme)
    span = (cycle.expires - cycle.cycle_start).days
    locator = mdates.YearLocator() if span > 500 else mdates.MonthLocator(bymonth=(1, 7))
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y" if span > 500 else "%b %Y"))
    ax.tick_params(labelsize=FONT_NOTE)


def _credentials(figure, cell, data: LearningData, theme: Theme) -> None:
    cycles = sorted(data.credentials, key=lambda c: c.expires)[:MAX_CREDENTIALS]
    axes = cell.subgridspec(1, max(len(cycles), 2)).subplots(squeeze=False)[0]
    for ax, cycle in zip(axes, cycles, strict=False):
        _cycle(ax, cycle, data.as_of, theme)
    for ax in axes[len(cycles) :]:
        ax.set_visible(False)
    axes[0].set_ylabel("Credits in cycle")


def _has_hours(data: LearningData) -> bool:
    return bool(data.months) and any(any(v) for v in data.hours.values())


@chart
def build(data: LearningData, theme: Theme, size) -> Figure:
    hours, credits = _has_hours(data), bool(data.credentials)
    if not hours and not credits:
        return message_figure(
            size,
            theme,
            TITLE,
            "Log a training or an event to see your learning hours.",
            "Log one on the Training page.",
        )
    figure = new_figure(size, theme)
    grid = figure.add_gridspec(
        int(hours) + int(credits), 1, height_ratios=[1.15, 1][: 2 if hours and credits else 1]
    )
    if hours:
        _hours(figure.add_subplot(grid[0]), data, theme)
    if credits:
        _credentials(figure, grid[-1], data, theme)
    subtitle = "Dashed line: credits needed to renew; dotted line: expiry date" if credits else None
    set_title(figure, TITLE, subtitle)
    return figure
