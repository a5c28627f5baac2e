"""The PDF writer set up ahead, in a second thread, while a command collects the
document: fpdf2's import and reading the fonts take about as long as collecting a
100,000-entry case, and SQLite lets go of Python's lock while it reads, so on a machine
with two cores much of the set-up costs no time.

For a command that writes one PDF and exits (``export case``, ``export review``): the
import leaves out two optional packages fpdf2 tries, which no document uses."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .pdf import Writer, check_paper

# numpy (images given as arrays) and cryptography (signing a PDF): about a third of
# fpdf2's import, measured.
UNUSED_OPTIONAL = ("numpy", "cryptography")


@contextmanager
def _unimportable(names: tuple[str, ...]) -> Iterator[None]:
    """``names`` raise ImportError for the duration, as if not installed, unless already
    imported; afterwards they import as usual. Only while no other thread of the process
    could want them: the command's own thread is reading the logbook meanwhile."""
    absent = [name for name in names if name not in sys.modules]
    for name in absent:
        sys.modules[name] = None  # type: ignore[assignment]  # the documented way
    try:
        yield
    finally:
        for name in absent:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


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
            with _unimportable(UNUSED_OPTIONAL):
                import fpdf  # noqa: F401 - imported here, without the packages above
            self._writer = Writer(paper)
        except BaseException as error:  # noqa: BLE001 - raised again in the caller's thread
            self._error = error

    def writer(self) -> Writer:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._writer is not None
        return self._writer
