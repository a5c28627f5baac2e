"""``po-tracker export chart`` and ``export report``: valid files of the asked size, the
chart list, and one line and exit 2 for every bad input, with no file written."""

from __future__ import annotations

import struct
import subprocess
import sys

import pytest
from cli_run import run

from po_tracker.charts import registry
from po_tracker.cli.chart_commands import REPORT_SIZE


def png_size(path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


@pytest.fixture
def logged(capsys, data_dir):
    run(capsys, data_dir, "rate", "communication", "3", "--date", "2025-01-10")
    run(capsys, data_dir, "stage", "--target", "senior-product-owner")
    return data_dir


def test_png_has_the_asked_pixel_size(capsys, logged, tmp_path):
    out = tmp_path / "radar.png"
    code, text, err = run(
        capsys, logged, "export", "chart", "radar", str(out),
        "--dpi", "50", "--width", "6", "--height", "4", "--as-of", "2025-03-01",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "radar" in text
    assert png_size(out) == (6 * 50, 4 * 50)
    assert out.stat().st_mode & 0o777 == 0o600


def test_default_size_is_ten_by_six_at_150_dpi(capsys, logged, tmp_path):
    out = tmp_path / "map.png"
    assert run(capsys, logged, "export", "chart", "career-map", str(out))[0] == 0
    assert png_size(out) == (1500, 900)


def test_svg_and_pdf_by_extension(capsys, logged, tmp_path):
    svg, pdf = tmp_path / "a.svg", tmp_path / "r.pdf"
    assert run(capsys, logged, "export", "chart", "activity", str(svg))[0] == 0
    assert b"<svg" in svg.read_bytes()[:400]
    assert run(capsys, logged, "export", "report", str(pdf), "--as-of", "2025-03-01")[0] == 0
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_list_names_every_chart_first(capsys, tmp_path):
    folder = tmp_path / "nothing-here"
    code, out, err = run(capsys, folder, "export", "chart", "--list")
    assert (code, err) == (0, "")
    lines = out.strip().splitlines()
    assert [line.split()[0] for line in lines] == list(registry.names())
    assert all(len(line.split(maxsplit=1)) == 2 for line in lines)
    assert not folder.exists()  # listing creates no logbook


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("pie", "{out}.png"), "unknown chart"),
        (("radar", "{out}.gif"), "must end in"),
        (("radar", "{out}.png", "--dpi", "5"), "--dpi"),
        (("radar", "{out}.png", "--dpi", "1201"), "--dpi"),
        (("radar", "{out}.png", "--width", "0"), "--width"),
        (("radar", "{out}.png", "--height", "-2"), "--height"),
        (("radar", "{out}.png", "--width", "101"), "--width"),
        (("radar", "{out}.png", "--width", "90", "--dpi", "1000"), "pixels"),
        (("radar",), "NAME"),
        (("radar", "{missing}/x.png"), "does not exist"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, logged, tmp_path, args, words):
    out = tmp_path / "chart"
    filled = [a.format(out=out, missing=tmp_path / "no") for a in args]
    code, text, err = run(capsys, logged, "export", "chart", *filled)
    assert code == 2
    assert words in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_existing_file_needs_force(capsys, logged, tmp_path):
    out = tmp_path / "r.png"
    out.write_bytes(b"keep")
    code, _, err = run(capsys, logged, "export", "chart", "readiness", str(out))
    assert code == 2 and "--force" in err and out.read_bytes() == b"keep"
    code, _, _ = run(capsys, logged, "export", "chart", "readiness", str(out), "--force")
    assert code == 0 and png_size(out) == (1500, 900)


def test_report_is_an_a4_page_and_the_size_constant_agrees():
    from po_tracker.charts.report import A4_PORTRAIT

    assert REPORT_SIZE == A4_PORTRAIT


def test_fresh_process_loads_no_qt(tmp_path):
    code = (
        "import sys; from po_tracker.launcher import main;"
        f"rc = main(['--data-dir', {str(tmp_path / 'd')!r}, 'export', 'chart', 'radar',"
        f" {str(tmp_path / 'r.png')!r}]);"
        "print(rc, [m for m in ('PySide6', 'matplotlib.pyplot') if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split("\n")[-2] == "0 []", result.stderr


def test_radar_export_of_an_existing_logbook_reads_without_sqlalchemy(capsys, logged, tmp_path):
    """The radar reads plain SQL through a read-only connection: a fresh process draws it
    without importing SQLAlchemy, a third of the command's time."""
    code = (
        "import sys; from po_tracker.launcher import main;"
        f"rc = main(['--data-dir', {str(logged)!r}, 'export', 'chart', 'radar',"
        f" {str(tmp_path / 'r.png')!r}]);"
        "print(rc, sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split("\n")[-2] == "0 []", result.stderr
    assert png_size(tmp_path / "r.png") == (1500, 900)
