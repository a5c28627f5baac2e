"""Running the command line in-process, as a user would from a shell, for the tests."""

from __future__ import annotations

import json

from po_tracker.launcher import main


def run(capsys, data_dir, *args):
    """(exit code, standard output, standard error) of ``po-tracker --data-dir DIR ARGS``."""
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys, data_dir, kind: str) -> list[dict]:
    """``list KIND --json``, read back."""
    code, out, _ = run(capsys, data_dir, "list", kind, "--json")
    assert code == 0
    return json.loads(out)
