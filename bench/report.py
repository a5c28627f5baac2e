"""The benchmark's table: each figure at the largest size against its floor and its
budget, then the same figure at every size (growth); and the machine it ran on."""

from __future__ import annotations

import os
import platform
import re
import statistics
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bench.runner import Results

MB = 1024 * 1024
LIMIT_S = 0.100  # every interaction inside the window
EXPORT_S = 3.0  # a promotion case or a review, written by a fresh process
# Budgets hold only if they hold at each of these sizes in the run (the largest alone
# when the run has none of them).
JUDGED_SIZES = (10_000, 100_000)


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    floor: str | None = None  # a floor's key in Results.floors
    ratio: float | None = None  # budget: at most this many times the floor
    limit: float | None = None  # budget: at most this many seconds
    unit: str = "s"
    per_size_floor: bool = False  # the floor runs on the same logbook (d)
    figure: str = ""  # the app's figure in Results.app when it is not ``key``

    @property
    def app_key(self) -> str:
        return self.figure or self.key


FLOOR_LABELS = {
    "a": "(a) bare PySide6 window, first frame",
    "a_orm": "(a+ORM) bare window after `import sqlalchemy.orm`, first frame",
    "b": "(b) window + QtAgg radar drawn",
    "c": "(c) radar to PNG with Agg, whole process",
    "b_rss": "(b) peak memory",
    "insert": "(d) executemany insert of the same rows, whole process",
    "counts": "(d) counts of the 8 logs",
    "page_200": "(d) journal page of 200 rows, newest first",
    "monthly_sums": "(d) monthly training hours",
    "fts_match": "(d) FTS5 match, the app's statement",
    "fts_wins": "(d) FTS5 match, words found only in wins",
    "fts_feedback": "(d) FTS5 match, words found only in feedback",
}
ROWS = (
    Row("first_frame", "First painted main window", "a", ratio=1.5),
    Row("numbers", "Dashboard showing the numbers", "a", ratio=3.0),
    Row("charts", "Dashboard charts drawn", "b", ratio=1.3),
    Row("ready", "Window ready for input (logbook open)", "a"),
    Row(
        "cold_numbers", "Dashboard numbers, first start of a day or after a change", "a", ratio=3.5
    ),
    Row(
        "cold_numbers_orm",
        "the same, against the bare window with the ORM imported",
        "a_orm",
        figure="cold_numbers",
    ),
    Row("cold_charts", "Dashboard charts, first start of a day or after a change", "a", ratio=8.0),
    Row("cold_ready", "Window ready, first start of a day or after a change", "a"),
    Row("export_chart", "`export chart radar out.png`, fresh process", "c", ratio=1.3),
    Row("export_case", "`export case case.pdf`, fresh process", limit=EXPORT_S),
    Row(
        "export_review",
        "`export review --since (a year ago) review.pdf`, fresh process",
        limit=EXPORT_S,
    ),
    Row("save_entry", "Save a journal entry", limit=LIMIT_S),
    Row("switch_page", "Switch to a page already built, slowest", limit=LIMIT_S),
    Row("first_visit_max", "First visit of a page, slowest", limit=LIMIT_S),
    Row("open_journal", "Open the journal (the biggest log)", limit=LIMIT_S),
    Row("filter_journal", "Filter the journal, per keystroke", limit=LIMIT_S),
    Row("sort_ratings", "Sort the rating history table by a column", limit=LIMIT_S),
    Row("filter_ratings", "Filter the rating history table, per keystroke", limit=LIMIT_S),
    Row("first_visit_evidence", "First visit of Wins & feedback", limit=LIMIT_S),
    Row("filter_evidence", "Filter wins or feedback, per keystroke (slower tab)", limit=LIMIT_S),
    Row("search", "Global search (services.search)", "fts_match", 2.0, LIMIT_S, "s", True),
    Row(
        "search_wins",
        "Global search, words found only in wins",
        "fts_wins",
        2.0,
        LIMIT_S,
        "s",
        True,
    ),
    Row(
        "search_feedback",
        "Global search, words found only in feedback",
        "fts_feedback",
        2.0,
        LIMIT_S,
        "s",
        True,
    ),
    Row("readiness", "Recompute readiness (status.build)", limit=LIMIT_S),
    Row("import_json", "`import json`, fresh process", "insert", ratio=3.0, per_size_floor=True),
    Row("peak_rss", "Peak memory after visiting every page", "b_rss", ratio=1.5, unit="MB"),
)


def median(samples) -> float | None:
    samples = [s for s in samples if s is not None]
    return statistics.median(samples) if samples else None


def fmt(value: float | None, unit: str = "s") -> str:
    if value is None:
        return "n/a"
    if unit == "MB":
        return f"{value / MB:.0f} MB"
    if value < 0.001:
        return f"{value * 1e6:.0f} µs"
    return f"{value * 1000:.0f} ms" if value >= 0.01 else f"{value * 1000:.1f} ms"


def budget_text(row: Row) -> str:
    if row.limit is None and row.ratio is None:
        return "—"
    parts = []
    if row.limit is not None:
        limit = f"{row.limit:g} s" if row.limit >= 1 else f"{row.limit * 1000:.0f} ms"
        parts.append(f"≤ {limit}")
    if row.ratio is not None:
        parts.append(f"≤ {row.ratio:g}× floor")
    return " and ".join(parts)


def judge(row: Row, value, floor_value) -> tuple[float | None, str]:
    if value is None:
        return None, "not measured"
    ratio = value / floor_value if row.floor and floor_value else None
    if row.limit is None and row.ratio is None:
        return ratio, "—"  # shown for reference: the issue sets no budget for it
    holds = True
    if row.limit is not None:
        holds = holds and value <= row.limit
    if row.ratio is not None:
        if ratio is None:
            return None, "no floor"
        holds = holds and ratio <= row.ratio
    return ratio, "yes" if holds else "**no**"


def _label(row: Row, results: Results) -> str:
    if not results.slowest_page:
        return row.label
    page = results.slowest_page[max(results.slowest_page)].get(row.key)
    return f"{row.label} ({page})" if page else row.label


def _floor_value(results: Results, row: Row, size: int) -> float | None:
    if not row.floor:
        return None
    return median(results.floors.get((row.floor, size if row.per_size_floor else 0), []))


def _at(results: Results, row: Row, size: int) -> tuple[float | None, float | None, str]:
    """The figure at ``size``, its floor, and whether its budget holds there."""
    value = median(results.app.get((row.app_key, size), []))
    floor_value = _floor_value(results, row, size)
    return value, floor_value, judge(row, value, floor_value)[1]


def judged_sizes(sizes: list[int]) -> list[int]:
    return [size for size in sizes if size in JUDGED_SIZES] or [max(sizes)]


def _holds(results: Results, row: Row) -> str:
    sizes = judged_sizes(results.config.sizes)
    verdicts = {size: _at(results, row, size)[2] for size in sizes}
    failed = [size for size, verdict in verdicts.items() if verdict == "**no**"]
    largest = verdicts[max(sizes)]
    if largest != "yes" or not failed:
        return largest
    return "**no** at " + ", ".join(f"{size:,}" for size in failed)


def _size_cell(results: Results, row: Row, size: int) -> str:
    value, floor_value, _ = _at(results, row, size)
    ratio = judge(row, value, floor_value)[0]
    text = fmt(value, row.unit)
    return text if ratio is None or not row.ratio else f"{text} ({ratio:.2f}×)"


def table_lines(results: Results) -> list[str]:
    sizes = results.config.sizes
    largest = max(sizes)
    head = ["Figure", f"App ({largest:,})", "Floor", "Ratio", "Budget", "Holds"]
    head += [f"{size:,}" for size in sizes]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in ROWS:
        value, floor_value, _ = _at(results, row, largest)
        ratio, _ = judge(row, value, floor_value)
        cells = [_label(row, results), fmt(value, row.unit), fmt(floor_value, row.unit)]
        cells += ["—" if ratio is None else f"{ratio:.2f}×", budget_text(row), _holds(results, row)]
        cells += [_size_cell(results, row, size) for size in sizes]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def floor_lines(results: Results) -> list[str]:
    sizes = results.config.sizes
    head = ["Floor", "Median"] + [f"{size:,}" for size in sizes]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key, label in FLOOR_LABELS.items():
        unit = "MB" if key == "b_rss" else "s"
        if (key, 0) in results.floors:
            cells = [label, fmt(median(results.floors[(key, 0)]), unit)] + [""] * len(sizes)
        else:
            per_size = [fmt(median(results.floors.get((key, s), [])), unit) for s in sizes]
            cells = [label, per_size[-1], *per_size]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def machine(results: Results) -> dict[str, str]:
    import sqlite3

    import matplotlib
    import PySide6
    import sqlalchemy
    from PySide6.QtCore import qVersion

    return {
        "CPU": _cpu_model(),
        "Cores": str(os.cpu_count()),
        "Memory": _memory(),
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "Qt": f"{qVersion()} (PySide6 {PySide6.__version__})",
        "Libraries": f"matplotlib {matplotlib.__version__}, SQLAlchemy {sqlalchemy.__version__}, "
        f"SQLite {sqlite3.sqlite_version}",
        "Display": results.display,
    }


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return platform.processor() or "unknown"
    found = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
    return found.group(1).strip() if found else platform.machine()


def _memory() -> str:
    try:
        text = Path("/proc/meminfo").read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    found = re.search(r"^MemTotal:\s*(\d+) kB", text, re.MULTILINE)
    return f"{int(found.group(1)) / 1024 / 1024:.1f} GiB" if found else "unknown"


def render(results: Results, when: datetime | None = None) -> str:
    when = when or datetime.now().astimezone()
    config = results.config
    info = machine(results)
    lines = [f"### Run of {when:%Y-%m-%d %H:%M %Z} on {info['CPU']}", ""]
    lines += [f"- {name}: {value}" for name, value in info.items()]
    lines.append(
        f"- Runs: {config.runs} of each start-up and fresh process (medians), "
        f"{config.import_runs} of each import and export, {config.repeats} repetitions of each "
        f"interaction; budgets judged at "
        f"{' and '.join(f'{size:,}' for size in judged_sizes(config.sizes))} entries."
    )
    lines += [f"- Note: {note}" for note in results.notes]
    lines += ["", *table_lines(results), "", "Floors, medians:", "", *floor_lines(results)]
    return "\n".join(lines) + "\n"


START = "<!-- bench:start (written by python -m bench; edits inside are replaced) -->"
END = "<!-- bench:end -->"


def write(path: Path, text: str) -> None:
    """Put ``text`` between the markers of the Benchmarks section, keeping everything
    else in the file (other sections, the analysis below the table)."""
    block = f"{START}\n{text}{END}"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# Performance\n\n## Benchmarks\n\n{block}\n", encoding="utf-8")
        return
    old = path.read_text(encoding="utf-8")
    if START in old and END in old:
        before, rest = old.split(START, 1)
        new = before + block + rest.split(END, 1)[1]
    else:
        new = old.rstrip("\n") + f"\n\n## Benchmarks\n\n{block}\n"
    path.write_text(new, encoding="utf-8")
