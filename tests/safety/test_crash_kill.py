"""Crash safety: a writer killed with SIGKILL at random moments loses nothing it had
reported committed, never keeps half a transaction, and leaves a sound file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from po_tracker.paths import database_path
from po_tracker.services.storage.integrity import connect_readonly, full_check, quick_check

KILLS = 50
WRITER = Path(__file__).with_name("crash_writer.py")
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _run_and_kill(data_dir: Path, first: int, rng: random.Random) -> list[int]:
    """Starts the writer, kills it at a random moment (now and then while it is still
    opening the logbook), and returns the batches it reported committed."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, str(WRITER), str(data_dir), str(first)],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    if rng.random() < 0.15:
        time.sleep(rng.uniform(0.0, 0.6))  # during start-up: migration, seeding, opening
    else:
        assert process.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.0, 0.25))
    process.send_signal(signal.SIGKILL)
    output, _ = process.communicate()
    assert process.returncode == -signal.SIGKILL
    lines = output.splitlines(keepends=True)
    return [int(line) for line in lines if line.strip().isdigit() and line.endswith("\n")]


def _batches(path: Path) -> tuple[set[int], set[int]]:
    connection = connect_readonly(path)
    try:
        if not connection.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'journal_entries'"
        ).fetchone():
            return set(), set()
        journal = connection.execute("SELECT body FROM journal_entries").fetchall()
        trainings = connection.execute("SELECT title FROM trainings").fetchall()
    finally:
        connection.close()
    number = lambda text: int(text.split()[1])  # noqa: E731
    return {number(b) for (b,) in journal}, {number(t) for (t,) in trainings}


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_committed(data_dir):
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    reported: set[int] = set()
    path = database_path(data_dir)
    next_batch = 0
    for kill in range(KILLS):
        reported |= set(_run_and_kill(data_dir, next_batch, rng))
        context = f"seed {seed}, kill {kill + 1}"
        if not path.exists():
            continue
        journal, trainings = _batches(path)
        assert reported <= journal, f"committed entries lost ({context})"
        assert journal == trainings, f"half a transaction kept ({context})"
        assert quick_check(path).ok, f"damaged after a kill ({context})"
        next_batch = max(journal | {next_batch - 1}) + 1
    assert len(reported) > KILLS, f"the writer hardly wrote anything (seed {seed})"
    assert full_check(path).ok, f"the full check fails after all the kills (seed {seed})"
