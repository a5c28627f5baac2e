"""Keeps the dashboard's start view (``services.storage.start_view``) true after every
change made in the window, whatever page is on screen, so that the next start shows the
dashboard at once unless something outside the window changed the data; and notices
such a change when the window comes back to the front.

The dashboard on screen keeps its own view when it refreshes. Behind another page, a
change is kept off the UI thread a moment after it (its numbers; its charts too when
matplotlib is already loaded, so that a change never loads it in the background), and
whatever is still missing when the window closes is kept then (the app waits for it).
"""

from __future__ import annotations

import sys
from datetime import date

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from ..services.changes import EVERYTHING
from .background import run_in_background

# A burst of changes (several quick edits, an import) is kept once, after it.
AFTER_CHANGE_MS = 2000


class StartViewKeeper(QObject):
    def __init__(self, window, context):
        super().__init__(window)
        self.window = window
        self.context = context
        self.changes = 0  # changes made in the window
        self.kept = 0  # the number of changes the last whole view (charts too) covered
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AFTER_CHANGE_MS)
        self.timer.timeout.connect(lambda: self.keep(charts="matplotlib" in sys.modules))
        self.seen = self._revision()
        context.data_changed.connect(self._changed)
        QApplication.instance().applicationStateChanged.connect(self._state_changed)

    def _revision(self) -> int | None:
        from ..services.storage import start_view

        with self.context.reading() as session:
            return start_view.revision(session)

    def _changed(self, _kinds) -> None:
        self.changes += 1
        self.seen = self._revision()
        dashboard = self.window.pages.get("dashboard")
        if dashboard is None or not dashboard.isVisible():
            self.timer.start()

    def keep(self, charts: bool) -> None:
        """Compute and keep the dashboard's view for the data as it is now."""
        self.timer.stop()
        database = self.context.database
        requests = chart_requests(self.window) if charts else {}
        covers = self.changes

        def done(result) -> None:
            if result is True and charts:
                self.kept = max(self.kept, covers)

        run_in_background(self, lambda: keep_view(database, requests, charts), on_done=done)

    def flush(self) -> None:
        """On close: the changes not kept yet, charts included."""
        if self.changes > self.kept:
            self.keep(charts=True)

    def _state_changed(self, state) -> None:
        """Back in front: data changed by another program (the command line, a sync) is
        shown anew, with a word that it was, never left as it was."""
        if state != Qt.ApplicationState.ApplicationActive or self.context.database is None:
            return
        from ..services.storage.start_view import logbook_revision

        current = logbook_revision(self.context.database.path)
        if current is None or current == self.seen:
            return
        self.seen = current
        self.context.status_message.emit("Your logbook was changed outside the window: updated.")
        self.context.notify(EVERYTHING)


def chart_requests(window) -> dict | None:
    """The small charts' sizes on screen; None when the dashboard was never built (the
    sizes of the charts kept before are used then)."""
    dashboard = window.pages.get("dashboard")
    if dashboard is None:
        return None
    return {name: view.request() for name, view in dashboard.small_charts.items()}


def keep_view(database, requests: dict | None, charts: bool) -> bool:
    """Off the UI thread: the dashboard's numbers, and its charts when ``charts``, kept
    for the data they were computed from. True when everything asked for was kept."""
    from ..services.storage import start_view
    from .pages.dashboard_view import VIEW_PART, compute_view, render_small_chart, view_body

    if charts and requests is None:
        requests = kept_requests(database.path)  # read before a save drops them
    today = date.today()
    with database.read() as session:
        revision = start_view.revision(session)
        _, view = compute_view(session, today)
    if not start_view.save(database, VIEW_PART, revision, today, view_body(view)):
        return False  # changed meanwhile: the next change keeps it
    for name, request in (requests or {}).items():
        render_small_chart(database, name, f"chart:{name}:{request.key}", request)
    return True


def kept_requests(path) -> dict:
    """The sizes the small charts were last kept at, for a dashboard not built now."""
    from ..charts.theme import DARK, LIGHT
    from ..services.storage.start_view import kept_names
    from .pages.dashboard_view import SMALL_DESIGNS
    from .widgets.chart_view import RenderRequest

    themes = {theme.name: theme for theme in (DARK, LIGHT)}
    requests = {}
    for name in kept_names(path):
        kind, _, rest = name.partition(":")
        chart, _, key = rest.partition(":")
        size, _, theme = key.partition(":")
        try:
            dimensions, _, ratio = size.partition("@")
            width, height = (int(n) for n in dimensions.split("x"))
            request = RenderRequest(
                width, height, float(ratio), themes[theme], SMALL_DESIGNS[chart]
            )
        except (KeyError, ValueError):
            continue  # not a small chart's part
        if kind == "chart":
            requests[chart] = request
    return requests
