"""Regenerate the baseline images that test_baselines.py compares each chart against.

Run after an intended change to a chart, look at every PNG, then commit them:

    python tests/charts/make_baselines.py

The baselines come from the seeded sample data in samples.py (fixed dates), the light
theme and DejaVu Sans, at a small size so the repository stays light.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "baseline"
SIZE, DPI = (8.0, 5.0), 60
REPORT_DPI = 40
CASE_PAGE_DPI = 60  # the PDF's first page, drawn by PDFium as a reader would show it


def render(name: str, out: Path) -> Path:
    """Render one chart (or "report") to ``out`` exactly as the test does."""
    import samples
    from cases import SMALL

    from po_tracker.charts import registry
    from po_tracker.charts.export import save_figure
    from po_tracker.charts.report import build_report

    if name == "report":
        return save_figure(build_report(samples.report()), out, dpi=REPORT_DPI)
    if name == "case-page":  # the promotion case's first PDF page (A4)
        return render_case_page(out)
    return save_figure(registry.build(name, SMALL[name](), size=SIZE), out, dpi=DPI)


def render_case_page(out: Path) -> Path:
    import case_sample
    import pypdfium2

    from po_tracker.documents import pdf

    document = pypdfium2.PdfDocument(pdf.render(case_sample.document()))
    document[0].render(scale=CASE_PAGE_DPI / 72).to_pil().save(out)
    return out


def names() -> list[str]:
    from po_tracker.charts import registry

    return [*registry.names(), "report", "case-page"]


def main() -> None:
    BASELINE.mkdir(exist_ok=True)
    for name in names():
        print(render(name, BASELINE / f"{name}.png"))


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE.parents[1]))
    import os

    os.environ.setdefault("MPLBACKEND", "Agg")
    main()
