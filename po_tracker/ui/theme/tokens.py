"""Design tokens: the sizes and colours every page and widget takes from here, never
from numbers of its own.

Spacing is on an 8 px grid (4 for the tightest gaps). The type scale is relative to the
user's font, so it follows the system's size and the screen's scale. Status colours are
Okabe-Ito hues (the charts' palette, readable with every common colour-vision
deficiency), and each status also has a word and a symbol: colour is never the only
signal."""

from __future__ import annotations

from dataclasses import dataclass

# -- spacing (px) -----------------------------------------------------------------------
TIGHT = 4
SPACE = 8
GAP = 16  # between the parts of a card, between cards
MARGIN = 24  # around a page

# -- type scale: point size relative to the application font ---------------------------
TITLE_SCALE = 1.6  # page title
HEADLINE_SCALE = 1.4  # the title of what is being written (a journal entry)
SECTION_SCALE = 1.15  # card and section titles
HERO_SCALE = 2.4  # the one number a page is about (readiness)
CAPTION_SCALE = 0.9  # secondary lines: purposes, subtitles, dates


@dataclass(frozen=True)
class Status:
    word: str  # said with the colour, always
    symbol: str
    light: str  # text/chip colour on a light window
    dark: str  # on a dark window


# ok, due soon, overdue, expired: bluish green, orange, vermillion, grey.
STATUSES = {
    "ok": Status("OK", "✓", "#00795A", "#3FC79A"),
    "due-soon": Status("Due soon", "●", "#A86A00", "#F0B440"),
    "overdue": Status("Overdue", "!", "#B24A00", "#FF8A50"),
    "expired": Status("Expired", "✕", "#6B6B6B", "#A8A8A8"),
}


def status_colour(status: str, dark: bool) -> str:
    entry = STATUSES[status]
    return entry.dark if dark else entry.light
