"""What the dashboard shows, as plain values computed from the logbook: the page shows
them, and keeps them in the start view (``services.storage.start_view``) for the next
start, as does ``start_view_keeper`` while another page is on screen. Nothing here
touches a widget, so it runs on any thread."""

from __future__ import annotations

import json
from datetime import date

from ..navigation import PAGE_OF_KIND

# Where the user acts on a gap of each kind.
PAGE_OF_GAP = {
    "skill": "skills",
    "certification": "certifications",
    "experience": "experience",
    "learning": "training",
    "networking": "networking",
}
# The start view part that holds the numbers (the charts' parts are "chart:NAME:SIZE").
VIEW_PART = "dashboard"
# The charts the dashboard shows small, in row 3; a click opens one on the Charts page.
SMALL_CHARTS = ("radar", "readiness")
# Each drawn at a size designed for a card about a third of the screen high: the radar
# needs room around its ring for the skill names, the line chart less.
SMALL_DESIGNS = {"radar": (8.0, 4.8), "readiness": (6.4, 3.4)}
# A credential's renewal status as a status chip (theme.tokens.STATUSES).
RENEWAL_STATUS = {"grace": "overdue", "expired": "expired"}
COMPONENT_LABELS = {
    "skills": "Skills",
    "certifications": "Certifications",
    "experience": "Experience",
    "learning": "Learning (12 months)",
    "networking": "Networking (12 months)",
}


KIND_LABELS = {
    "journal": "Journal",
    "training": "Training",
    "event": "Event",
    "rating": "Rating",
    "certification": "Certification",
    "experience": "Experience",
    "goal": "Goal",
}


def _recent_label(entry) -> str:
    """A goal's date is when it is due, not when it was logged: say so."""
    when = f"due {entry.day}" if entry.kind == "goal" and entry.day else str(entry.day or "")
    return (
        f"{KIND_LABELS[entry.kind]}: {entry.title}  ({when})"
        if when
        else f"{KIND_LABELS[entry.kind]}: {entry.title}"
    )


def dashboard_view(report, recent_rows, reminder_rows) -> dict:
    """What the dashboard shows, as plain JSON-ready values: the page shows it, and keeps
    it as the start view of the next start."""
    from ...services.career.status import renewal_reminder

    current = report.current_stage or "Current stage not set"
    target = report.target_stage or "no target yet"
    renewal_rows = [
        (item.line, RENEWAL_STATUS.get(item.status, "due-soon"))
        for item in report.renewals
        if item.status != "active"
    ] + [
        (renewal_reminder(item), "expired")
        for item in report.credentials
        if item.status == "expired" and item.renewable_until is None
    ]
    return {
        "stages": f"<b>{current} → {target}</b>",
        **_standing(report.readiness),
        "actions": _action_rows(report),
        # One line per renewal (a Scrum Alliance group once), then what can no longer be.
        "renewals": [(line, "certifications", None) for line, _ in renewal_rows],
        "renewal_status": [status for _, status in renewal_rows],
        "reminders": [
            (
                f"{_reminder_text(r.text)} ({relative_day(r.day, report.as_of)})",
                PAGE_OF_KIND[r.kind],
                (r.kind, r.id),
            )
            for r in reminder_rows
        ],
        "reminder_status": [
            "overdue" if r.day < report.as_of else "due-soon" for r in reminder_rows
        ],
        "recent": [(_recent_label(r), PAGE_OF_KIND[r.kind], (r.kind, r.id)) for r in recent_rows],
    }


def _standing(result) -> dict:
    if result is None:
        return {
            "score": "Choose a target stage to see how ready you are.",
            "bars": [(name, 0, "—") for name in COMPONENT_LABELS],
        }
    return {
        "score": (
            f"<span style='font-size: 26pt; font-weight: 600'>"
            f"{result.overall:.0f}%</span>&nbsp; ready for {result.stage}"
        ),
        "bars": [
            (c.name, round(c.percent), f"{c.percent:.0f}%" if c.scored else "not required")
            for c in result.components
        ],
    }


def _action_rows(report) -> list[tuple]:
    result = report.readiness
    if result is None:
        # The window's own words, not the command line's (services.status).
        return [("Choose the stage you aim for on the Career path page", "career", None)]
    rows = []
    for gap in result.gaps[:6]:
        gain = f"  (+{gap.gain:.1f} points)" if gap.gain >= 0.05 else ""
        argument = ("skill", gap.name) if gap.kind == "skill" else None
        rows.append((gap.action + gain, PAGE_OF_GAP.get(gap.kind, "career"), argument))
    return rows


def _reminder_text(text: str) -> str:
    """The status chip already says "Overdue": the line need not say it again."""
    return "Goal: " + text[len("Overdue goal: ") :] if text.startswith("Overdue goal: ") else text


def relative_day(day: date, today: date) -> str:
    """ "today", "tomorrow", "in 41 days", "3 days ago": how people say a date that is
    near; the date itself further off."""
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    if abs(days) > 120:
        return str(day)
    return f"in {days} days" if days > 0 else f"{-days} days ago"


def argument(value):
    """A row's argument back from JSON: (kind, id) pairs come back as lists."""
    return tuple(value) if isinstance(value, list) else value


def compute_view(session, today: date) -> tuple[object, dict]:
    """(the status report, the dashboard's view) as of ``today``."""
    from ...services.career import status
    from ...services.logbook import recent

    report = status.build(session, today)
    view = dashboard_view(report, recent.recent_entries(session), recent.reminders(session, today))
    return report, view


def view_body(view: dict) -> bytes:
    return json.dumps(view).encode()


def render_small_chart(database, name: str, key: str, request) -> tuple[bytes, tuple]:
    """Runs off the UI thread: the chart's data, its picture, and the picture kept in
    the start view for the data it was drawn from."""
    from ...services.charts_data.chart_data import chart_data
    from ...services.storage import start_view
    from ..widgets.chart_view import render_png

    today = date.today()
    with database.read() as session:
        revision = start_view.revision(session)
        data = chart_data(session, name, today)
    png = render_png(name, data, request)
    start_view.save(database, key, revision, today, png, replaces=f"chart:{name}:")
    return png, (revision, today)
