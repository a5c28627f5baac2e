"""The PDF writer, read back with independent readers: pypdf for the text, the metadata
and the page sizes, PDFium for what a reader shows on the page."""

from __future__ import annotations

import io
import logging
from datetime import date

import pypdfium2
import pytest
from pypdf import PdfReader

from po_tracker.documents import formats, pdf, pdf_ahead, pdf_fonts
from po_tracker.documents.blocks import Bullets, Document, Heading, Paragraph, Quote
from po_tracker.documents.pdf_wrap import wrap

NAMES = "Zoë Brontë, Łukasz Żółć, Дмитрий Шостакович, Ελένη Παπαδοπούλου"


def _document(*blocks, title="Review digest", dated=date(2025, 6, 30)) -> Document:
    return Document(title, "2025-01-01 to 2025-06-30", tuple(blocks), dated)


def _read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in _read(data).pages)


def test_every_block_reads_back_in_order():
    document = _document(
        Heading(1, "Wins"), Paragraph("Two wins in the period."),
        Bullets(("Shipped payouts v2 (2025-03-01)", "Cut lead time (2025-04-01)")),
        Heading(1, "Feedback"), Quote("Owns the room in planning", "Dana Reyes, manager"),
        Paragraph("No self-rating changed.", muted=True),
    )  # fmt: skip
    text = _text(pdf.render(document))
    expected = [
        "Review digest", "Wins", "Two wins in the period.", "Shipped payouts v2 (2025-03-01)",
        "Cut lead time (2025-04-01)", "Feedback", "“Owns the room in planning”",
        "— Dana Reyes, manager", "No self-rating changed.",
    ]  # fmt: skip
    positions = [text.index(piece) for piece in expected]
    assert positions == sorted(positions)


def test_names_in_any_european_script_survive():
    data = pdf.render(_document(Quote("Great facilitation", NAMES), title=f"Feedback: {NAMES}"))
    text = _text(data)
    assert text.count("Zoë Brontë") >= 2 and "Дмитрий Шостакович" in text
    assert "Ελένη Παπαδοπούλου" in text and "Łukasz Żółć" in text
    assert _read(data).metadata.title == f"Feedback: {NAMES}"


def test_metadata_and_the_same_bytes_for_the_same_document():
    document = _document(Paragraph("Same words, same file."))
    first, second = pdf.render(document), pdf.render(document)
    assert first == second
    meta = _read(first).metadata
    assert meta.title == "Review digest" and meta.subject == "2025-01-01 to 2025-06-30"
    assert meta.creator == "PO Tracker"
    assert meta.creation_date.date() == date(2025, 6, 30)  # the day it is as of, not now


@pytest.mark.parametrize(("paper", "size"), [("a4", (595.28, 841.89)), ("letter", (612, 792))])
def test_paper_size_and_numbered_pages(paper, size):
    many = Bullets(tuple(f"Entry number {n} of the period" for n in range(200)))
    reader = _read(pdf.render(_document(Heading(1, "Journal highlights"), many), paper))
    total = len(reader.pages)
    assert total >= 3
    for number, page in enumerate(reader.pages, 1):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(size)
        assert f"{number} / {total}" in page.extract_text()
    assert "Entry number 199 of the period" in reader.pages[-1].extract_text()


def test_an_unknown_paper_is_refused():
    with pytest.raises(ValueError, match="paper must be one of a4, letter, not 'a5'"):
        pdf.render(_document(), "a5")
    with pytest.raises(ValueError, match="paper must be one of"):
        formats.prepare("case.pdf", "a5")


def _ink_right_of_margin(data: bytes) -> int:
    """Dark pixels between the right margin and the paper's edge, on the first page."""
    page = pypdfium2.PdfDocument(data)[0]
    scale = 2
    image = page.render(scale=scale).to_pil().convert("L")
    left = int((page.get_width() - pdf.MARGIN + 1) * scale)
    strip = image.crop((left, 0, image.width, image.height))
    return sum(strip.histogram()[:200])


def test_a_long_word_wraps_inside_the_margins():
    word = "https://wiki.example.com/" + "very-long-path-segment/" * 20
    data = pdf.render(_document(Paragraph(word), Bullets((word,)), Quote(word, "Someone")))
    assert _ink_right_of_margin(data) == 0
    lines = _read(data).pages[0].extract_text().splitlines()
    pieces = [line for line in lines if "very-long-path-segment" in line]
    assert len(pieces) >= 9  # three blocks of at least three lines each
    assert "".join(pieces[:3]).replace("• ", "").startswith(word[:200])


def test_the_margin_check_sees_ink_past_the_margin():
    """The margin check above sees ink: a paragraph of ordinary words reaches the
    margin without crossing it, and a line drawn past it is seen."""
    words = " ".join(["stakeholder"] * 200)
    assert _ink_right_of_margin(pdf.render(_document(Paragraph(words)))) == 0
    writer = pdf.Writer("a4")
    writer.pdf.set_font(pdf_fonts.FAMILY, "", 10)
    writer.pdf.text(writer.pdf.w - pdf.MARGIN + 10, 100, "X")
    assert _ink_right_of_margin(bytes(writer.pdf.output())) > 0


def test_wrap_fills_lines_and_breaks_only_words_too_long():
    def measure(text):
        return float(len(text))

    assert wrap("one two three four", 9, measure) == ["one two", "three", "four"]
    assert wrap("a\n\nb   c", 9, measure) == ["a", "", "b c"]
    assert wrap("ab abcdefghijkl c", 5, measure) == ["ab", "abcde", "fghij", "kl c"]
    assert wrap("", 5, measure) == [""]


def test_characters_the_fonts_lack_do_not_stop_the_export(monkeypatch, caplog):
    monkeypatch.setattr(pdf_fonts, "FALLBACK_CANDIDATES", ())
    # import-linter's command (tests/test_architecture.py runs it in this process)
    # configures logging with dictConfig, which disables every logger made before it.
    monkeypatch.setattr(pdf.LOG, "disabled", False)
    caplog.set_level(logging.WARNING)
    data = pdf.render(_document(Paragraph("Feedback from 山田 and Zoë, thanks")))
    assert "Feedback from" in _text(data) and "Zoë, thanks" in _text(data)
    said = [r.getMessage() for r in caplog.records if r.name == pdf.__name__]
    assert len(said) == 1 and "shows 2 characters as boxes" in said[0] and "山 田" in said[0]
    assert not [r for r in caplog.records if r.name.startswith("fpdf")]


def test_a_fallback_font_draws_what_dejavu_lacks(monkeypatch, caplog):
    """Any font with glyphs DejaVu Sans lacks serves (STIX, shipped with matplotlib,
    has U+1D81); the computer's CJK font is found the same way."""
    stix = pdf_fonts.font_folder() / "STIXGeneral.ttf"
    monkeypatch.setattr(pdf_fonts, "FALLBACK_CANDIDATES", (str(stix),))
    caplog.set_level(logging.WARNING)
    data = pdf.render(_document(Paragraph("Sound \u1d81 kept")))
    assert "Sound \u1d81 kept" in _text(data)
    assert b"STIXGeneral" in data and not caplog.records


def test_a_missing_font_folder_is_named(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_fonts, "_candidates", lambda: [tmp_path])
    pdf_fonts.font_folder.cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match="PDF font .DejaVu Sans"):
            pdf.render(_document())
    finally:
        pdf_fonts.font_folder.cache_clear()


def test_the_font_is_found_without_importing_matplotlib():
    import subprocess
    import sys

    code = (
        "import sys; from po_tracker.documents import pdf_fonts; pdf_fonts.font_folder();"
        "print('matplotlib' in sys.modules)"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert found.returncode == 0 and found.stdout.strip() == "False"


def test_a_writer_set_up_ahead_writes_the_same_file(tmp_path):
    document = _document(Heading(1, "Wins"), Bullets((NAMES,)))
    ahead = formats.prepare(tmp_path / "case.pdf", "letter")
    assert isinstance(ahead, pdf_ahead.Prepared)
    assert pdf.render(document, "letter", ahead.writer()) == pdf.render(document, "letter")
    assert formats.prepare(tmp_path / "case.md", "letter") is None
