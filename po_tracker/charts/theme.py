"""Colours and type sizes of every chart.

Plain data, no matplotlib import: the window picks a theme at start-up without paying for
matplotlib. The palette is Okabe-Ito, readable by people with the common forms of colour
blindness; each series also differs by line style or marker where it matters, so a grey
print-out stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass

# Okabe & Ito (2008), "Color Universal Design". Black is left out of the series colours
# because it is the text colour of the light theme.
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
# Series colours in the order the charts use them; yellow is last as it is faint on white.
SERIES = (
    OKABE_ITO[0],
    OKABE_ITO[1],
    OKABE_ITO[2],
    OKABE_ITO[3],
    OKABE_ITO[5],
    OKABE_ITO[4],
    "#999999",
    OKABE_ITO[6],
)

# Point sizes chosen to stay readable when a 10 x 6 in figure fills a slide.
FONT_FAMILY = "DejaVu Sans"  # ships with matplotlib, so every machine draws the same
FONT_TITLE = 16
FONT_SUBTITLE = 12
FONT_LABEL = 12
FONT_TICK = 11
FONT_LEGEND = 11
FONT_NOTE = 10

DEFAULT_SIZE = (10.0, 6.0)  # inches; a 16:10 slide area at 150 dpi is 1500 x 900 px


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    text: str
    muted: str  # secondary text: subtitles, notes, axis labels
    grid: str
    panel: str  # fill behind boxes such as career-map stages
    series: tuple[str, ...] = SERIES
    current: str = OKABE_ITO[0]  # "you": current levels, current stage
    target: str = OKABE_ITO[1]  # the target stage and its levels
    earlier: str = "#999999"  # a past snapshot
    others: str = OKABE_ITO[3]  # how others rate you
    good: str = OKABE_ITO[2]
    warn: str = OKABE_ITO[1]
    bad: str = OKABE_ITO[5]
    heat: tuple[str, ...] = ()  # calendar: no activity first, then rising activity

    def colour(self, index: int) -> str:
        return self.series[index % len(self.series)]

    def rc(self) -> dict[str, object]:
        """matplotlib rcParams for this theme; applied while a chart is built."""
        return {
            "font.family": "sans-serif",
            "font.sans-serif": [FONT_FAMILY],
            "font.size": FONT_TICK,
            "axes.titlesize": FONT_SUBTITLE,
            "axes.labelsize": FONT_LABEL,
            "xtick.labelsize": FONT_TICK,
            "ytick.labelsize": FONT_TICK,
            "legend.fontsize": FONT_LEGEND,
            "figure.titlesize": FONT_TITLE,
            "figure.facecolor": self.background,
            "axes.facecolor": self.background,
            "savefig.facecolor": self.background,
            "axes.edgecolor": self.grid,
            "axes.labelcolor": self.text,
            "axes.titlecolor": self.text,
            "text.color": self.text,
            "xtick.color": self.muted,
            "ytick.color": self.muted,
            "xtick.labelcolor": self.text,
            "ytick.labelcolor": self.text,
            "grid.color": self.grid,
            "grid.linewidth": 0.8,
            "legend.frameon": False,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.fonttype": "none",  # SVG text stays text: searchable and editable
            "pdf.fonttype": 42,  # embed TrueType so PDF text is selectable
        }


LIGHT = Theme(
    name="light",
    background="#FFFFFF",
    text="#1A1A1A",
    muted="#555555",
    grid="#D9D9D9",
    panel="#F2F2F2",
    heat=("#EBEDF0", "#BFD9EE", "#7FB3DC", "#3F8DC6", "#0072B2", "#004C77"),
)

DARK = Theme(
    name="dark",
    background="#1E1E1E",
    text="#EDEDED",
    muted="#B0B0B0",
    grid="#444444",
    panel="#2C2C2C",
    earlier="#8C8C8C",
    series=(
        "#56B4E9",
        "#E69F00",
        "#009E73",
        "#CC79A7",
        "#D55E00",
        "#0072B2",
        "#BBBBBB",
        "#F0E442",
    ),
    current="#56B4E9",
    heat=("#2D333B", "#1E4A6B", "#1F6797", "#2B86C2", "#56B4E9", "#A6D8F5"),
)
