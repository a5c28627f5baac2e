"""Run by test_crash_kill: writes until killed, and prints each batch number only once
its transaction has committed. Each batch is a journal entry and a training in one
transaction, so after a kill both or neither must be there."""

from __future__ import annotations

import random
import sys
from datetime import date
from pathlib import Path

from po_tracker.services.logbook import journal_entries as journal
from po_tracker.services.logbook import training
from po_tracker.services.storage.opening import open_logbook


def main() -> None:
    data_dir, first = Path(sys.argv[1]), int(sys.argv[2])
    db = open_logbook(data_dir)
    print("ready", flush=True)
    batch = first
    while True:
        text = f"batch {batch} " + "x" * random.randint(10, 6000)
        with db.write() as session:
            journal.create(session, journal.JournalInput(text, date(2025, 1, 1)))
            training.create(
                session, training.TrainingInput(f"batch {batch}", 1.0, date(2025, 1, 1))
            )
        print(batch, flush=True)
        batch += 1


if __name__ == "__main__":
    main()
