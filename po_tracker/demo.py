"""The sample profile behind ``po-tracker --demo``: about four years of a Product Owner's
log, so a newcomer sees every page and chart filled.

Everything is created through the services, so the demo obeys the same rules as what a
user types and fills the search index the same way. Dates are relative to ``today`` and
the only randomness has a fixed seed, so one ``today`` always gives the same logbook.
The content itself lives in ``demo_content`` and ``demo_journal``.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from .app_errors import AppError
from .db import Database
from .demo_content import (
    ASSESSMENT_EVERY_DAYS,
    CERTIFICATIONS,
    CONTACTS,
    CURRENT_STAGE,
    EVENTS,
    EXPERIENCE,
    FEEDBACK,
    FIRST_ASSESSMENT_DAYS_AGO,
    GOALS,
    MENTORING,
    OTHER_RATINGS,
    SKILL_GROWTH,
    TARGET_STAGE,
    TRAININGS,
    WINS,
)
from .demo_journal import JOURNAL
from .services.logbook import (
    certifications,
    contacts,
    events,
    experience,
    goals,
    profile,
    ratings,
    training,
    wins,
)
from .services.logbook import feedback_entries as feedback
from .services.logbook import journal_entries as journal
from .services.logbook.journal_entries import EntryRef
from .services.logbook.log_kinds import KINDS

SEED = 20_240_611
# Moving into fintech (Ledgerly) made the user rate their technical understanding lower
# for a while: a dip that real self-assessments show.
DIP_SKILL, DIP_FROM, DIP_UNTIL = "technical-understanding", 830, 600
MODELS = {kind.name: kind.model for kind in KINDS}


class DemoError(AppError):
    """The logbook already holds entries; the demo fills an empty one only."""


def fill_demo_profile(database: Database, today: date | None = None) -> dict[str, int]:
    """Fill an empty logbook with the demo profile in one transaction; returns the number
    of entries created per kind."""
    today = today or date.today()
    with database.write() as session:
        if _has_entries(session):
            raise DemoError("the demo profile fills an empty logbook only")
        demo = _Demo(session, today)
        demo.build()
        demo.backdate()
        return dict(demo.counts)


def _has_entries(session: Session) -> bool:
    return any(session.scalar(select(func.count()).select_from(m)) for m in MODELS.values())


class _Demo:
    def __init__(self, session: Session, today: date):
        self.session = session
        self.today = today
        self.refs: dict[str, int] = {}  # "training:KEY" -> id, for journal links
        # (kind, id, day it was logged), to give each row a believable creation time.
        self.logged: list[tuple[str, int, date]] = []
        self.counts = {kind: 0 for kind in MODELS}

    def ago(self, days: int | None) -> date | None:
        return None if days is None else self.today - timedelta(days=days)

    def note(self, kind: str, entry_id: int, day: date) -> None:
        self.logged.append((kind, entry_id, min(day, self.today)))
        self.counts[kind] += 1

    def build(self) -> None:
        profile.set_stages(self.session, CURRENT_STAGE, TARGET_STAGE)
        self.add_experience()
        self.add_trainings()
        self.add_certifications()
        self.add_contacts()
        self.add_events()
        self.add_ratings()
        self.add_journal()
        self.add_goals()
        self.add_wins()
        self.add_feedback()

    def add_experience(self) -> None:
        for role, org, start, end, *counts, notes in EXPERIENCE:
            sprints, products, team, ceremonies, mentored = counts
            item = experience.create(
                self.session,
                experience.ExperienceInput(
                    role=role, organization=org, start_date=self.ago(start),
                    end_date=self.ago(end), sprints=sprints, products_owned=products,
                    team_size=team, ceremonies_facilitated=ceremonies,
                    people_mentored=mentored, notes=notes,
                ),
            )  # fmt: skip
            self.note("experience", item.id, item.start_date)

    def add_certifications(self) -> None:
        for name, custom, status, earned, expires, *rest in CERTIFICATIONS:
            issuer, number, url, cost, currency, notes = rest
            item = certifications.create(
                self.session,
                certifications.CertificationInput(
                    name=name, custom=custom, status=status, earned_on=self.ago(earned),
                    expires_on=self.ago(expires), issuer=issuer, credential_number=number,
                    verification_url=url, cost_amount=cost, cost_currency=currency,
                    notes=notes,
                ),
            )  # fmt: skip
            self.note("certification", item.id, item.earned_on or self.ago(30))

    def add_trainings(self) -> None:
        for key, days, title, provider, fmt, hours, cost, skills, status, notes in TRAININGS:
            start = self.ago(days)
            # Courses and workshops of a day or more span consecutive days.
            span = max(int(hours // 8) - 1, 0) if fmt in ("course", "workshop") else 0
            item = training.create(
                self.session,
                training.TrainingInput(
                    title=title, hours=hours, start_date=start,
                    end_date=start + timedelta(days=span), provider=provider, format=fmt,
                    status=status, cost_amount=cost, cost_currency="EUR" if cost else None,
                    skills=skills, notes=notes,
                ),
            )  # fmt: skip
            self.refs[f"training:{key}"] = item.id
            # A planned training was booked a few weeks ago, not on its future date.
            self.note("training", item.id, item.end_date if days >= 0 else self.ago(20))

    def add_contacts(self) -> None:
        first_met = {}
        for _key, days, *_middle, people, _take, _fu, _done in EVENTS:
            for name in people:
                first_met.setdefault(name, days)
        for name, org, role, notes in CONTACTS:
            item = contacts.create(
                self.session, contacts.ContactInput(name, organization=org, role=role, notes=notes)
            )
            self.note("contact", item.id, self.ago(first_met.get(name, 0)))

    def add_events(self) -> None:
        for key, days, title, kind, where, online, hours, people, *rest in EVENTS:
            takeaways, follow_up, done = rest
            item = events.create(
                self.session,
                events.EventInput(
                    title=title, event_type=kind, event_date=self.ago(days), location=where,
                    online=online, hours=hours, contacts=people, takeaways=takeaways,
                    follow_up_on=self.ago(follow_up), follow_up_done=done,
                    mentoring=MENTORING.get(key.split("-")[0]) if kind == "mentoring" else None,
                ),
            )  # fmt: skip
            self.refs[f"event:{key}"] = item.id
            self.note("event", item.id, item.event_date)

    def add_ratings(self) -> None:
        rounds = range(FIRST_ASSESSMENT_DAYS_AGO, -1, -ASSESSMENT_EVERY_DAYS)
        levels = _growth_curves(len(rounds), random.Random(SEED))
        for index, days in enumerate(rounds):
            batch = [
                ratings.RatingInput(
                    skill=slug, level=_dip(slug, days, curve[index]), rated_on=self.ago(days)
                )
                for slug, curve in levels.items()
            ]
            for item in ratings.create_many(self.session, batch):
                self.note("rating", item.id, item.rated_on)
        for days, slug, level, source, note in OTHER_RATINGS:
            item = ratings.create(
                self.session, ratings.RatingInput(slug, level, self.ago(days), source, note)
            )
            self.note("rating", item.id, item.rated_on)

    def add_journal(self) -> None:
        for days, title, tags, prompt, links, body in JOURNAL:
            refs = tuple(EntryRef(key.split(":")[0], self.refs[key]) for key in links)
            item = journal.create(
                self.session,
                journal.JournalInput(
                    text=body, entry_date=self.ago(days), title=title, tags=tags,
                    links=refs, prompt=prompt,
                ),
            )  # fmt: skip
            self.note("journal", item.id, item.entry_date)

    def add_goals(self) -> None:
        for text, target, status, skill, credential, requirement, notes in GOALS:
            item = goals.create(
                self.session,
                goals.GoalInput(
                    text=text, target_date=self.ago(target), status=status, skill=skill,
                    credential=credential, requirement=requirement, notes=notes,
                ),
            )  # fmt: skip
            # A goal is set a few months before its target date; those still ahead were
            # set in the last career reflection (see the journal).
            set_on = min(item.target_date - timedelta(days=120), self.ago(6))
            self.note("goal", item.id, set_on)

    def add_wins(self) -> None:
        for title, days, did, impact, metric, skills, requirements, people in WINS:
            name, before, after, unit = metric or ("", None, None, "")
            item = wins.create(
                self.session,
                wins.WinInput(
                    title=title, win_date=self.ago(days), description=did, impact=impact,
                    metric_name=name, metric_before=before, metric_after=after,
                    metric_unit=unit, skills=skills, requirements=requirements,
                    contacts=people,
                ),
            )  # fmt: skip
            self.note("win", item.id, item.win_date)

    def add_feedback(self) -> None:
        for days, quote, giver, role, skills in FEEDBACK:
            item = feedback.create(
                self.session,
                feedback.FeedbackInput(
                    quote=quote, giver=giver, giver_role=role, given_on=self.ago(days),
                    skills=tuple(feedback.SkillLevel(s, level) for s, level in skills),
                ),
            )  # fmt: skip
            self.note("feedback", item.id, item.given_on)

    def backdate(self) -> None:
        """Give every entry the creation time of the evening it is about, so "recent
        entries" and the activity calendar read like a real history rather than one
        burst at start-up. UUIDs follow from the day too: the same day gives the same
        sample logbook."""
        by_kind: dict[str, list[dict]] = {}
        for position, (kind, entry_id, day) in enumerate(self.logged):
            stamp = datetime.combine(day, time(18, 0)) + timedelta(minutes=(position * 7) % 180)
            bits = random.Random(f"demo:{self.today}:{kind}:{entry_id}").getrandbits(128)
            by_kind.setdefault(kind, []).append(
                {"id": entry_id, "created_at": stamp, "updated_at": stamp,
                 "uuid": str(uuid.UUID(int=bits, version=4))}
            )  # fmt: skip
        for kind, rows in by_kind.items():
            self.session.execute(update(MODELS[kind]), rows)


def _growth_curves(rounds: int, rng: random.Random) -> dict[str, list[int]]:
    """Self-assessed levels per skill and round: a steady climb from the first to the
    latest level with a little noise, never falling back once a level is reached (people
    rarely rate themselves down), and exactly the designed level at the end."""
    curves = {}
    for slug, (first, last) in SKILL_GROWTH.items():
        levels, best = [], first
        for index in range(rounds):
            share = index / (rounds - 1)
            raw = first + (last - first) * share + rng.uniform(-0.4, 0.4)
            best = min(max(best, round(raw)), last)
            levels.append(best)
        levels[-1] = last
        curves[slug] = levels
    return curves


def _dip(slug: str, days_ago: int, level: int) -> int:
    return max(level - 1, 1) if slug == DIP_SKILL and DIP_UNTIL <= days_ago <= DIP_FROM else level
