"""The promotion case through the command line: the right evidence under the right
skill, strongest first, nothing outside the period, self against others, what is still
missing with its plan; the Word file's text and the PDF's paper size."""

from __future__ import annotations

import io
import re
from datetime import date

import docx
import pytest
from cli_run import run
from pypdf import PdfReader
from sqlalchemy import text

from po_tracker.services.career import readiness_facts
from po_tracker.services.logbook import events, experience, goals, profile, ratings, training, wins
from po_tracker.services.logbook import feedback_entries as feedback
from po_tracker.services.logbook import journal_entries as journal
from po_tracker.services.logbook.events import EventInput
from po_tracker.services.logbook.feedback_entries import FeedbackInput, SkillLevel
from po_tracker.services.logbook.wins import WinInput

AS_OF = "2025-06-30"


@pytest.fixture
def logged(db):
    with db.write() as session:
        profile.set_stages(session, "product-owner", "senior-product-owner")
        ratings.create(session, ratings.RatingInput("leadership", 2, date(2025, 1, 5)))
        wins.create(
            session,
            WinInput(
                "Led the payouts migration", date(2025, 3, 1), impact="No downtime",
                metric_name="Lead time", metric_before=12, metric_after=5, metric_unit="days",
                skills=("leadership",), requirements=("people_mentored",),
            ),
        )  # fmt: skip
        wins.create(session, WinInput("Old win before the period", date(2023, 5, 1),
                                      skills=("leadership",)))  # fmt: skip
        wins.create(session, WinInput("A win after the as-of date", date(2025, 8, 1),
                                      skills=("leadership",)))  # fmt: skip
        feedback.create(
            session,
            FeedbackInput("Owns the room in planning", "Dana Reyes", "manager",
                          date(2025, 4, 2), skills=(SkillLevel("leadership", 4),)),
        )  # fmt: skip
        training.create(
            session,
            training.TrainingInput("Leading without authority", 6, date(2025, 2, 1),
                                   skills=("leadership",)),
        )  # fmt: skip
        goals.create(session, goals.GoalInput("Lead the guild session", skill="leadership"))
    return db


def section(text: str, heading: str) -> str:
    """The Markdown under ``### heading`` up to the next heading of that level or above."""
    found = re.search(rf"^### {re.escape(heading)}\n(.*?)(?=^##+ |\Z)", text, re.M | re.S)
    assert found, f"no section {heading!r}"
    return found.group(1)


def test_the_case_puts_each_piece_of_evidence_under_its_skill(capsys, logged, data_dir, tmp_path):
    target = tmp_path / "case.md"
    args = ("export", "case", str(target), "--since", "2024-01-01", "--as-of", AS_OF)
    code, out, err = run(capsys, data_dir, *args)
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Promotion case: Senior Product Owner")
    assert "Target stage: Senior Product Owner" in text and "Current stage: Product Owner" in text
    leadership = section(text, "Leadership")
    assert (
        "Led the payouts migration (2025-03-01): Lead time: 12 → 5 days. No downtime" in leadership
    )
    assert "> Owns the room in planning" in leadership
    assert "> — Dana Reyes, manager, saw level 4, 2025-04-02" in leadership
    assert "Leading without authority (2025-02-01): 6 h" in leadership
    assert "self-rated 2; others see 4.0 (1 level given). Others rate it higher" in leadership
    assert "- Raise Leadership from 2 to 3" in leadership
    assert "- Lead the guild session" in leadership
    # Wins come first, then feedback, then learning.
    assert leadership.index("Led the payouts") < leadership.index("Owns the room")
    assert leadership.index("Owns the room") < leadership.index("Leading without")
    # Nothing outside the period, on either side.
    assert "Old win before the period" not in text and "A win after the as-of" not in text
    # Strongest evidence first: Leadership leads the skills; a skill with none says so.
    skills = re.findall(r"^### (.+)$", text.split("## Skills", 1)[1], re.M)
    assert skills[0] == "Leadership"
    assert "No evidence yet: log a win that shows Communication." in section(text, "Communication")
    assert "Led the payouts migration" in section(text, "People mentored")


def test_journal_entries_and_roles_are_evidence_where_they_belong(
    capsys, logged, data_dir, tmp_path
):
    with logged.write() as session:
        (win,) = [w for w in wins.list_all(session) if w.title == "Led the payouts migration"]
        prompt = "Whom did you lead?"
        session.execute(
            text("UPDATE skills SET prompt = :p WHERE slug = 'leadership'"), {"p": prompt}
        )
        journal.create(session, journal.JournalInput(
            "Kept the team calm through the cut-over.", date(2025, 3, 2), title="Cut-over night",
            links=(journal.EntryRef("win", win.id),),
        ))  # fmt: skip
        journal.create(session, journal.JournalInput(
            "Coached two juniors through their first refinement.", date(2025, 5, 9), prompt=prompt,
        ))  # fmt: skip
        journal.create(session, journal.JournalInput("Unrelated musing.", date(2025, 5, 10)))
        journal.create(session, journal.JournalInput(
            "Before the period.", date(2023, 1, 1), links=(journal.EntryRef("win", win.id),),
        ))  # fmt: skip
        experience.create(session, experience.ExperienceInput(
            "Product Owner", date(2022, 1, 1), organization="Acme", sprints=40, people_mentored=2,
        ))  # fmt: skip
        experience.create(session, experience.ExperienceInput(
            "Analyst", date(2018, 1, 1), date(2021, 12, 31), people_mentored=0,
        ))  # fmt: skip
    target = tmp_path / "case.md"
    args = ("export", "case", str(target), "--since", "2024-01-01", "--as-of", AS_OF)
    assert run(capsys, data_dir, *args)[0] == 0
    case = target.read_text(encoding="utf-8")
    written = section(case, "Leadership").split("**From the journal**", 1)[1]
    # Linked to a Leadership win, or written to Leadership's prompt; newest first.
    assert written.index("Coached two juniors") < written.index("Cut-over night (2025-03-02)")
    assert "Unrelated musing" not in case and "Before the period" not in case
    mentored = section(case, "People mentored")
    assert "Product Owner, Acme (2022-01-01): 2 people mentored; 2022-01-01 to now" in mentored
    # A role that mentored nobody, and one that ended before the period, are not listed.
    assert "Analyst" not in mentored


def test_mentoring_given_counts_toward_people_mentored_and_received_does_not(
    capsys, logged, data_dir, tmp_path
):
    def mentoring(title, day, people, direction):
        given = EventInput(title, "mentoring", day, contacts=people, mentoring=direction)
        events.create(session, given)

    with logged.write() as session:
        experience.create(session, experience.ExperienceInput(
            "Product Owner", date(2022, 1, 1), people_mentored=1,
        ))  # fmt: skip
        mentoring("Pairing with Ann", date(2025, 2, 3), ("Ann", "Bo"), "gave")
        mentoring("Refinement coaching", date(2025, 4, 3), ("Ann", "Cy"), "gave")
        mentoring("Career chat with Dee", date(2025, 5, 3), ("Dee",), "received")
        facts = readiness_facts.gather_facts(session, date(2025, 6, 30))
    # Ann, Bo and Cy: the larger of the three people mentored in sessions and the one of
    # the experience log, never their sum; being mentored by Dee counts for nothing here.
    assert facts.mentored == 3
    target = tmp_path / "case.md"
    args = ("export", "case", str(target), "--since", "2024-01-01", "--as-of", AS_OF)
    assert run(capsys, data_dir, *args)[0] == 0
    mentored = section(target.read_text(encoding="utf-8"), "People mentored")
    assert "3 of 2 people: met." in mentored
    assert "Refinement coaching (2025-04-03): mentored Ann, Cy" in mentored
    assert "Career chat with Dee" not in mentored


def test_the_case_in_word_keeps_its_headings_and_text(capsys, logged, data_dir, tmp_path):
    target = tmp_path / "case.docx"
    assert run(capsys, data_dir, "export", "case", str(target), "--as-of", AS_OF)[0] == 0
    document = docx.Document(io.BytesIO(target.read_bytes()))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Title", "Promotion case: Senior Product Owner")
    assert ("Heading 1", "Skills") in paragraphs and ("Heading 2", "Leadership") in paragraphs
    start = paragraphs.index(("Heading 2", "Leadership"))
    after = paragraphs[start + 1 :]
    end = next(i for i, (style, _) in enumerate(after) if style in ("Heading 1", "Heading 2"))
    leadership = after[:end]
    assert any(style == "List Bullet" and text.startswith("Led the payouts migration")
               for style, text in leadership)  # fmt: skip
    assert ("Quote", "“Owns the room in planning”") in leadership


@pytest.mark.parametrize(("paper", "points"), [("a4", (595.3, 841.9)), ("letter", (612, 792))])
def test_the_case_as_pdf_on_a4_or_letter(capsys, logged, data_dir, tmp_path, paper, points):
    target = tmp_path / "case.pdf"
    args = ("export", "case", str(target), "--as-of", AS_OF, "--paper", paper)
    assert run(capsys, data_dir, *args)[0] == 0
    reader = PdfReader(target)
    assert len(reader.pages) >= 2  # a case runs to several pages
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            points, abs=0.1
        )
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert text.startswith("Promotion case: Senior Product Owner")
    assert "Led the payouts migration (2025-03-01): Lead time: 12 → 5 days" in text
    assert reader.metadata.title == "Promotion case: Senior Product Owner"


def test_refusals_write_nothing(capsys, db, data_dir, tmp_path):
    target = tmp_path / "case.txt"
    code, _, err = run(capsys, data_dir, "export", "case", str(target))
    assert code == 2 and "use .md (Markdown), .pdf (PDF), .docx (Word)" in err
    code, _, err = run(capsys, data_dir, "export", "case", str(tmp_path / "case.md"))
    assert code != 0 and "no target stage is set" in err
    existing = tmp_path / "there.md"
    existing.write_text("mine")
    code, _, err = run(
        capsys, data_dir, "export", "case", str(existing), "--stage", "Product Owner"
    )
    assert code != 0 and "--force" in err and existing.read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["there.md"]
