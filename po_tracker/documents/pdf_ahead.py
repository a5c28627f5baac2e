"""The PDF writer set up ahead, in a second thread, while a command collects the
document: fpdf2's import and reading the fonts take about as long as collecting a
100,000-entry case, and SQLite lets go of Python's lock while it reads, so on a machine
with two cores much of the set-up costs no time. For a command that writes one PDF and
exits (``export case``, ``export review``).

(Leaving fpdf2's optional numpy and cryptography out of its import would save about a
third of it; that takes hiding them from every thread of the process for a moment, so
it is not done.)"""

from __future__ import annotations

import threading

from .pdf import Writer, check_paper


class Prepared:
    """A writer for ``paper``, made in a thread of its own; ``writer()`` waits for it."""

    def __init__(self, paper: str):
        check_paper(paper)
        self._writer: Writer | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(paper,), daemon=True)
        self._thread.start()

    def _run(self, paper: str) -> None:
        try:
            self._writer = Writer(paper)
        except BaseException as error:  # noqa: BLE001 - raised again in the caller's thread
            self._error = error

    def writer(self) -> Writer:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._writer is not None
        return self._writer
