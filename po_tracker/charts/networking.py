"""Networking: events per month by type, and the people met each month."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from . import registry
from ._common import (
    chart,
    date_axis,
    message_figure,
    month_bar_width,
    month_numbers,
    new_figure,
    set_title,
    style_axes,
)
from .data import NetworkingData
from .learning import stacked_bars
from .theme import Theme

TITLE = registry.title("networking")


def _people(ax, data: NetworkingData, theme: Theme) -> None:
    x = month_numbers(data.months)
    ax.bar(
        x,
        data.people_met,
        width=month_bar_width(data.months),
        align="edge",
        color=theme.muted,
        linewidth=0,
        label="People met",
    )
    style_axes(ax, theme)
    date_axis(ax, span_days=(data.months[-1] - data.months[0]).days + 31)
    ax.set_ylabel("People")
    ax.set_title(f"People met per month ({sum(data.people_met):,} in all)", loc="left")
    ax.yaxis.get_major_locator().set_params(integer=True)


@chart
def build(data: NetworkingData, theme: Theme, size) -> Figure:
    total = int(sum(np.sum(v) for v in data.events.values()))
    if not data.months or total == 0:
        return message_figure(
            size,
            theme,
            TITLE,
            "Log a meetup, a conference or a mentoring session to see your networking.",
            "Log one on the Networking page.",
        )
    figure = new_figure(size, theme)
    top, bottom = figure.subplots(2, 1, sharex=True, height_ratios=(1.4, 1))
    stacked_bars(top, data.months, data.events, theme)
    top.set_ylabel("Events")
    top.set_title(f"Events per month by type ({total:,} in all)", loc="left")
    top.yaxis.get_major_locator().set_params(integer=True)
    _people(bottom, data, theme)
    first, last = data.months[0], data.months[-1]
    set_title(figure, TITLE, f"{first:%b %Y} to {last:%b %Y}")
    return figure
