"""``po-tracker export chart`` and ``po-tracker export report``: a chart or the one-page
progress report to PNG, SVG or PDF.

Every argument is checked before the logbook is read or matplotlib is loaded, so a bad
one fails fast and writes nothing. matplotlib is imported here, on first use, with the
Agg backend: the charts draw on a plain ``Figure`` and never touch pyplot or Qt.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from ..charts import registry
from ..files import check_target
from ..services.errors import ValidationError

DPI_RANGE = (10, 1200)
MAX_INCHES = 100.0
MAX_PIXELS = 16_384  # a side of a PNG; past that Agg needs gigabytes of memory
DEFAULT_DPI = 150
FORMATS = (".png", ".svg", ".pdf")
# charts.report.A4_PORTRAIT, repeated so that checking the arguments loads no matplotlib.
REPORT_SIZE = (8.27, 11.69)


def _fail(field: str, message: str) -> ValidationError:
    return ValidationError.single(field, message)


def check_file(path: str, force: bool) -> Path:
    if Path(path).suffix.lower() not in FORMATS:
        raise _fail("FILE", f"{path} must end in {', '.join(FORMATS)}")
    return check_target(path, force=force)


def check_size(args, default: tuple[float, float]) -> tuple[float, float | None, float | None]:
    """(dpi, width, height) after checking each against its range."""
    dpi = DEFAULT_DPI if args.dpi is None else args.dpi
    if not DPI_RANGE[0] <= dpi <= DPI_RANGE[1]:
        raise _fail("--dpi", f"must be from {DPI_RANGE[0]} to {DPI_RANGE[1]}, not {dpi:g}")
    asked_w, asked_h = getattr(args, "width", None), getattr(args, "height", None)
    for flag, value in (("--width", asked_w), ("--height", asked_h)):
        if value is not None and not 0 < value <= MAX_INCHES:
            raise _fail(flag, f"must be more than 0 and at most {MAX_INCHES:g} inches")
    # One of the two alone keeps the chart's proportions, as save_figure does.
    width = asked_w or (default[0] * asked_h / default[1] if asked_h else default[0])
    height = asked_h or (default[1] * asked_w / default[0] if asked_w else default[1])
    if Path(args.file).suffix.lower() == ".png" and max(width, height) * dpi > MAX_PIXELS:
        raise _fail(
            "--dpi",
            f"{width:g} x {height:g} in at {dpi:g} dpi is over {MAX_PIXELS} pixels a side",
        )
    return dpi, asked_w, asked_h


def _load_matplotlib() -> None:
    # Before the first matplotlib import: nothing may pick an interactive backend.
    os.environ["MPLBACKEND"] = "Agg"


def _save(figure, target: Path, dpi, width, height, force: bool) -> None:
    from ..charts.export import save_figure

    save_figure(figure, target, dpi=dpi, width=width, height=height, force=force)


def _chart_data(db, name: str, as_of: date):
    if name == "radar":
        # Plain SQL on a read-only connection: the export then imports neither SQLAlchemy
        # nor the models, a third of its time in a fresh process.
        from ..services.charts_data.chart_data_radar import read_radar

        with db.plain_read() as connection:
            return read_radar(connection, as_of)
    from ..services.charts_data.chart_data import chart_data

    with db.read() as session:
        return chart_data(session, name, as_of)


def export_chart(args, db) -> int:
    if args.list_charts:
        print(registry.listing())
        return 0
    if not args.name or not args.file:
        raise _fail("NAME", "give a chart NAME and a FILE, or --list to see the charts")
    if args.name not in registry.CHARTS:
        raise _fail("NAME", f"unknown chart {args.name!r}; see po-tracker export chart --list")
    from ..charts.theme import DEFAULT_SIZE

    target = check_file(args.file, args.force)
    dpi, width, height = check_size(args, DEFAULT_SIZE)
    data = _chart_data(db, args.name, args.as_of or date.today())
    _load_matplotlib()
    figure = registry.build(args.name, data)
    _save(figure, target, dpi, width, height, args.force)
    print(f"Exported the {args.name} chart to {target}")
    return 0


def export_report(args, db) -> int:
    target = check_file(args.file, args.force)
    dpi, width, height = check_size(args, REPORT_SIZE)
    from ..services.charts_data.chart_data_skills import report_data

    with db.read() as session:
        data = report_data(session, args.as_of or date.today())
    _load_matplotlib()
    from ..charts.report import build_report

    _save(build_report(data), target, dpi, width, height, args.force)
    print(f"Exported the progress report to {target}")
    return 0
