"""A radar's circle and skill labels placed in their area, at the start of its one draw.

The circle is made as large as the area allows with every label inside it and none over
another (``radar_layout``). Full skill names are kept while they leave the circle at
least half the area's smaller side across: on a dashboard card, names like
"Cross-functional collaboration (with UX, marketing, engineering)" would leave a ring
too small to read. Then a name loses what it says in brackets (three lines at most),
then wraps narrower, and only then does its type get smaller. The full names stay in
the chart's numbers table.
"""

from __future__ import annotations

import re
import textwrap
import weakref
from typing import NamedTuple

from matplotlib.axes import Axes
from matplotlib.text import Annotation

from . import radar_layout
from .radar_layout import Fit, Label
from .text_extent import TextMeasure

Style = tuple[bool, int, int]
# (shortened names, characters a line wraps at, points smaller than the chart asked), in
# the order preferred; the wrap width is the chart's own (18 characters) plus this.
STYLES: tuple[Style, ...] = (
    (False, 0, 0),
    (True, 0, 0),
    (True, -4, 0),
    (True, -4, -1),
    (True, -4, -2),
)
# The first style that fits with a circle this share of the area's smaller side across
# is taken; when none does, the one with the largest circle.
ROOMY = 0.5
NOT_RATED = "(not rated)"
SHORT_LINES = 3
_BRACKETS = re.compile(r"\s*\([^()]*\)")


class SkillLabel(NamedTuple):
    text: Annotation
    name: str
    rated: bool
    x: float  # the spoke's direction on screen (see radar_layout.Label)
    y: float


class SkillLabels(NamedTuple):
    items: list[SkillLabel]
    width: int  # characters a line is wrapped at
    fontsize: float  # as the chart asked for it


# The labels of each radar axes, for the placing at draw time; gone with the axes.
_REGISTRY: weakref.WeakKeyDictionary[Axes, SkillLabels] = weakref.WeakKeyDictionary()


def register(ax: Axes, labels: SkillLabels) -> None:
    _REGISTRY[ax] = labels


def label_text(name: str, rated: bool, width: int, short: bool) -> str:
    """A skill's label, wrapped at ``width`` characters; ``short``, without what it says
    in brackets and cut to three lines."""
    if short:
        name = _BRACKETS.sub("", name).strip() or name
    lines = textwrap.wrap(name, width, break_long_words=False, break_on_hyphens=False)
    if short and len(lines) > SHORT_LINES:
        lines = lines[:SHORT_LINES]
        lines[-1] = lines[-1].rstrip(" .,;:") + "…"
    text = "\n".join(lines) or name
    return text if rated else f"{text}\n{NOT_RATED}"


def fit_polar(ax: Axes, area: tuple[float, float, float, float], measure: TextMeasure) -> None:
    """Size and centre a polar axes so that it and its skill labels fill ``area``
    (x0, y0, x1, y1 in figure fractions), in the best label style that fits."""
    labels = _REGISTRY.get(ax)
    figure = ax.get_figure(root=True)
    if labels is None or figure is None:
        return
    width_in, height_in = figure.get_size_inches()
    x0, y0, x1, y1 = area
    room = ((x1 - x0) * width_in * 72, (y1 - y0) * height_in * 72)
    style, spokes, fit = _best_style(labels, room, measure)
    _apply(labels, style)
    centre_x = (x0 + x1) / 2 + fit.centre[0] / 72 / width_in
    centre_y = (y0 + y1) / 2 + fit.centre[1] / 72 / height_in
    side_w, side_h = 2 * fit.radius / 72 / width_in, 2 * fit.radius / 72 / height_in
    ax.set_position((centre_x - side_w / 2, centre_y - side_h / 2, side_w, side_h))
    for item, spoke, lift in zip(labels.items, spokes, fit.lifts, strict=True):
        item.text.set_horizontalalignment(spoke.ha)
        item.text.set_verticalalignment(spoke.va)
        item.text.xyann = (radar_layout.PAD * spoke.x, radar_layout.PAD * spoke.y + lift)


def _apply(labels: SkillLabels, style: Style, measure: TextMeasure | None = None) -> list[Label]:
    """Give every label its text and size in ``style``; with ``measure``, returns their
    sizes."""
    short, narrower, smaller = style
    spokes = []
    for item in labels.items:
        text = label_text(item.name, item.rated, labels.width + narrower, short)
        item.text.set_text(text)
        item.text.set_fontsize(labels.fontsize + smaller)
        if measure is not None:
            spokes.append(Label(item.x, item.y, *measure.artist(item.text)))
    return spokes


def _best_style(
    labels: SkillLabels, room: tuple[float, float], measure: TextMeasure
) -> tuple[Style, list[Label], Fit]:
    """The first style that fits ``room`` with a circle at least ROOMY of its smaller side
    across; when none does, the one with the largest circle. (style, sizes, fit)"""
    tried: list[tuple[Style, list[Label], Fit]] = []
    for style in STYLES:
        spokes = _apply(labels, style, measure)
        fit = radar_layout.fit(spokes, *room)
        if fit.fits and fit.radius >= ROOMY * min(room) / 2:
            return style, spokes, fit
        tried.append((style, spokes, fit))
    return max(tried, key=lambda t: (t[2].fits, t[2].radius))
