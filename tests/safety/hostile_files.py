"""The worst files for memory that fit the documented limits, and the peak memory of
`import` on them, measured in a child process.

    python3 tests/safety/hostile_files.py [SHAPE ...]

prints each shape's size, what `import` said, and its peak resident memory (the figures
in docs/your-data.md). tests/safety/test_import_memory.py runs a few of them."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from po_tracker.services.exchange.csv_import import MAX_BYTES as CSV_BYTES
from po_tracker.services.exchange.csv_import import MAX_FIELD_CHARS, MAX_ROWS

HEAD = '{"format": "po-tracker-export", "version": 2, '
MB = 1024 * 1024


def _document(key: str, items: list[str]) -> str:
    return HEAD + f'"{key}": [' + ",".join(items) + "]}"


def deep_nesting() -> str:
    return HEAD + '"profile": ' + "[" * (100 * MB)


def tiny_objects() -> str:
    """Ten million entries that are empty objects: refused after the first few."""
    return _document("trainings", ["{}"] * 10_000_000)


def numbers_in_one_entry() -> str:
    """One entry of five million values: refused once it holds more than any entry may."""
    return _document("trainings", ['{"ref": 1, "skills": [' + ",".join(["0"] * 5_000_000) + "]}"])


def numbers_at_the_top() -> str:
    return HEAD + '"profile": [' + ",".join(["0"] * 5_000_000) + "]}"


def one_huge_string() -> str:
    entry = '{"ref": 1, "title": "t", "start_date": "2025-01-01", "hours": 1, "notes": "'
    return _document("trainings", [entry + "a" * (200 * MB) + '"}'])


def one_huge_number() -> str:
    return _document("trainings", ['{"ref": 1, "hours": ' + "9" * (100 * MB) + "}"])


def distinct_keys_in_one_entry() -> str:
    """One object of a million distinct keys (a dict of them is the costliest shape)."""
    keys = ",".join(f'"k{n:07d}": 0' for n in range(1_000_000))
    return _document("trainings", ["{" + keys + "}"])


def small_entries(count: int = 1_000_000) -> str:
    """Valid trainings, as many as one list holds: each imported."""
    entry = '{{"ref": {0}, "title": "Course {0}", "start_date": "2025-01-01", "hours": 8,'
    entry += ' "provider": "Acme {0}", "notes": "n{0}", "format": "course"}}'
    return _document("trainings", [entry.format(n) for n in range(1, count + 1)])


def small_entries_200k() -> str:
    return small_entries(200_000)


def csv_wide_row() -> str:
    return "title,hours,start_date\n" + "," * (CSV_BYTES - 100) + "\n"


def csv_rows_at_the_limit() -> str:
    row = "Course {0},8,2025-01-01,Acme,notes about the course {0}\n"
    return "title,hours,start_date,provider,notes\n" + "".join(
        row.format(n) for n in range(MAX_ROWS)
    )


def csv_long_cells() -> str:
    cell = "x" * (MAX_FIELD_CHARS - 10)
    rows = (CSV_BYTES - 100) // (len(cell) + 20)
    return "title,hours,start_date,notes\n" + f"t,1,2025-01-01,{cell}\n" * rows


SHAPES = {
    f.__name__: f
    for f in (
        deep_nesting,
        tiny_objects,
        numbers_in_one_entry,
        numbers_at_the_top,
        one_huge_string,
        one_huge_number,
        distinct_keys_in_one_entry,
        small_entries_200k,
        small_entries,
        csv_wide_row,
        csv_rows_at_the_limit,
        csv_long_cells,
    )
}

# The child's own peak: on Linux getrusage() keeps the high-water mark of the process
# that started it (across fork and exec), so /proc's figure for this process is read.
_CHILD = """
import re, resource, sys
from pathlib import Path
from po_tracker.launcher import main
code = main(sys.argv[1:])
status = Path("/proc/self/status")
found = re.search(r"VmHWM:\\s*(\\d+) kB", status.read_text()) if status.exists() else None
peak = int(found.group(1)) if found else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"PEAK {peak // 1024} EXIT {code}", file=sys.stderr)
"""


def measure(shape: str, folder: Path, *, dry_run: bool = False) -> tuple[int, int, str]:
    """(exit status, peak resident MB, the last line `import` wrote) for ``shape``,
    imported into a new logbook under ``folder``."""
    path = folder / (shape + (".csv" if shape.startswith("csv") else ".json"))
    path.write_text(SHAPES[shape](), encoding="utf-8")
    try:
        return measure_file(path, folder / f"data-{shape}", dry_run=dry_run)
    finally:
        path.unlink()


def measure_file(path: Path, data_dir: Path, *, dry_run: bool = False) -> tuple[int, int, str]:
    """The same for any file, imported into ``data_dir``."""
    kind = ["csv", "training"] if path.suffix == ".csv" else ["json"]
    command = ["import", *kind, str(path)] + (["--dry-run"] if dry_run else [])
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, "--data-dir", str(data_dir), *command],
        capture_output=True,
        text=True,
        check=False,
    )
    *said, last = result.stderr.strip().splitlines() or ["?"]
    if not last.startswith("PEAK"):
        raise AssertionError(result.stderr[-2000:])
    _, peak, _, code = last.split()
    message = (said or result.stdout.strip().splitlines() or [""])[-1]
    return int(code), int(peak), message


if __name__ == "__main__":
    for name in sys.argv[1:] or SHAPES:
        with tempfile.TemporaryDirectory() as tmp:
            size = len(SHAPES[name]().encode()) / MB
            code, peak, said = measure(name, Path(tmp))
            print(
                json.dumps(
                    {
                        "shape": name,
                        "MB": round(size, 1),
                        "exit": code,
                        "peak_MB": peak,
                        "said": said[:110],
                    }
                ),
                flush=True,
            )
