"""Exported documents read right in other programs, checked with independent readers:
PDF text copies and searches as written (pypdf), SVG text is text (an XML parser), PNG
has no alpha channel when nothing is transparent (Pillow), and a long credential name in
the report stays inside its column."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

import pytest
import samples
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image
from pypdf import PdfReader

from po_tracker.charts import radar, report
from po_tracker.charts.data import CredentialLine
from po_tracker.charts.export import save_figure

SVG = "{http://www.w3.org/2000/svg}"


def _fonts(reader: PdfReader) -> list:
    fonts = reader.pages[0]["/Resources"]["/Font"]
    return [font.get_object() for font in fonts.values()]


def test_report_pdf_text_copies_as_written_with_title_and_subject(tmp_path):
    path = save_figure(report.build_report(samples.report()), tmp_path / "report.pdf")
    reader = PdfReader(path)
    text = reader.pages[0].extract_text()
    assert "Product Owner → Senior Product Owner" in text
    assert "Stakeholder management" in text
    for font in _fonts(reader):
        assert font["/Subtype"] == "/Type0", "TrueType (CID) fonts, not Type 3 drawings"
        assert "/ToUnicode" in font
    assert reader.metadata.title == "Progress report"
    assert "PO Tracker" in reader.metadata.subject


def test_chart_pdf_carries_the_chart_title(tmp_path):
    path = save_figure(radar.build(samples.radar()), tmp_path / "radar.pdf")
    reader = PdfReader(path)
    assert reader.metadata.title
    assert reader.metadata.title in reader.pages[0].extract_text()


def test_svg_keeps_text_as_text_with_fallback_fonts(tmp_path):
    path = save_figure(report.build_report(samples.report()), tmp_path / "report.svg")
    root = ET.parse(path).getroot()
    texts = ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]
    assert any("Senior Product Owner" in text for text in texts)
    styles = [node.get("style", "") for node in root.iter(f"{SVG}text")]
    assert all("sans-serif" in style or "monospace" in style for style in styles)
    assert any("'DejaVu Sans', 'Verdana', 'Arial'" in style for style in styles)


def test_an_opaque_png_has_no_alpha_channel(tmp_path):
    path = save_figure(radar.build(samples.radar()), tmp_path / "radar.png", dpi=40)
    with Image.open(path) as image:
        assert image.mode == "RGB"


def test_a_transparent_png_keeps_its_alpha_channel(tmp_path):
    figure = radar.build(samples.radar())
    figure.patch.set_alpha(0)
    for axes in figure.axes:
        axes.patch.set_alpha(0)
    try:
        import matplotlib

        with matplotlib.rc_context({"savefig.facecolor": "none"}):
            path = save_figure(figure, tmp_path / "clear.png", dpi=40)
    finally:
        figure.patch.set_alpha(1)
    with Image.open(path) as image:
        assert image.mode == "RGBA"
        assert image.getchannel("A").getextrema()[0] < 255


@pytest.mark.parametrize("name", [
    "Certified Scrum Product Owner with a very long programme name from an awarding body",
    "X" * 200,
])  # fmt: skip
def test_a_long_credential_name_stays_inside_its_column(name):
    data = samples.report()
    long_line = CredentialLine(name, "due-30", data.as_of, 3.0, 20.0, "SEU")
    data = dataclasses.replace(data, credentials=(long_line, *data.credentials))
    figure = report.build_report(data)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    column = figure.axes[-2]  # credentials; the next actions are the last column
    bounds = column.get_window_extent(renderer)
    right_column = figure.axes[-1].get_window_extent(renderer)
    for text in column.texts:
        extent = text.get_window_extent(renderer)
        assert extent.x1 <= right_column.x0, f"{text.get_text()!r} runs into the next column"
        assert extent.y0 >= 0 and extent.x0 >= bounds.x0 - 1
    names = [t.get_text() for t in column.texts if t.get_fontweight() == "bold"]
    assert names[0].replace("\n", " ").startswith(name[:20])
