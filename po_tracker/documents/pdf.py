"""A document as a PDF a manager can forward: A4 or Letter pages with a title block,
section rules, wrapped paragraphs, bulleted lists, quotes set in italics with their
source, and page numbers, in DejaVu Sans embedded as a subset (any name the font can
write, "Zoë", "Łukasz", "Дмитрий", comes out as written).

Written with fpdf2 (pages, text, rules, the font subset), with lines filled by
``pdf_wrap`` (a word longer than the line is broken rather than let run off the page).
The same document gives the same bytes: the file's creation date is the day the
document is as of, not the moment of writing."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from .blocks import Bullets, Document, Heading, Paragraph, Quote
from .pdf_fonts import FAMILY, fallback_files, font_files
from .pdf_wrap import wrap

PT_PER_INCH = 72
PAPERS = {"a4": "A4", "letter": "Letter"}
MARGIN = 0.85 * PT_PER_INCH  # points on every side
FOOTER_Y = 0.45 * PT_PER_INCH  # the page number's baseline, above the paper's bottom edge
LEADING = 1.35  # line height as a multiple of the font size
RULE_WIDTH = 0.8
# A document without a day of its own is dated with fpdf2's "no date" value, which keeps
# the bytes the same from one run to the next.
UNDATED = datetime(1969, 12, 31, 19, 0, 0, tzinfo=UTC)

RGB = tuple[int, int, int]
FALLBACK = "Fallback"
LOG = logging.getLogger(__name__)


def _rgb(hex_colour: str) -> RGB:
    return (int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16))


INK, MUTED, ACCENT, RULE = (_rgb(c) for c in ("#1f2328", "#59636e", "#0b5394", "#d0d7de"))


@dataclass(frozen=True)
class Style:
    size: float
    emphasis: str = ""  # fpdf2's style letters: "B" bold, "I" italic
    colour: RGB = INK
    before: float = 0.0  # points of space above the block
    indent: float = 0.0  # points in from the left margin

    @property
    def line(self) -> float:
        return self.size * LEADING


TITLE = Style(20, "B", ACCENT)
SUBTITLE = Style(10.5, colour=MUTED, before=4)
SECTION = Style(14, "B", ACCENT, before=16)
SUBSECTION = Style(11.5, "B", before=10)
LABEL = Style(9.5, "B", MUTED, before=6)
BODY = Style(10, before=4)
NOTE = Style(9.5, "I", MUTED, before=4)
BULLET = Style(10, before=2, indent=0.25 * PT_PER_INCH)
BULLET_MARK_INDENT = 0.08 * PT_PER_INCH
QUOTE = Style(10, "I", before=6, indent=0.3 * PT_PER_INCH)
SOURCE = Style(9, colour=MUTED, before=1, indent=0.3 * PT_PER_INCH)
FOOTER = Style(8, colour=MUTED)
# A heading keeps this many body lines below it on its page.
KEEP_WITH_NEXT = 3


class Writer:
    """One document's pages: text flows down from the top margin and onto a new page
    at the bottom one."""

    def __init__(self, paper: str):
        from fpdf import FPDF  # imported here: only a PDF export pays for it

        self.pdf = FPDF(unit="pt", format=PAPERS[paper])
        for style, path in font_files().items():
            self.pdf.add_font(FAMILY, style, path)
        self.pdf.set_margins(MARGIN, MARGIN, MARGIN)
        self.pdf.c_margin = 0  # text starts at the margin and wraps at the other one
        # Pages break where _put finds the next line would pass this bottom margin.
        self.pdf.set_auto_page_break(True, margin=MARGIN + 0.3 * PT_PER_INCH)
        self.pdf.add_page()
        self._widths: dict[tuple[str, float, str], float] = {}
        # Set when a fallback font is added: only fpdf2's cell() switches fonts within
        # a line; its text(), four times quicker, draws what the document's font has.
        self.fallback = False

    def _use(self, style: Style) -> None:
        self.pdf.set_font(FAMILY, style.emphasis, style.size)
        self.pdf.set_text_color(*style.colour)

    def _space(self, points: float) -> None:
        # Space above a block, but none at the top of a page.
        if self.pdf.y > self.pdf.t_margin + 0.5:
            self.pdf.set_y(self.pdf.y + points)

    def _measure(self, text: str) -> float:
        """The width of ``text`` in the current font: the sum of its characters' widths
        (fpdf2 neither kerns nor shapes here), each character measured once."""
        widths, style, size = self._widths, self.pdf.font_style, self.pdf.font_size_pt
        total = 0.0
        for char in text:
            width = widths.get((style, size, char))
            if width is None:
                width = widths[(style, size, char)] = self.pdf.get_string_width(char)
            total += width
        return total

    def _put(self, left: float, line: str, style: Style) -> None:
        """One line at the current height, starting ``left`` points from the edge."""
        if self.pdf.will_page_break(style.line):
            self.pdf.add_page()
        top = self.pdf.y
        if self.fallback:
            self.pdf.set_xy(left, top)
            self.pdf.cell(text=line, h=style.line)
        else:  # the baseline where cell() would put it
            self.pdf.text(left, top + 0.5 * style.line + 0.3 * style.size, line)

    def text(self, text: str, style: Style) -> None:
        """``text`` wrapped to the line, each of its own lines kept as a line."""
        self._use(style)
        left = self.pdf.l_margin + style.indent
        for line in wrap(text, self.pdf.w - self.pdf.r_margin - left, self._measure):
            self._put(left, line, style)
            self.pdf.set_y(self.pdf.y + style.line)

    def block(self, text: str, style: Style, keep: float = 0.0) -> None:
        """A block set apart by its style's space above; ``keep`` points of what
        follows stay on its page with it."""
        self._space(style.before)
        if self.pdf.will_page_break(style.line + keep):
            self.pdf.add_page()
        self.text(text, style)

    def rule(self) -> None:
        y = self.pdf.y + 2
        self.pdf.set_draw_color(*RULE)
        self.pdf.set_line_width(RULE_WIDTH)
        self.pdf.line(self.pdf.l_margin, y, self.pdf.w - self.pdf.r_margin, y)
        self.pdf.set_y(y + 4)

    def bullet(self, item: str) -> None:
        self._space(BULLET.before)
        if self.pdf.will_page_break(BULLET.line):
            self.pdf.add_page()
        self._use(BULLET)
        self._put(self.pdf.l_margin + BULLET_MARK_INDENT, "•", BULLET)
        self.text(item, BULLET)


def _heading(writer: Writer, heading: Heading) -> None:
    style = {1: SECTION, 2: SUBSECTION}.get(heading.level, LABEL)
    keep = KEEP_WITH_NEXT * BODY.line if style in (SECTION, SUBSECTION) else BODY.line
    writer.block(heading.text, style, keep)
    if heading.level == 1:
        writer.rule()


def _write_block(writer: Writer, block) -> None:
    if isinstance(block, Heading):
        _heading(writer, block)
    elif isinstance(block, Paragraph):
        writer.block(block.text, NOTE if block.muted else BODY)
    elif isinstance(block, Bullets):
        for item in block.items:
            writer.bullet(item)
    elif isinstance(block, Quote):
        writer.block(f"“{block.text}”", QUOTE, keep=SOURCE.line)
        writer.block(f"— {block.source}", SOURCE)


def _fit(pdf, text: str, width: float) -> str:
    """``text`` cut short with an ellipsis so that it fits ``width`` points."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _number_pages(writer: Writer, title: str) -> None:
    """Every page's footer: the document's title, and "page / pages"."""
    pdf = writer.pdf
    pdf.set_auto_page_break(False)
    total = pdf.pages_count
    width = pdf.w - 2 * MARGIN
    for number in range(1, total + 1):
        pdf.page = number  # fpdf2 draws on an earlier page when told to
        writer._use(FOOTER)
        label = f"{number} / {total}"
        room = width - pdf.get_string_width(label) - 18
        top = pdf.h - FOOTER_Y - FOOTER.size
        pdf.set_xy(MARGIN, top)
        pdf.cell(width, FOOTER.line, _fit(pdf, title, room))
        pdf.set_xy(MARGIN, top)
        pdf.cell(width, FOOTER.line, label, align="R")
    pdf.page = total


def _describe(writer: Writer, document: Document) -> None:
    pdf = writer.pdf
    pdf.set_title(document.title)
    pdf.set_subject(document.subtitle)
    pdf.set_creator("PO Tracker")
    pdf.set_producer("PO Tracker")
    pdf.set_lang("en")
    day = document.dated
    pdf.set_creation_date(datetime(day.year, day.month, day.day, tzinfo=UTC) if day else UNDATED)


def _lacking(writer: Writer, text: str) -> set[str]:
    """The characters of ``text`` that no font of the document can draw."""
    have: set[int] = set()
    for key in (FAMILY.lower(), FALLBACK.lower()):  # fpdf2's keys of the regular faces
        font = writer.pdf.fonts.get(key)
        have |= set(getattr(font, "cmap", ()))  # every font here is a TrueType one
    return {char for char in set(text) if ord(char) not in have and not char.isspace()}


def _add_fallback(writer: Writer, document: Document) -> None:
    """A font of the computer's own for the characters DejaVu Sans lacks (a colleague's
    name in Chinese or Japanese), read only when the document has such characters; a
    character that no font has is drawn as an empty box, and said once."""
    text = document.plain_text()
    if not _lacking(writer, text):
        return
    for path in fallback_files():
        try:
            writer.pdf.add_font(FALLBACK, "", path)
        except Exception:  # noqa: BLE001 - a font this writer cannot read is passed over
            LOG.debug("cannot use %s as the PDF's fallback font", path, exc_info=True)
            continue
        writer.pdf.set_fallback_fonts([FALLBACK], exact_match=False)
        writer.fallback = True
        break
    missing = _lacking(writer, text)
    if missing:
        shown = " ".join(sorted(missing)[:10])
        count = f"{len(missing)} character{'s' * (len(missing) != 1)}"
        LOG.warning(
            "The PDF shows %s as boxes, for want of a font that has them on this computer:"
            " %s (the Markdown and Word exports keep them).", count, shown,
        )  # fmt: skip


@contextmanager
def _quiet_fpdf():
    """fpdf2 logs each font's missing glyphs at length; ``_add_fallback`` says it once."""
    logger = logging.getLogger("fpdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def check_paper(paper: str) -> None:
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")


def render(document: Document, paper: str = "a4", writer: Writer | None = None) -> bytes:
    """The whole document as PDF bytes on ``paper`` ("a4" or "letter"); the same
    document gives the same bytes. ``writer``: one set up ahead for that paper (pdf_ahead)."""
    check_paper(paper)
    writer = writer if writer is not None else Writer(paper)
    _describe(writer, document)
    _add_fallback(writer, document)
    writer.text(document.title, TITLE)
    writer.block(document.subtitle, SUBTITLE)
    writer.rule()
    for block in document.blocks:
        _write_block(writer, block)
    _number_pages(writer, document.title)
    with _quiet_fpdf():
        return bytes(writer.pdf.output())
