"""How every page keeps up with changes: after each write the window's one write path
(``AppContext.writing``) sends its ``Changes``; a page concerned by them refreshes at
once when it is visible, a hidden one only when it is next shown, and a page that shows
none of the changed kinds is left alone. A change costs only the page in front of the
user."""

from __future__ import annotations


class RefreshWhenShown:
    """Mix in before the Qt widget class; the page defines ``refresh()``."""

    # The kinds of change the page shows (``services.changes.KINDS``); None: every
    # change. An import or a restore (``EVERYTHING``) always counts.
    watched_kinds: frozenset[str] | None = None

    def watch(self, context) -> None:
        self._stale = True
        context.data_changed.connect(self._on_data_changed)

    def _on_data_changed(self, changes) -> None:
        if changes.concerns(self.watched_kinds):
            self._stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)
