"""``po-tracker --self-test``: proves an installation works end to end, the same way
from a source checkout, an installed wheel and the frozen bundle. In a temporary data
folder it creates the logbook through the migrations, logs an entry of each kind,
computes readiness, renders a chart to PNG, writes the promotion case as a PDF (fpdf2
and the font it embeds), builds the main window offscreen, visits every page and closes
it."""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from datetime import date, timedelta
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _log_one_of_each(database) -> None:
    from ..services.logbook import (
        certifications,
        contacts,
        events,
        experience,
        goals,
        profile,
        ratings,
        training,
    )
    from ..services.logbook import journal_entries as journal

    day = date.today() - timedelta(days=30)
    with database.write() as session:
        profile.set_stages(session, current="product-owner", target="senior-product-owner")
        certifications.create(session, certifications.CertificationInput("CSPO", earned_on=day))
        course = training.create(
            session, training.TrainingInput("Self-test course", 4, day, skills=("Customer focus",))
        )
        events.create(
            session, events.EventInput("Self-test meetup", "meetup", day, contacts=("Self Test",))
        )
        contacts.create(session, contacts.ContactInput("Another Person"))
        ratings.create(session, ratings.RatingInput("communication", 3, day))
        experience.create(session, experience.ExperienceInput("Product Owner", day, sprints=2))
        goals.create(session, goals.GoalInput("Earn A-CSPO", credential="a-cspo"))
        journal.create(
            session,
            journal.JournalInput(
                "Self-test entry",
                day,
                tags=("check",),
                links=(journal.EntryRef("training", course.id),),
            ),
        )


def _round_trip(database, folder: Path) -> None:
    """Also proves the streaming JSON reader (a compiled parser) is installed."""
    import json

    from ..services.exchange import interchange
    from ..services.storage.opening import open_logbook

    with database.read() as session:
        document = interchange.export_document(session)
    path = folder / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    other = open_logbook(folder / "other")
    try:
        with other.write() as session:
            plan = interchange.import_document(session, interchange.read_document(path))
    finally:
        other.close()
    if plan.total_added != sum(len(v) for v in document.values() if isinstance(v, list)):
        raise RuntimeError(f"the export did not import whole: {plan.summary()}")


def _render_chart(database, folder: Path) -> Path:
    from ..charts.data import RadarData
    from ..charts.export import save_figure
    from ..charts.registry import build
    from ..services.career import skill_standing

    with database.read() as session:
        standing = skill_standing.standings(session, date.today())
    data = RadarData(
        skills=tuple(s.skill for s in standing),
        current=tuple(s.level for s in standing),
        target=tuple(s.target for s in standing),
        as_of=date.today(),
    )
    path = folder / "radar.png"
    save_figure(build("radar", data), path, dpi=60, width=6, height=4)
    if path.read_bytes()[:8] != PNG_SIGNATURE:
        raise RuntimeError("the chart file is not a PNG")
    return path


def _write_case_pdf(database, folder: Path) -> Path:
    from ..documents import case_document, formats
    from ..services.career import promotion_case

    with database.read() as session:
        case = promotion_case.build(session, date.today())
    path = formats.write(case_document.build_document(case), folder / "case.pdf", force=False)
    data = path.read_bytes()
    if not (data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")):
        raise RuntimeError("the promotion case is not a whole PDF file")
    return path


def _open_window(database) -> int:
    from PySide6.QtWidgets import QApplication

    from .context import AppContext
    from .main_window import MainWindow
    from .navigation import PAGES

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow()
    window.attach(AppContext(database, window))
    window.show()
    for spec in PAGES:
        window.show_page(spec.key)
        app.processEvents()
    window.close()
    return len(window.pages)


def run() -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    started = time.perf_counter()
    step = "starting"
    try:
        with tempfile.TemporaryDirectory(prefix="po-tracker-self-test-") as folder:
            from ..services.career import status
            from ..services.storage.opening import open_logbook

            step = "creating the logbook through the migrations"
            database = open_logbook(Path(folder) / "data")
            step = "logging an entry of each kind"
            _log_one_of_each(database)
            step = "computing readiness"
            with database.read() as session:
                report = status.build(session, date.today())
            if report.readiness is None:
                raise RuntimeError("no readiness was computed")
            step = "exporting to JSON and importing it into an empty logbook"
            _round_trip(database, Path(folder))
            step = "rendering a chart to PNG"
            _render_chart(database, Path(folder))
            step = "writing the promotion case as a PDF"
            _write_case_pdf(database, Path(folder))
            step = "building the main window"
            pages = _open_window(database)
            database.close()
    except Exception:  # noqa: BLE001 - any failure is the answer the user asked for
        print(f"self-test FAILED while {step}:", file=sys.stderr)
        traceback.print_exc()
        return 1
    print(
        f"self-test passed: logbook, {pages} pages, readiness {report.readiness.overall:.0f}%,"
        f" chart, PDF; {time.perf_counter() - started:.2f} s"
    )
    return 0
