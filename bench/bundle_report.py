"""Size and start-up of the frozen app against the floor bundle (bench/floor_bundle):
builds both with PyInstaller, then prints a Markdown table for docs/performance.md.

    python3 -m bench.bundle_report [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 1.25
RUNS = 5


def build(spec: Path, dist: Path, work: Path, timeout: float | None = None) -> None:
    """PyInstaller builds ``spec`` into ``dist`` (the packaging test builds the same way)."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(spec),
        ],
        check=True,
        cwd=ROOT,
        timeout=timeout,
    )


def size_on_disk(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def tar_gz_size(folder: Path, scratch: Path) -> int:
    target = scratch / f"{folder.name}.tar.gz"
    with tarfile.open(target, "w:gz") as archive:
        archive.add(folder, arcname=folder.name)
    return target.stat().st_size


def first_frame_s(app: Path, data_dir: Path) -> float:
    """The app's own probe: process start to its first painted window."""
    env = {**os.environ, "PO_TRACKER_STARTUP_PROBE": "1", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [str(app / "po-tracker"), "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("{"))
    return json.loads(line)["since_start_s"]["first_frame"]


def floor_start_s(floor: Path) -> float:
    """Whole process of the floor app: start, one frame with its chart, quit."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    subprocess.run([str(floor / "floor"), "--quit"], check=True, env=env, timeout=120)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    args = parser.parse_args()
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="po-tracker-bundle-"))
    build(ROOT / "installer.spec", scratch / "dist", scratch / "work")
    build(
        ROOT / "bench" / "floor_bundle" / "floor.spec",
        scratch / "floor-dist",
        scratch / "floor-work",
    )
    app, floor = scratch / "dist" / "po-tracker", scratch / "floor-dist" / "floor"
    app_size, floor_size = size_on_disk(app), size_on_disk(floor)
    app_gz, floor_gz = tar_gz_size(app, scratch), tar_gz_size(floor, scratch)
    first_frame_s(app, scratch / "data")  # the first start builds the logbook
    app_start = statistics.median(first_frame_s(app, scratch / "data") for _ in range(RUNS))
    floor_start = statistics.median(floor_start_s(floor) for _ in range(RUNS))
    ratio = app_size / floor_size
    mb = 1024 * 1024
    print("| Figure | App bundle | Floor bundle | Ratio | Budget | Holds |")
    print("|---|---|---|---|---|---|")
    print(
        f"| Size on disk | {app_size / mb:.0f} MB | {floor_size / mb:.0f} MB | {ratio:.2f}x "
        f"| <= {BUDGET}x | {'yes' if ratio <= BUDGET else '**no**'} |"
    )
    print(
        f"| As tar.gz | {app_gz / mb:.0f} MB | {floor_gz / mb:.0f} MB | "
        f"{app_gz / floor_gz:.2f}x | | |"
    )
    print(
        f"| Start-up (median of {RUNS}, offscreen) | {app_start:.2f} s to the first "
        f"frame | {floor_start:.2f} s for the whole floor process (window and chart) "
        "| not comparable | | |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
