"""Helpers shared by the chart modules. Imports matplotlib, so only chart modules use it."""

from __future__ import annotations

import textwrap
import threading
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from datetime import date
from functools import wraps

import matplotlib as mpl
import matplotlib.dates as mdates
import numpy as np
from cycler import cycler
from matplotlib.figure import Figure
from matplotlib.transforms import ScaledTranslation

from .theme import DEFAULT_SIZE, FONT_LABEL, FONT_NOTE, FONT_SUBTITLE, FONT_TITLE, LIGHT, Theme

MONO = "DejaVu Sans Mono"
HEADER_SUBTITLE_IN = 0.42  # from the top of the figure to the top of the subtitle


# matplotlib's rcParams are global: two charts built at once on two threads (the
# dashboard renders its pictures off the UI thread) would swap each other's colours.
_THEME_LOCK = threading.RLock()


@contextmanager
def themed(theme: Theme):
    """Apply the theme while artists are created: they read rcParams when made. One
    chart at a time, whatever the thread."""
    rc = dict(theme.rc())
    rc["axes.prop_cycle"] = cycler(color=list(theme.series))
    with _THEME_LOCK, mpl.rc_context(rc):
        yield


def chart(builder: Callable[..., Figure]) -> Callable[..., Figure]:
    """Give a builder the common signature ``build(data, *, theme=LIGHT, size=None)``."""

    @wraps(builder)
    def build(data, *, theme: Theme = LIGHT, size: tuple[float, float] | None = None) -> Figure:
        with themed(theme):
            return builder(data, theme, size or DEFAULT_SIZE)

    return build


def new_figure(size: tuple[float, float], theme: Theme) -> Figure:
    # Constrained layout keeps labels inside the figure without bbox_inches="tight",
    # so an exported PNG has exactly the asked pixel size.
    figure = Figure(figsize=size, layout="constrained", facecolor=theme.background)
    figure.get_layout_engine().set(w_pad=0.08, h_pad=0.08)
    return figure


def set_title(figure: Figure, title: str, subtitle: str | None = None) -> None:
    """A bold title and a lighter subtitle under it, at the top left.

    Constrained layout reserves room for the suptitle only, so the suptitle carries an
    empty second line and the subtitle is drawn over it at a fixed offset in inches.
    """
    figure.suptitle(
        title + ("\n" if subtitle else ""),
        x=0.01,
        ha="left",
        fontsize=FONT_TITLE,
        fontweight="bold",
        linespacing=1.35,
    )
    if subtitle:
        _subtitle(figure, subtitle)


def _subtitle(figure: Figure, subtitle: str) -> None:
    figure.text(
        0.01,
        1.0,
        subtitle,
        va="top",
        fontsize=FONT_SUBTITLE,
        color=_muted(),
        transform=figure.transFigure + _down(figure, HEADER_SUBTITLE_IN),
    )


def header(figure: Figure, title: str, subtitle: str | None = None) -> float:
    """The same header for figures laid out by hand; returns its height in inches."""
    figure.text(
        0.01,
        1.0,
        title,
        va="top",
        fontsize=FONT_TITLE,
        fontweight="bold",
        transform=figure.transFigure + _down(figure, 0.1),
    )
    if subtitle:
        _subtitle(figure, subtitle)
    return HEADER_SUBTITLE_IN + 0.35 if subtitle else 0.5


def _down(figure: Figure, inches: float) -> ScaledTranslation:
    return ScaledTranslation(0, -inches, figure.dpi_scale_trans)


def _muted() -> str:
    # Builders run inside themed(), where the tick colour is the theme's muted colour.
    return mpl.rcParams["xtick.color"]


class PlacedFigure(Figure):
    """A figure that runs ``place(figure, renderer)`` at the start of every draw.

    For figures whose parts constrained layout cannot fit, such as a polar axes with
    labels outside its circle: the positions follow the figure's size at export time.
    Not a layout engine: ``savefig`` draws a figure with one twice (a dry draw to lay it
    out, then the real one), where this one is drawn once; ``place`` must therefore work
    from the renderer's font metrics, never from boxes known only after a draw.
    """

    _place: Callable[[Figure, object], None] | None = None

    def set_place(self, place: Callable[[Figure, object], None]) -> None:
        self._place = place

    def draw(self, renderer) -> None:
        if self._place is not None and self.get_visible():
            self._place(self, renderer)
        super().draw(renderer)


def message_figure(
    size: tuple[float, float], theme: Theme, title: str, message: str, hint: str = ""
) -> Figure:
    """The friendly figure a chart shows when there is nothing to draw yet."""
    figure = Figure(figsize=size, facecolor=theme.background)
    header(figure, title)
    figure.text(0.5, 0.56, wrap(message, 60), ha="center", va="center", fontsize=FONT_TITLE)
    if hint:
        figure.text(
            0.5,
            0.38,
            wrap(hint, 72),
            ha="center",
            va="center",
            fontsize=FONT_LABEL,
            color=theme.muted,
            family=MONO,
        )
    return figure


def wrap(text: str, width: int) -> str:
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines) or text


def style_axes(ax, theme: Theme, *, grid_axis: str = "y") -> None:
    ax.set_axisbelow(True)
    ax.grid(True, axis=grid_axis, color=theme.grid)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(theme.grid)


def month_numbers(months: Sequence[date]) -> np.ndarray:
    return np.asarray(mdates.date2num(list(months)), dtype=float)


def date_axis(ax, *, span_days: float, compact: bool = False) -> None:
    """Readable date ticks from one month to ten years; ``compact`` for small panels."""
    if span_days > 3 * 365 or (compact and span_days > 400):
        step = 1 if span_days < (4 if compact else 8) * 365 else 2
        ax.xaxis.set_major_locator(mdates.YearLocator(step))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    else:
        locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def month_bar_width(months: Sequence[date]) -> float:
    return 24.0 if len(months) <= 36 else 28.0  # days; wide bars read as an area when many


def note(ax, text: str, theme: Theme) -> None:
    ax.text(
        0.0,
        -0.02,
        text,
        transform=ax.transAxes,
        ha="left",
        va="top",
        fontsize=FONT_NOTE,
        color=theme.muted,
    )


def fmt_date(day: date | None) -> str:
    return day.strftime("%d %b %Y").lstrip("0") if day else ""
