"""The type-check ratchet: more errors of a kind than recorded fail the build, fewer
lower the baseline only when asked, and the recorded baseline is well formed."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "typecheck.py"


@pytest.fixture
def typecheck(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("typecheck", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "BASELINE", tmp_path / "baseline.json")
    module.write_baseline({"arg-type": 2, "union-attr": 1})
    return module


def _mypy_output(*codes: str) -> str:
    """mypy's --output json lines, with a note that must not count."""
    lines = [
        json.dumps(
            {
                "file": f"po_tracker/m{n}.py",
                "line": n,
                "column": 0,
                "message": "bad",
                "hint": None,
                "code": code,
                "severity": "error",
            }
        )
        for n, code in enumerate(codes)
    ]
    note = {
        "file": "po_tracker/x.py",
        "line": 1,
        "column": 0,
        "message": "see docs",
        "hint": None,
        "code": "annotation-unchecked",
        "severity": "note",
    }
    return "\n".join([*lines, json.dumps(note), "Found errors"])


def _run(typecheck, monkeypatch, output: str, *argv: str) -> int:
    monkeypatch.setattr(typecheck, "run_mypy", lambda: typecheck.parse(output))
    return typecheck.main(list(argv))


def test_a_new_error_of_a_kind_fails_and_names_it(typecheck, monkeypatch, capsys):
    output = _mypy_output("arg-type", "arg-type", "arg-type", "union-attr")
    assert _run(typecheck, monkeypatch, output) == 1
    printed = capsys.readouterr().out
    assert "3 [arg-type] errors, the baseline allows 2" in printed
    assert "po_tracker/m2.py:2: bad" in printed
    assert typecheck.load_baseline() == {"arg-type": 2, "union-attr": 1}


def test_trading_one_kind_for_another_still_fails(typecheck, monkeypatch):
    output = _mypy_output("arg-type", "arg-type", "index")
    assert _run(typecheck, monkeypatch, output) == 1
    assert _run(typecheck, monkeypatch, output, "--update") == 1
    assert typecheck.load_baseline() == {"arg-type": 2, "union-attr": 1}


def test_fewer_errors_pass_and_lower_the_baseline_only_on_update(typecheck, monkeypatch, capsys):
    output = _mypy_output("arg-type")
    assert _run(typecheck, monkeypatch, output) == 0
    assert "2 fewer than the baseline" in capsys.readouterr().out
    assert typecheck.load_baseline() == {"arg-type": 2, "union-attr": 1}
    assert _run(typecheck, monkeypatch, output, "--update") == 0
    assert typecheck.load_baseline() == {"arg-type": 1}
    assert _run(typecheck, monkeypatch, _mypy_output("arg-type", "union-attr")) == 1


def test_reset_records_the_counts_even_when_they_grew(typecheck, monkeypatch, capsys):
    output = _mypy_output("arg-type", "arg-type", "arg-type", "index")
    assert _run(typecheck, monkeypatch, output, "--reset") == 0
    assert "reset to 4 errors (was 3)" in capsys.readouterr().out
    assert typecheck.load_baseline() == {"arg-type": 3, "index": 1}
    assert _run(typecheck, monkeypatch, output) == 0


def test_the_recorded_baseline_counts_add_up():
    recorded = json.loads(SCRIPT.with_name("mypy_baseline.json").read_text(encoding="utf-8"))
    assert recorded["total"] == sum(recorded["by_code"].values()) > 0
    assert all(isinstance(count, int) and count > 0 for count in recorded["by_code"].values())
