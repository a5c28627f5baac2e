"""Interactions inside the running window, timed in-process.

``python -m bench.app_probes DATA_DIR [--repeats N]`` builds the real window over a
logbook (``open_checked``, ``AppContext``, ``MainWindow.attach``, as app.py does), visits
every page, reads its peak memory, then times each interaction with ``perf_counter``
until the event queue is empty (the repaint included); it prints one JSON line of
medians in seconds, and the peak RSS in bytes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bench.words import SEARCH, SEARCH_FEEDBACK, SEARCH_WINS, TYPED
from po_tracker.ui import pyside_import_hook

pyside_import_hook.install()  # as app.main does, before the app's modules are imported

# A text column and a date column: sorting text costs most (casefold keys).
SORT_COLUMNS = (1, 0)
# How long the dashboard is on screen before the first interaction is timed.
READING_MS = 1000


def settle() -> None:
    """Let Qt lay out and paint what the interaction changed."""
    app = QApplication.instance()
    app.processEvents()
    app.sendPostedEvents()
    app.processEvents()


def timed(action, repeats: int, reset=None) -> float:
    """Median seconds of ``action()`` and the paint it causes; ``reset()`` runs untimed
    after each, so every repetition starts from the same state."""
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        action()
        settle()
        times.append(time.perf_counter() - began)
        if reset is not None:
            reset()
            settle()
    return statistics.median(times)


def open_window(data_dir: Path):
    from po_tracker.app import _make_application
    from po_tracker.services.storage.checked_open import open_checked
    from po_tracker.ui.background import wait_for_background
    from po_tracker.ui.context import AppContext
    from po_tracker.ui.main_window import MainWindow

    app = _make_application()
    window = MainWindow()
    window.show()
    settle()
    context = AppContext(open_checked(data_dir), window)
    window.attach(context)
    settle()
    # The dashboard's charts load off the UI thread, and the other pages' modules a
    # moment later: timings start once both are done, as for a person who reads the
    # dashboard for a second before clicking, not while a background job competes for
    # the two cores.
    wait_for_background()
    QTest.qWait(READING_MS)
    wait_for_background()
    settle()
    return app, window, context


def peak_rss() -> int:
    """The process's own high-water mark (VmHWM); ru_maxrss would carry the resident
    size of the benchmark process that spawned it, which Linux keeps across exec."""
    with open("/proc/self/status", encoding="ascii") as status:
        for text in status:
            if text.startswith("VmHWM:"):
                return int(text.split()[1]) * 1024
    return 0


def visit_every_page(window) -> dict[str, float]:
    from po_tracker.ui.navigation import PAGE_KEYS

    firsts = {}
    for key in PAGE_KEYS:
        began = time.perf_counter()
        window.show_page(key)
        settle()
        firsts[key] = time.perf_counter() - began
    return firsts


def page_switches(window, repeats: int) -> dict[str, float]:
    """Median seconds to show each page again, once every page is built."""
    from po_tracker.ui.navigation import PAGE_KEYS

    times: dict[str, list[float]] = {key: [] for key in PAGE_KEYS}
    for _ in range(repeats):
        for key in PAGE_KEYS:
            began = time.perf_counter()
            window.show_page(key)
            settle()
            times[key].append(time.perf_counter() - began)
    return {key: statistics.median(values) for key, values in times.items()}


def reopen_journal(window, repeats: int) -> float:
    """The journal page built afresh and shown, as on its first visit."""

    def drop() -> None:
        window.show_page("dashboard")
        page = window.pages.pop("journal")
        window.stack.removeWidget(page)
        page.deleteLater()

    drop()
    settle()
    return timed(lambda: window.show_page("journal"), repeats, reset=drop)


def typing(box, text: str) -> float:
    """Median seconds per keystroke while ``text`` is typed into ``box``."""
    times = []
    for end in range(1, len(text) + 1):
        began = time.perf_counter()
        box.setText(text[:end])
        settle()
        times.append(time.perf_counter() - began)
    box.clear()
    settle()
    return statistics.median(times)


def filter_journal(window) -> float:
    window.show_page("journal")
    settle()
    return typing(window.page("journal").entries.text_filter, TYPED)


def filter_evidence(window) -> float:
    """Per keystroke in the Wins tab's and the Feedback tab's filter: the slower."""
    window.show_page("evidence")
    page = window.page("evidence")
    medians = []
    for tab in (page.wins, page.feedback):
        page.tabs.setCurrentWidget(tab)
        settle()
        medians.append(typing(tab.search_box, TYPED))
    return max(medians)


def sort_table(page, repeats: int) -> float:
    orders = (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)
    steps = [(c, o) for c in SORT_COLUMNS for o in orders] * repeats
    times = []
    for column, order in steps:
        began = time.perf_counter()
        page.table.sortByColumn(column, order)
        settle()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def save_entry(window, context, repeats: int) -> float:
    """A new journal entry saved from the editor; undone after each, untimed."""
    window.show_page("journal")
    page = window.page("journal")

    def write_and_save() -> None:
        page.editor.load(None)
        page.editor.title.setText("Benchmark entry")
        page.editor.text.set_text("Refined the backlog with the team; split two stories.")
        began = time.perf_counter()
        assert page.save_entry()
        settle()
        times.append(time.perf_counter() - began)

    times: list[float] = []
    for _ in range(repeats):
        write_and_save()
        context.undo_stack.undo()
        settle()
    return statistics.median(times)


def in_session(context, work, repeats: int) -> float:
    def run() -> None:
        with context.reading() as session:
            work(session)

    return timed(run, repeats)


def measure(data_dir: Path, repeats: int) -> dict:
    from po_tracker.services.career import status
    from po_tracker.services.search import full_text as search

    app, window, context = open_window(data_dir)
    firsts = visit_every_page(window)
    peak = peak_rss()
    window.show_page("skills")
    ratings = window.page("skills").history
    switches = page_switches(window, repeats)
    result = {
        "first_visit_max": max(firsts.values()),
        "first_visit_slowest": max(firsts, key=firsts.get),
        "first_visits": firsts,
        "switch_page": max(switches.values()),
        "switch_slowest": max(switches, key=switches.get),
        "switches": switches,
        "open_journal": reopen_journal(window, repeats),
        "filter_journal": filter_journal(window),
        "save_entry": save_entry(window, context, repeats),
        "search": in_session(context, lambda s: search.search(s, SEARCH), repeats * 2),
        "search_wins": in_session(context, lambda s: search.search(s, SEARCH_WINS), repeats * 2),
        "search_feedback": in_session(
            context, lambda s: search.search(s, SEARCH_FEEDBACK), repeats * 2
        ),
        "first_visit_evidence": firsts["evidence"],
        "filter_evidence": filter_evidence(window),
        "readiness": in_session(context, lambda s: status.build(s, date.today()), repeats),
        "peak_rss": peak,
        "platform": app.platformName(),
    }
    window.show_page("skills")
    result["sort_ratings"] = sort_table(ratings, repeats)
    result["filter_ratings"] = typing(ratings.search_box, TYPED)
    app.exit(0)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.app_probes")
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.data_dir, args.repeats)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
