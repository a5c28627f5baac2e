"""The review digest as a document: one section per part of the period, each with its
total and the entries behind it, in date order."""

from __future__ import annotations

from ..services.career.review_digest import Line, ReviewDigest
from .blocks import Block, Bullets, Document, Heading, Paragraph, Quote


def _plural(count: int, noun: str, many: str | None = None) -> str:
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def _lines(lines: tuple[Line, ...]) -> tuple[str, ...]:
    return tuple(
        f"{line.text} ({line.day})" + (f": {line.detail}" if line.detail else "") for line in lines
    )


def _section(title: str, summary: str, lines: tuple[Line, ...], total: int) -> list[Block]:
    blocks: list[Block] = [Heading(1, title), Paragraph(summary)]
    if lines:
        blocks.append(Bullets(_lines(lines)))
        if total > len(lines):
            blocks.append(Paragraph(f"… and {total - len(lines)} more in the logbook.", True))
    return blocks


def build_document(digest: ReviewDigest) -> Document:
    d = digest
    blocks: list[Block] = [
        Heading(1, "At a glance"),
        Bullets((
            _plural(d.wins_total, "win"),
            _plural(d.feedback_total, "piece of feedback", "pieces of feedback"),
            f"{d.training_hours:g} hours of learning in {_plural(d.trainings_total, 'training')}",
            f"{_plural(d.events_total, 'event')},"
            f" {_plural(d.people_total, 'person', 'people')} met",
            _plural(len(d.ratings), "skill rating that moved", "skill ratings that moved"),
            f"{_plural(len(d.goals_done), 'goal')} done, {_plural(len(d.goals_due), 'goal')} due",
        )),
    ]  # fmt: skip
    blocks += _section(
        "Wins", f"{_plural(d.wins_total, 'win')} in the period.", d.wins, d.wins_total
    )
    blocks += [Heading(1, "Feedback")]
    blocks += [Quote(line.text, f"{line.detail}, {line.day}") for line in d.feedback]
    if not d.feedback:
        blocks.append(Paragraph("No feedback logged in the period.", True))
    blocks += _section(
        "Learning",
        f"{d.training_hours:g} hours in {_plural(d.trainings_total, 'completed training')}.",
        d.trainings, d.trainings_total,
    )  # fmt: skip
    if d.credits:
        earned = tuple(f"{line.text}: {line.detail}" for line in d.credits)
        blocks += [Heading(3, "Renewal credits earned"), Bullets(earned)]
    blocks += _section(
        "Events and people", f"{_plural(d.events_total, 'event')}.", d.events, d.events_total
    )
    if d.people:
        blocks += [Paragraph("People met: " + ", ".join(d.people) + ".")]
    blocks += [Heading(1, "Skill ratings that moved")]
    moved = tuple(f"{m.skill}: {m.before or 'not rated'} → {m.after}" for m in d.ratings)
    blocks.append(Bullets(moved) if moved else Paragraph("No self-rating changed.", True))
    blocks += [Heading(1, "Goals")]
    blocks += [Heading(3, "Done"), Bullets(_lines(d.goals_done))] if d.goals_done else []
    blocks += (
        [Heading(3, "Due in the period, still open"), Bullets(_lines(d.goals_due))]
        if d.goals_due
        else []
    )
    if not (d.goals_done or d.goals_due):
        blocks.append(Paragraph("No goal was done or due in the period.", True))
    blocks += _section(
        "Journal highlights", f"{_plural(d.journal_total, 'journal entry', 'journal entries')}.",
        d.journal, d.journal_total,
    )  # fmt: skip
    return Document("Review digest", f"{d.since} to {d.until}", tuple(blocks), d.until)
