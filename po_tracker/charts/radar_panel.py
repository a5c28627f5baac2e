"""The panel beside the radar's circle: the legend, and under it the skills below their
target level, as many as the panel's height holds."""

from __future__ import annotations

from dataclasses import dataclass, field

from matplotlib.axes import Axes
from matplotlib.legend import Legend
from matplotlib.text import Text

from ._common import wrap
from .data import RadarData
from .text_extent import TextMeasure
from .theme import FONT_LABEL, FONT_LEGEND

MAX_ROWS = 6
HEADING_GAP = 12.0  # points between the legend and what is under it
LIST_GAP = 6.0  # points between "Below target" and its list

Gap = tuple[str, float, int]  # (skill, level now, target level)


def gaps(data: RadarData) -> list[Gap]:
    """Skills below their target level, the largest gap first: (name, now, target)."""
    if data.target is None:
        return []
    rows = [
        (name, 0.0 if now is None else float(now), want)
        for name, now, want in zip(data.skills, data.current, data.target, strict=True)
        if want is not None and (now is None or now < want)
    ]
    return sorted(rows, key=lambda r: (r[1] - r[2], r[0]))


def gap_text(rows: list[Gap], count: int) -> str:
    """The first ``count`` gaps, one a line (a long name wraps), then how many more."""
    lines = [f"{wrap(n, 30)}: {_level(now)} → {want}" for n, now, want in rows[:count]]
    if len(rows) > count:
        lines.append(f"and {len(rows) - count} more")
    return "\n".join(lines)


def _level(value: float) -> str:
    return "not rated" if value == 0 else f"{value:g}"


@dataclass
class SidePanel:
    axes: Axes
    legend: Legend
    texts: list[Text] = field(default_factory=list)  # under the legend, top down
    rows: list[Gap] = field(default_factory=list)  # what the last text lists

    def legend_size(self, measure: TextMeasure) -> tuple[float, float]:
        """(width, height) of the legend in points, from its texts and its spacing."""
        legend = self.legend
        texts = legend.get_texts()
        # In points: the legend's texts were made with a size in points, not a name.
        size = float(texts[0].get_fontsize()) if texts else float(FONT_LEGEND)
        boxes = [measure.artist(t) for t in texts]
        handle = legend.handlelength + legend.handletextpad + 2 * legend.borderpad
        width = max((w for w, _ in boxes), default=0.0) + handle * size
        rows = sum(max(h, legend.handleheight * size) for _, h in boxes)
        height = rows + (len(boxes) - 1) * legend.labelspacing * size + 2 * legend.borderpad * size
        return width, height

    def fit_rows(self, height: float, measure: TextMeasure) -> None:
        """List as many gaps as ``height`` points hold under the legend, the rest
        counted in an "and N more" line."""
        if not self.rows:
            return
        heading, listing = self.texts
        free = height - self.legend_size(measure)[1] - HEADING_GAP - LIST_GAP
        free -= measure.artist(heading)[1]
        for count in range(min(MAX_ROWS, len(self.rows)), 0, -1):
            listing.set_text(gap_text(self.rows, count))
            if measure.artist(listing)[1] <= free:
                return

    def inches(self, width_in: float, measure: TextMeasure) -> float:
        """The panel's width: a third of the figure up to 3.2 in, wider when the legend
        or the list needs it (a narrow window), but never more than 45 %."""
        widths = [self.legend_size(measure)[0], *(measure.artist(t)[0] for t in self.texts)]
        need_in = max(widths) / 72 + 0.1
        return min(max(min(3.2, 0.32 * width_in), need_in), 0.45 * width_in)


def side_panel(ax: Axes, data: RadarData, handles) -> SidePanel:
    ax.axis("off")
    legend = ax.legend(handles=handles, loc="upper left", fontsize=FONT_LEGEND, borderaxespad=0)
    panel = SidePanel(ax, legend, rows=gaps(data))
    if data.target is None:
        text = "Pick a target stage to compare your levels with it."
    elif not panel.rows:
        text = "Every skill is at or above the target level."
    else:
        text = gap_text(panel.rows, MAX_ROWS)
    # Placed under the legend, however many lines it has (others' view adds one), so
    # the two never overlap.
    anchor: Legend | Text = legend
    if panel.rows:
        anchor = _below(ax, anchor, "Below target", HEADING_GAP, fontweight="bold")
        panel.texts.append(anchor)
    gap = LIST_GAP if panel.rows else HEADING_GAP
    panel.texts.append(_below(ax, anchor, text, gap, fontsize=FONT_LABEL - 1, linespacing=1.35))
    return panel


def _below(ax: Axes, anchor, text: str, gap: float, fontsize=FONT_LABEL, **style) -> Text:
    """``text`` ``gap`` points under ``anchor`` (an artist), left-aligned with it."""
    return ax.annotate(
        text, xy=(0, 0), xycoords=anchor, xytext=(0, -gap), textcoords="offset points",
        ha="left", va="top", fontsize=fontsize, **style,
    )  # fmt: skip
