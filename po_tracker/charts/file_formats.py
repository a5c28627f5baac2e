"""How a figure becomes a file that the programs opening it read right:

- PDF: TrueType fonts (Type 42) with a Unicode map, so text copies and searches
  correctly ("→" included), instead of Type 3 glyph drawings; a title and a subject in
  the document information.
- SVG: text stays text (editable in a slide tool, searchable), with a list of fallback
  fonts for a machine without DejaVu Sans.
- PNG: without an alpha channel when every pixel is opaque (a slide tool or an image
  viewer then never shows a checkerboard or a dark background), with one when the
  picture really is transparent.

The settings apply while the file is written, which is when matplotlib reads them.
Nothing in the files depends on the time they were written, so the same chart gives the
same bytes.
"""

from __future__ import annotations

import io
from typing import BinaryIO

import matplotlib
from matplotlib.figure import Figure
from PIL import Image, PngImagePlugin

from .theme import FONT_FAMILY

CREATOR = "PO Tracker"
SUBJECT = "Career progress of a Product Owner, from PO Tracker"
FALLBACK_FONTS = [FONT_FAMILY, "Verdana", "Arial", "Helvetica", "Liberation Sans"]
SAVE_RC = {
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "svg.fonttype": "none",
    "svg.hashsalt": "po-tracker",  # stable ids inside the SVG
    # Read when the SVG is written, for its font-family lists; DejaVu Sans, first, ships
    # with matplotlib, so the drawing itself does not change.
    "font.sans-serif": FALLBACK_FONTS,
}


def write_figure(figure: Figure, out: BinaryIO, fmt: str, dpi: float) -> None:
    with matplotlib.rc_context(SAVE_RC):
        if fmt == "png":
            _write_png(figure, out, dpi)
        else:
            figure.savefig(out, format=fmt, dpi=dpi, metadata=metadata(figure, fmt))


def title_of(figure: Figure) -> str:
    """The figure's own title: its suptitle, else the first text of its header or the
    first axes title."""
    suptitle = figure.get_suptitle() if hasattr(figure, "get_suptitle") else ""
    if suptitle:
        return suptitle
    for text in figure.texts:
        if text.get_text().strip():
            return text.get_text().strip().splitlines()[0]
    for axes in figure.axes:
        for loc in ("center", "left", "right"):
            if axes.get_title(loc).strip():
                return axes.get_title(loc).strip()
    return "PO Tracker chart"


def metadata(figure: Figure, fmt: str) -> dict:
    # No creation date: the same chart exports to the same bytes, which backups like.
    if fmt == "pdf":
        return {
            "Title": title_of(figure),
            "Subject": SUBJECT,
            "Creator": CREATOR,
            "CreationDate": None,
        }
    if fmt == "svg":
        return {"Title": title_of(figure), "Description": SUBJECT, "Creator": CREATOR,
                "Date": None}  # fmt: skip
    return {"Software": CREATOR, "Title": title_of(figure)}


def _write_png(figure: Figure, out: BinaryIO, dpi: float) -> None:
    """Drawn once into raw pixels and encoded once (a PNG written by matplotlib and then
    opened again to drop its alpha channel was encoded twice and decoded once)."""
    pixels = io.BytesIO()
    figure.savefig(pixels, format="rgba", dpi=dpi)
    # The size Agg draws at: the figure's size in pixels, truncated.
    width, height = (int(side) for side in figure.get_size_inches() * dpi)
    if pixels.getbuffer().nbytes != width * height * 4:
        raise ValueError(f"the chart drew a picture of another size than {width}x{height}")
    image = Image.frombuffer("RGBA", (width, height), pixels.getvalue(), "raw", "RGBA", 0, 1)
    if image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")
    info = PngImagePlugin.PngInfo()
    for key, value in metadata(figure, "png").items():
        info.add_text(key, value)
    image.save(out, format="png", pnginfo=info, dpi=(dpi, dpi))
