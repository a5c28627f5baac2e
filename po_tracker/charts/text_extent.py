"""The size a text will have when drawn, in points, known before it is drawn.

A text's box is known to matplotlib only once the figure has been drawn, so a layout
that places texts by their boxes used to draw the figure twice (a dry draw, nearly the
cost of the real one). These sizes come from the renderer's font metrics alone (no
drawing), combined the way matplotlib lays out a text's lines, so a layout is settled
before the one draw that paints it. The renderer's metrics include the hinting at its
resolution: at 40-70 dpi a line is up to a fifth taller than the font's nominal size.
"""

from __future__ import annotations

from matplotlib.font_manager import FontProperties
from matplotlib.text import Text


class TextMeasure:
    """Text sizes in points, measured with ``renderer``'s font metrics."""

    def __init__(self, renderer) -> None:
        self._renderer = renderer
        self._per_point = renderer.points_to_pixels(1.0)
        # A layout tries several label styles that share most lines: each measured once.
        self._seen: dict[tuple[str, int], tuple[float, float, float]] = {}

    def _line(self, line: str, font: FontProperties) -> tuple[float, float, float]:
        """(width, height, descent) of one line, in points."""
        key = (line, hash(font))  # the font's hash is that of its properties
        if key not in self._seen:
            w, h, d = self._renderer.get_text_width_height_descent(line, font, ismath=False)
            self._seen[key] = (w / self._per_point, h / self._per_point, d / self._per_point)
        return self._seen[key]

    def size(self, text: str, font: FontProperties, linespacing: float) -> tuple[float, float]:
        """(width, height) of ``text`` as matplotlib lays out its lines: each at least as
        tall as "lp", baselines ``linespacing`` line heights apart."""
        _, lp_h, lp_d = self._line("lp", font)
        min_step = (lp_h - lp_d) * linespacing
        width = bottom = 0.0
        for i, line in enumerate(text.split("\n")):
            w, h, d = self._line(line, font) if line else (0.0, 0.0, 0.0)
            h, d = max(h, lp_h), max(d, lp_d)
            width = max(width, w)
            # From the top of the box down to this line's baseline, then its descent.
            bottom += (h - d) if i == 0 else max(min_step, (h - d) * linespacing)
            bottom += d
        return width, bottom

    def artist(self, artist: Text) -> tuple[float, float]:
        """(width, height) of a text artist as it stands: its text, font and spacing."""
        # Text has no public getter for its line spacing.
        spacing = getattr(artist, "_linespacing", 1.2)
        return self.size(artist.get_text(), artist.get_fontproperties(), spacing)
