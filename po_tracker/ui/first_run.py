"""The first run of a logbook: a short welcome on a new, empty logbook, once per logbook
(remembered in the logbook, so a second logbook gets its own); it can be skipped."""

from __future__ import annotations


def offer_first_run(window) -> None:
    from ..services.changes import NOTHING
    from ..services.logbook import onboarding

    context = window.context
    with context.reading() as session:
        due = onboarding.welcome_due(session)
    if not due:
        return
    from .dialogs.welcome_dialog import WelcomeDialog

    welcome = WelcomeDialog(context, window)
    accepted = welcome.exec()
    with context.writing(NOTHING) as session:  # a note for the next start; no page shows it
        onboarding.mark_welcome_done(session)
    if accepted and welcome.assess.isChecked():
        window.show_page("skills")
        window.page("skills").self_assessment()
