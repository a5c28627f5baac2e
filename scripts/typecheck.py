"""Runs mypy on po_tracker and holds its errors to the recorded baseline.

The baseline counts errors per error code (arg-type, union-attr, ...), with neither files
nor lines, so that moving or editing code does not invalidate it. The check fails when a
code has more errors than recorded; when there are fewer, it passes and asks for the
baseline to be lowered, which `--update` does. The baseline never grows by itself.

    python scripts/typecheck.py            check (part of scripts/test.sh)
    python scripts/typecheck.py --update   lower the baseline to the current counts
    python scripts/typecheck.py --reset    record the current counts, higher ones too:
                                           only for a merge that brings code written
                                           before the baseline existed
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = Path(__file__).with_name("mypy_baseline.json")


def run_mypy() -> list[dict]:
    """mypy's errors as JSON records; the files and options come from pyproject.toml."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--output", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode not in (0, 1):  # 2: mypy itself failed (bad option, crash)
        raise SystemExit(f"typecheck: mypy failed:\n{result.stdout}{result.stderr}")
    return parse(result.stdout)


def parse(output: str) -> list[dict]:
    records = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    return [record for record in records if record["severity"] == "error"]


def count_by_code(errors: list[dict]) -> dict[str, int]:
    return dict(sorted(Counter(error["code"] or "unknown" for error in errors).items()))


def grown_codes(current: dict[str, int], baseline: dict[str, int]) -> dict[str, tuple[int, int]]:
    """The codes with more errors than the baseline allows: code -> (allowed, found)."""
    return {
        code: (baseline.get(code, 0), found)
        for code, found in current.items()
        if found > baseline.get(code, 0)
    }


def load_baseline() -> dict[str, int]:
    return json.loads(BASELINE.read_text(encoding="utf-8"))["by_code"]


def write_baseline(counts: dict[str, int]) -> None:
    document = {"total": sum(counts.values()), "by_code": counts}
    BASELINE.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def report_growth(errors: list[dict], grown: dict[str, tuple[int, int]]) -> None:
    for code, (allowed, found) in grown.items():
        print(f"typecheck: {found} [{code}] errors, the baseline allows {allowed}:")
        for error in errors:
            if error["code"] == code:
                print(f"  {error['file']}:{error['line']}: {error['message']}")


def main(argv: list[str]) -> int:
    errors = run_mypy()
    current, baseline = count_by_code(errors), load_baseline()
    if "--reset" in argv:
        write_baseline(current)
        print(
            f"typecheck: baseline reset to {sum(current.values())} errors "
            f"(was {sum(baseline.values())})"
        )
        return 0
    grown = grown_codes(current, baseline)
    if grown:
        report_growth(errors, grown)
        print("typecheck: fix the new errors; the baseline may only shrink")
        return 1
    total, allowed = sum(current.values()), sum(baseline.values())
    if "--update" in argv:
        write_baseline(current)
        print(f"typecheck: baseline now {total} errors (was {allowed})")
    elif total < allowed:
        print(f"typecheck: {total} errors, {allowed - total} fewer than the baseline;")
        print("  lower it with: python scripts/typecheck.py --update")
    else:
        print(f"typecheck: {total} errors, as in the baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
