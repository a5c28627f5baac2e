"""One benchmark run: the floors and the app, alternated, as whole processes, and the
interactions inside the running window, at every size; every sample is kept, the report
takes medians."""

from __future__ import annotations

import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from bench import datasets
from bench.processes import ProcessFailed, child_env, floor, python, run, screen
from bench.words import SEARCH, SEARCH_FEEDBACK, SEARCH_WINS

# Interactions timed inside app_probes, as its JSON names them.
INTERACTIONS = ("save_entry", "switch_page", "first_visit_max", "open_journal", "filter_journal",
                "sort_ratings", "filter_ratings", "search", "readiness", "search_wins",
                "search_feedback", "first_visit_evidence", "filter_evidence")  # fmt: skip
QUERIES = ("counts", "page_200", "monthly_sums", "fts_match", "fts_wins", "fts_feedback")
# The documents a promotion case and a review are handed on as: PDF, the slowest format.
EXPORTS = {
    "export_case": ("case", "case.pdf"),
    "export_review": ("review", "review.pdf", "--since", "{year_ago}"),
}
# What the start-up probe reports (po_tracker/ui/startup_probe.py).
STARTUP_MARKS = ("first_frame", "numbers", "charts", "ready")


@dataclass
class Config:
    sizes: list[int]
    runs: int = 7
    repeats: int = 5  # of each interaction, inside one window
    import_runs: int = 3  # of each import and export: a 100,000-entry import takes ~30 s
    display: str = "auto"


@dataclass
class Results:
    config: Config
    display: str = ""
    # (figure, size) -> samples; size 0 for the floors that do not depend on the log.
    app: dict[tuple[str, int], list[float]] = field(default_factory=lambda: defaultdict(list))
    floors: dict[tuple[str, int], list[float]] = field(default_factory=lambda: defaultdict(list))
    notes: list[str] = field(default_factory=list)
    # size -> {figure: the page it was slowest on}
    slowest_page: dict[int, dict[str, str]] = field(default_factory=dict)


def chart_command_exists(env) -> bool:
    try:
        run(python("-m", "po_tracker", "export", "chart", "--help"), env, timeout=60)
    except ProcessFailed:
        return False
    return True


class Bench:
    def __init__(self, config: Config, work: Path, env_extra: dict[str, str]):
        self.config = config
        self.work = work
        self.env = child_env(env_extra, work / "config")
        self.probe_env = {**self.env, "PO_TRACKER_STARTUP_PROBE": "1"}
        self.results = Results(config)
        self.empty = work / "empty"
        self.sets: dict[int, datasets.Dataset] = {}
        self.counter = 0

    def fresh(self, name: str) -> Path:
        self.counter += 1
        return self.work / f"{name}-{self.counter}"

    # -- start-up and fresh processes ---------------------------------------------------
    def app_command(self, data_dir: Path) -> list[str]:
        return python("-m", "po_tracker", "--data-dir", str(data_dir))

    def startup_round(self, with_chart: bool) -> None:
        app, floors = self.results.app, self.results.floors
        outcome = run(floor("window.py"), self.env)
        floors[("a", 0)].append(outcome.since_spawn("first_frame"))
        outcome = run(floor("window.py", "--orm"), self.env)
        floors[("a_orm", 0)].append(outcome.since_spawn("first_frame"))
        for size, dataset in self.sets.items():
            # A start that finds the start view the previous one left (a later start of
            # the day, data unchanged), then one that must compute everything (the first
            # start of a day, or after a change), which leaves the view for the next.
            self.timed_start(dataset, size, "")
            datasets.forget_start_view(dataset.database, self.env)
            self.timed_start(dataset, size, "cold_")
        outcome = run(floor("window_chart.py"), self.env)
        floors[("b", 0)].append(outcome.since_spawn("charts"))
        floors[("b_rss", 0)].append((outcome.line or {}).get("peak_rss"))
        png = self.fresh("floor-chart").with_suffix(".png")
        floors[("c", 0)].append(run(floor("chart_png.py", str(png)), self.env).wall)
        if with_chart:
            for size, dataset in self.sets.items():
                png = self.fresh("chart").with_suffix(".png")
                command = python("-m", "po_tracker", "--data-dir", str(dataset.data_dir))
                command += ["export", "chart", "radar", str(png)]
                app[("export_chart", size)].append(run(command, self.env).wall)

    def timed_start(self, dataset: datasets.Dataset, size: int, prefix: str) -> None:
        line = run(self.app_command(dataset.data_dir), self.probe_env)
        for key in STARTUP_MARKS:
            if line.line and key in line.line.get("monotonic", {}):
                self.results.app[(prefix + key, size)].append(
                    line.line["monotonic"][key] - line.spawned
                )

    def import_round(self) -> None:
        for size, dataset in self.sets.items():
            copy = datasets.fresh_copy(self.empty, self.fresh("floor-insert"))
            command = floor("sql_insert.py", str(dataset.rows_json), str(copy))
            self.results.floors[("insert", size)].append(run(command, self.env).wall)
            target = self.fresh("import")
            command = python("-m", "po_tracker", "--data-dir", str(target), "import", "json")
            outcome = run([*command, str(dataset.export_json)], self.env)
            self.results.app[("import_json", size)].append(outcome.wall)
            # A 100,000-entry logbook and its backup take 250 MB: not kept past its run.
            shutil.rmtree(copy.parent)
            shutil.rmtree(target)

    def export_round(self) -> None:
        """``export case`` and ``export review``, each a fresh process, to a new file."""
        year_ago = (date.today() - timedelta(days=365)).isoformat()
        for size, dataset in self.sets.items():
            for key, (command, name, *options) in EXPORTS.items():
                target = self.fresh(key)
                target.mkdir()
                arguments = [o.format(year_ago=year_ago) for o in options]
                line = python("-m", "po_tracker", "--data-dir", str(dataset.data_dir), "export")
                line += [command, *arguments, str(target / name)]
                self.results.app[(key, size)].append(run(line, self.env).wall)
                shutil.rmtree(target)

    # -- inside the process -------------------------------------------------------------
    def interactions(self, size: int) -> None:
        dataset = self.sets[size]
        command = python("-m", "bench.app_probes", str(dataset.data_dir))
        line = run([*command, "--repeats", str(self.config.repeats)], self.env).line
        for key in INTERACTIONS:
            self.results.app[(key, size)].append(line[key])
        self.results.app[("peak_rss", size)].append(line["peak_rss"])
        self.results.slowest_page[size] = {
            "first_visit_max": line["first_visit_slowest"],
            "switch_page": line["switch_slowest"],
        }
        command = floor("sql_queries.py", str(dataset.database), SEARCH)
        command += [str(self.config.repeats * 2), f"wins={SEARCH_WINS}"]
        queries = run([*command, f"feedback={SEARCH_FEEDBACK}"], self.env).line
        for key in QUERIES:
            self.results.floors[(key, size)].append(queries[key])

    def run(self) -> Results:
        self.sets = datasets.prepare(self.config.sizes, self.work, self.empty)
        with_chart = chart_command_exists(self.env)
        if not with_chart:
            self.results.notes.append(
                "`po-tracker export chart` does not exist yet in this tree: not measured."
            )
        # One start of each, untimed: the disk cache then holds what every start reads.
        run(floor("window.py"), self.env)
        run(floor("window_chart.py"), self.env)
        run(floor("chart_png.py", str(self.fresh("warm").with_suffix(".png"))), self.env)
        for dataset in self.sets.values():
            run(self.app_command(dataset.data_dir), self.probe_env)
        if with_chart:
            smallest = self.sets[min(self.sets)].data_dir
            command = python("-m", "po_tracker", "--data-dir", str(smallest), "export", "chart")
            run([*command, "radar", str(self.fresh("warm").with_suffix(".png"))], self.env)
        for _ in range(self.config.runs):
            self.startup_round(with_chart)
        for _ in range(self.config.import_runs):
            self.import_round()
            self.export_round()
        for size in self.sets:
            self.interactions(size)
        return self.results


def run_benchmark(config: Config) -> Results:
    with tempfile.TemporaryDirectory(prefix="po-bench-") as tmp, screen(config.display) as shown:
        env_extra, description = shown
        bench = Bench(config, Path(tmp), env_extra)
        try:
            run(floor("window.py"), bench.env)
        except ProcessFailed:
            if env_extra.get("QT_QPA_PLATFORM") != "xcb" or config.display == "xvfb":
                raise
            # An Xvfb that does not answer: the offscreen platform still paints.
            env_extra, description = {"QT_QPA_PLATFORM": "offscreen"}, "Qt offscreen platform"
            bench = Bench(config, Path(tmp), env_extra)
        results = bench.run()
        results.display = description
        return results
