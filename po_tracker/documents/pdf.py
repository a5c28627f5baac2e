"""A document as a PDF a manager can forward: A4 or Letter pages laid out with
matplotlib's text (no other PDF library needed), a title block, section rules, wrapped
paragraphs, bulleted lists, quotes set in italics with their source, and page numbers.

``pages`` is pure (document in, figures out), so a test can draw a page to an image;
``render`` writes them all into one PDF as bytes."""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from .blocks import Bullets, Document, Heading, Paragraph, Quote

PAPERS = {"a4": (210 / 25.4, 297 / 25.4), "letter": (8.5, 11.0)}  # inches
MARGIN = 0.85  # inches on every side
INK, MUTED, ACCENT, RULE = "#1f2328", "#59636e", "#0b5394", "#d0d7de"
# Average advance of a DejaVu Sans character, as a share of the font size: what wrapping
# needs to fill a line without measuring every word.
CHAR_WIDTH = 0.56


@dataclass(frozen=True)
class Style:
    size: float
    weight: str = "normal"
    style: str = "normal"
    colour: str = INK
    before: float = 0.0  # points of space above
    indent: float = 0.0  # inches


TITLE = Style(20, "bold", colour=ACCENT)
SUBTITLE = Style(10.5, colour=MUTED, before=4)
SECTION = Style(14, "bold", colour=ACCENT, before=16)
SUBSECTION = Style(11.5, "bold", before=10)
LABEL = Style(9.5, "bold", colour=MUTED, before=6)
BODY = Style(10, before=4)
NOTE = Style(9.5, style="italic", colour=MUTED, before=4)
BULLET = Style(10, before=2, indent=0.22)
QUOTE = Style(10, style="italic", before=6, indent=0.3)
SOURCE = Style(9, colour=MUTED, before=1, indent=0.3)
# Headings of this level and deeper are labels within a section ("Wins", "Learning").
LABEL_LEVEL = 3


def _wrap(text: str, style: Style, width_in: float, hanging: str = "") -> list[str]:
    chars = max(int((width_in - style.indent) * 72 / (style.size * CHAR_WIDTH)), 20)
    lines = []
    for paragraph in text.splitlines() or [""]:
        lines += textwrap.wrap(
            paragraph, chars, initial_indent=hanging, subsequent_indent=" " * len(hanging) * 2
        ) or [""]
    return lines


def _lines(document: Document, width_in: float) -> list[tuple[str, Style, bool]]:
    """Every line to draw, with its style, and whether a rule goes under it."""
    out = [(line, TITLE, False) for line in _wrap(document.title, TITLE, width_in)]
    out += [(line, SUBTITLE, True) for line in _wrap(document.subtitle, SUBTITLE, width_in)]
    for block in document.blocks:
        if isinstance(block, Heading):
            style = {1: SECTION, 2: SUBSECTION}.get(block.level, LABEL)
            lines = _wrap(block.text, style, width_in)
            out += [(line, style, block.level == 1 and i == len(lines) - 1)
                    for i, line in enumerate(lines)]  # fmt: skip
        elif isinstance(block, Paragraph):
            style = NOTE if block.muted else BODY
            out += [(line, style, False) for line in _wrap(block.text, style, width_in)]
        elif isinstance(block, Bullets):
            for item in block.items:
                out += [(line, BULLET, False) for line in _wrap(item, BULLET, width_in, "• ")]
        elif isinstance(block, Quote):
            out += [(line, QUOTE, False) for line in _wrap(f"“{block.text}”", QUOTE, width_in)]
            out += [(line, SOURCE, False) for line in _wrap(f"— {block.source}", SOURCE, width_in)]
    return _spaced(out)


def _spaced(lines):
    """Space above belongs to the first line of a block only: later lines of the same
    wrapped paragraph follow at the normal line height."""
    result, previous = [], None
    for text, style, rule in lines:
        first = style is not previous or style in (BULLET, SUBSECTION, SECTION, LABEL)
        if style is BULLET and text.startswith("  "):
            first = False
        result.append((text, style, rule, first))
        previous = style
    return result


def _new_page(size) -> Figure:
    figure = Figure(figsize=size)
    figure.patch.set_facecolor("white")
    return figure


def pages(document: Document, paper: str = "a4") -> list[Figure]:
    """The document laid out on pages of ``paper`` ("a4" or "letter")."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    width, height = PAPERS[paper]
    text_width = width - 2 * MARGIN
    figures = [_new_page((width, height))]
    y = height - MARGIN  # inches from the bottom
    for text, style, rule, first in _lines(document, text_width):
        step = style.size * 1.35 / 72 + (style.before / 72 if first else 0)
        # A heading never ends a page: it moves on with at least two lines after it.
        reserve = 3 * BODY.size * 1.35 / 72 if style in (SECTION, SUBSECTION) else 0
        if y - step - reserve < MARGIN + 0.3:
            figures.append(_new_page((width, height)))
            y = height - MARGIN
            step = style.size * 1.35 / 72
        y -= step
        figure = figures[-1]
        figure.text(
            (MARGIN + style.indent) / width, y / height, text, fontsize=style.size,
            fontweight=style.weight, fontstyle=style.style, color=style.colour, va="baseline",
            ha="left", family="DejaVu Sans",
        )  # fmt: skip
        if rule:
            line_y = (y - 0.09) / height
            figure.add_artist(_rule(figure, MARGIN / width, 1 - MARGIN / width, line_y))
            y -= 0.05
    _number(figures, document.title, width, height)
    return figures


def _rule(figure: Figure, x0: float, x1: float, y: float):
    from matplotlib.lines import Line2D

    return Line2D([x0, x1], [y, y], transform=figure.transFigure, color=RULE, linewidth=0.8)


def _number(figures: list[Figure], title: str, width: float, height: float) -> None:
    for number, figure in enumerate(figures, 1):
        y = (MARGIN - 0.4) / height
        figure.text(MARGIN / width, y, title, fontsize=8, color=MUTED, family="DejaVu Sans")
        figure.text(
            1 - MARGIN / width, y, f"{number} / {len(figures)}", fontsize=8, color=MUTED,
            ha="right", family="DejaVu Sans",
        )  # fmt: skip


def render(document: Document, paper: str = "a4") -> bytes:
    """The whole document as PDF bytes (the same document gives the same bytes)."""
    buffer = io.BytesIO()
    metadata = {"Creator": "PO Tracker", "Title": document.title, "CreationDate": None}
    with PdfPages(buffer, metadata=metadata) as pdf:
        for figure in pages(document, paper):
            pdf.savefig(figure)
    return buffer.getvalue()
