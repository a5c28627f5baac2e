"""The review digest through the command line: each part of the period under its
heading with its totals, and nothing dated before or after the period."""

from __future__ import annotations

import re
from datetime import date

from po_tracker.launcher import main
from po_tracker.services.career.credit_claims import CreditClaim
from po_tracker.services.logbook import certifications, events, ratings, training, wins
from po_tracker.services.logbook import feedback_entries as feedback
from po_tracker.services.logbook import journal_entries as journal
from po_tracker.services.logbook.certifications import CertificationInput
from po_tracker.services.logbook.feedback_entries import FeedbackInput
from po_tracker.services.logbook.wins import WinInput

IN, BEFORE, AFTER = date(2025, 4, 10), date(2025, 3, 31), date(2025, 7, 1)


def _log(session) -> None:
    for day, tag in ((IN, "inside"), (BEFORE, "before"), (AFTER, "after")):
        wins.create(session, WinInput(f"Win {tag}", day, impact=f"Impact {tag}"))
        feedback.create(session, FeedbackInput(f"Quote {tag}", f"Giver {tag}", "peer", day))
        training.create(session, training.TrainingInput(f"Course {tag}", 3, day))
        events.create(
            session, events.EventInput(f"Meetup {tag}", "meetup", day, contacts=(f"Met {tag}",))
        )
        journal.create(session, journal.JournalInput(f"Body {tag}", day, title=f"Entry {tag}"))
    training.create(session, training.TrainingInput("Second course inside", 4.5, IN))
    ratings.create(session, ratings.RatingInput("leadership", 2, BEFORE))
    ratings.create(session, ratings.RatingInput("leadership", 3, IN))
    ratings.create(session, ratings.RatingInput("communication", 3, IN))


def section(text: str, heading: str) -> str:
    found = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert found, heading
    return found.group(1)


def test_the_digest_tells_the_period_and_nothing_else(capsys, db, data_dir, tmp_path):
    with db.write() as session:
        _log(session)
    target = tmp_path / "review.md"
    args = ["export", "review", str(target), "--since", "2025-04-01", "--until", "2025-06-30"]
    code = main(["--data-dir", str(data_dir), *args])
    _, err = capsys.readouterr()
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Review digest\n\n*2025-04-01 to 2025-06-30*")
    assert "Win inside (2025-04-10): Impact inside" in section(text, "Wins")
    assert "> Quote inside\n> — Giver inside, peer, 2025-04-10" in section(text, "Feedback")
    learning = section(text, "Learning")
    assert "7.5 hours in 2 completed trainings." in learning
    # The longest training first.
    assert learning.index("Second course inside") < learning.index("Course inside")
    people = section(text, "Events and people")
    assert "Meetup inside (2025-04-10): meetup" in people and "People met: Met inside." in people
    moved = section(text, "Skill ratings that moved")
    assert "- Leadership: 2 → 3" in moved and "- Communication: not rated → 3" in moved
    assert "Entry inside (2025-04-10)" in section(text, "Journal highlights")
    assert "- 1 win\n- 1 piece of feedback\n- 7.5 hours of learning in 2 trainings" in text
    for tag in ("before", "after"):
        assert tag not in text.lower().replace("before the period", "")


def test_a_period_that_ends_before_it_starts_is_refused(capsys, db, data_dir, tmp_path):
    target = tmp_path / "review.md"
    args = ["export", "review", str(target), "--since", "2025-06-01", "--until", "2025-05-01"]
    assert main(["--data-dir", str(data_dir), *args]) != 0
    assert "--until" in capsys.readouterr().err and not target.exists()


def test_the_digest_gives_the_renewal_credits_the_period_earned(capsys, db, data_dir, tmp_path):
    with db.write() as session:
        _log(session)
        certifications.create(session, CertificationInput("CSPO", earned_on=date(2025, 1, 15)))
        certifications.create(session, CertificationInput("PSPO I", earned_on=date(2025, 1, 15)))
        certifications.create(session, CertificationInput("SAFe POPM", status="planned"))
        # Counted for CSPO as 2 credits instead of its 6 hours.
        claim = (CreditClaim("CSPO", credits=2),)
        training.create(session, training.TrainingInput("Claimed", 6, IN, credits=claim))
    target = tmp_path / "review.md"
    args = ["export", "review", str(target), "--since", "2025-04-01", "--until", "2025-06-30"]
    assert main(["--data-dir", str(data_dir), *args]) == 0, capsys.readouterr().err
    learning = section(target.read_text(encoding="utf-8"), "Learning")
    # 3 + 4.5 hours of the period's trainings plus the claim's 2; nothing from before
    # or after it. PSPO I needs no credits, SAFe POPM is not held: neither is listed.
    assert "**Renewal credits earned**\n\n- CSPO: 9.5 SEUs\n" in learning
    assert "PSPO I:" not in learning and "SAFe POPM:" not in learning
