"""How every page keeps up with changes: after the app-wide ``data_changed`` signal a
visible page refreshes at once, a hidden one only when it is next shown, so a change
costs only the page in front of the user."""

from __future__ import annotations


class RefreshWhenShown:
    """Mix in before the Qt widget class; the page defines ``refresh()``."""

    # The kinds of change the page shows; None: every change. "all" always counts.
    watched_kinds: frozenset[str] | None = None

    def watch(self, context) -> None:
        self._stale = True
        context.data_changed.connect(self._on_data_changed)

    def _on_data_changed(self, kinds) -> None:
        watched = self.watched_kinds
        if watched is None or kinds & watched or "all" in kinds:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)
