"""Exported files are valid PNG, SVG and PDF, at the asked size, private, atomic."""

from __future__ import annotations

import stat
import struct
import xml.etree.ElementTree as ET

import pytest
import samples

from po_tracker.charts import radar, report
from po_tracker.charts.export import save_figure


@pytest.fixture(scope="module")
def figure():
    return radar.build(samples.radar())


def png_size(path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert head[12:16] == b"IHDR"
    return struct.unpack(">II", head[16:24])


@pytest.mark.parametrize(("width", "height", "dpi"), [(4, 3, 100), (6.5, 4, 150), (10, 6, 72)])
def test_png_has_the_asked_pixel_size(tmp_path, figure, width, height, dpi):
    path = save_figure(figure, tmp_path / "chart.png", dpi=dpi, width=width, height=height)
    assert png_size(path) == (round(width * dpi), round(height * dpi))


def test_size_is_restored_and_one_side_keeps_the_aspect(tmp_path, figure):
    before = tuple(figure.get_size_inches())
    path = save_figure(figure, tmp_path / "chart.png", dpi=50, width=5)
    assert png_size(path) == (250, 150)
    assert tuple(figure.get_size_inches()) == before


def test_svg_is_xml_with_an_svg_root(tmp_path, figure):
    path = save_figure(figure, tmp_path / "chart.svg")
    assert ET.parse(path).getroot().tag == "{http://www.w3.org/2000/svg}svg"


def test_pdf_header(tmp_path, figure):
    path = save_figure(figure, tmp_path / "chart.PDF")
    assert path.read_bytes()[:5] == b"%PDF-"


@pytest.mark.parametrize("name", ["chart.jpg", "chart", "chart.png.txt"])
def test_unknown_extension_is_rejected(tmp_path, figure, name):
    with pytest.raises(ValueError, match=r"\.png, \.svg, \.pdf"):
        save_figure(figure, tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_file_is_private_and_no_temporary_is_left(tmp_path, figure):
    (tmp_path / "chart.png").write_bytes(b"old")
    path = save_figure(figure, tmp_path / "chart.png", dpi=30)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]
    assert path.read_bytes()[:4] == b"\x89PNG"


def test_report_is_one_a4_page(tmp_path):
    path = save_figure(report.build_report(samples.report()), tmp_path / "report.pdf")
    data = path.read_bytes()
    assert data[:5] == b"%PDF-"
    assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") <= 1
    assert b"/MediaBox [ 0 0 595.44 841.68 ]" in data  # 8.27 x 11.69 in at 72 pt/in
