"""A seeded logbook of any size for the benchmarks: ``generate(data_dir, entries, seed)``,
or ``python -m bench.generate DIR --entries N [--seed S] [--end YYYY-MM-DD]``.

Ten years of a heavy user's log, mixed as a real one is (journal about 35 %, skill
ratings 25 %, trainings and events 15 % each, the rest contacts, certifications with
renewal cycles, experience and goals). Rows go in with bulk inserts in one transaction,
with explicit ids and timestamps, so that one seed always writes the same bytes of
content; the search index fills through the schema's own triggers.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import sqlite3
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from po_tracker.models import (
    Certification,
    Contact,
    Credential,
    ExperienceEntry,
    Feedback,
    Goal,
    JournalEntry,
    JournalLink,
    NetworkingEvent,
    Skill,
    SkillRating,
    Tag,
    TrainingSession,
    Win,
    event_contacts,
    journal_entry_tags,
    training_skills,
)
from po_tracker.services.logbook import profile
from po_tracker.services.storage.opening import open_logbook

# Share of the entries per kind; MODELS holds the table each kind is stored in.
SHARES = {"journal": 0.31, "rating": 0.25, "training": 0.15, "event": 0.15, "contact": 0.04,
          "certification": 0.02, "experience": 0.02, "goal": 0.02, "win": 0.02,
          "feedback": 0.02}  # fmt: skip
_TABLES = (JournalEntry, SkillRating, TrainingSession, NetworkingEvent, Contact, Certification,
           ExperienceEntry, Goal, Win, Feedback)  # fmt: skip
MODELS = dict(zip(SHARES, _TABLES, strict=True))
# Fixed, not today: the same seed must give the same logbook on any day.
DEFAULT_END = date(2026, 11, 30)
YEARS = 10
CHUNK = 5000


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


SUBJECTS = _words(
    "I we the-team our-designer the-tech-lead Sales Risk Support the-squad my-manager"
)
VERBS = _words(
    "refined reviewed prioritised split estimated questioned demoed shipped measured "
    "mapped reframed challenged tested validated dropped postponed negotiated explained "
    "sketched interviewed analysed simplified released aligned scoped"
)
ADJECTIVES = _words(
    "risky urgent small customer-facing regulated noisy unclear promising expensive "
    "manual slow critical quarterly experimental legacy mobile self-service core "
    "confusing measurable"
)
NOUNS = _words(
    "backlog roadmap epic story increment release onboarding funnel checkout payout "
    "dashboard API integration migration experiment hypothesis prototype persona "
    "interview survey metric retention churn conversion pricing segment forecast "
    "dependency incident refinement retrospective review stakeholder outcome "
    "objective initiative feature workflow ledger settlement invoice report sprint"
)
GROUPS = _words("engineering design marketing compliance finance operations partners leadership")
PREPOSITIONS = _words("before after during without despite for around")
TAGS = _words(
    "retro stakeholders backlog roadmap discovery data decision mentoring learning "
    "conference team planning incident career market pricing onboarding payouts "
    "facilitation strategy ux risk metrics hiring feedback vision"
)
FIRST_NAMES = _words("Ana Ben Chloe David Elif Farid Greta Hugo Ines Jonas Kemal Lena Mateo Nadia")
LAST_NAMES = _words("Berg Costa Dubois Eriksen Fischer Garcia Hansen Ivanova Jensen Kowalski")
ORGS = _words("Ledgerly Brightline Paylane Tidewater Northwind Kitebase Clearstone Finlo")
ROLES = ("Product Owner", "Engineering manager", "UX researcher", "Scrum Master",
         "Data scientist", "Product manager", "Agile coach", "VP Product")  # fmt: skip
PROVIDERS = ("Scrum Alliance", "Scrum.org", "Coursera", "Mind the Product", "O'Reilly",
             "Northbridge Agile Academy", "LinkedIn Learning", "Product School")  # fmt: skip
TRAINING_FORMATS = {"course": 12, "workshop": 7, "book": 8, "webinar": 1.5, "self-study": 4}
EVENT_HOURS = {"meetup": 2.5, "conference": 8, "workshop": 4, "forum": 1, "webinar": 1,
               "mentoring": 1}  # fmt: skip
REQUIREMENTS = ("sprints_as_po", "people_mentored", "training_hours_12m", "events_12m")


def entry_counts(entries: int) -> dict[str, int]:
    """Entries per kind: each kind's share rounded down, the remainder to the journal."""
    counts = {kind: math.floor(entries * share) for kind, share in SHARES.items()}
    counts["journal"] += entries - sum(counts.values())
    return counts


def generate(data_dir, entries: int, seed: int = 7, end: date = DEFAULT_END) -> dict[str, int]:
    """Create a logbook in ``data_dir`` (which must not hold one with entries yet) with
    ``entries`` entries; returns how many of each kind were written."""
    if entries < 1:
        raise ValueError("entries must be at least 1")
    counts = entry_counts(entries)
    database = open_logbook(Path(data_dir))
    try:
        with database.write() as session:
            if any(session.scalar(select(func.count()).select_from(m)) for m in MODELS.values()):
                raise ValueError(f"{data_dir} already holds a logbook with entries")
            _Generator(session, seed, end, counts).run()
    finally:
        database.close()
    return counts


class _Generator:
    def __init__(self, session: Session, seed: int, end: date, counts: dict[str, int]):
        self.session = session
        self.seed = seed
        self.end = end
        self.start = end - timedelta(days=round(YEARS * 365.25))
        self.counts = counts
        self.uuid_sources: dict[str, random.Random] = {}
        self.skills = list(session.scalars(select(Skill.id).order_by(Skill.position, Skill.id)))
        self.credentials = {
            slug: cid for slug, cid in session.execute(select(Credential.slug, Credential.id))
        }

    def rng(self, kind: str) -> random.Random:
        # One stream per kind: changing how one kind is made leaves the others as they were.
        return random.Random(f"{self.seed}:{kind}")

    def days(self, rng: random.Random, count: int) -> list[date]:
        """``count`` dates over the ten years, in order, so ids follow dates as when a
        person logs as they go."""
        span = (self.end - self.start).days
        return [self.start + timedelta(days=d) for d in sorted(rng.randrange(span + 1)
                                                                for _ in range(count))]  # fmt: skip

    def put(self, target, rows: list[dict]) -> None:
        # render_nulls keeps rows with and without a value in one executemany; otherwise
        # the ORM splits a chunk into one batch per pattern of missing values.
        statement = insert(target).execution_options(render_nulls=True)
        table = getattr(target, "__table__", target)
        if "uuid" in table.c:
            # Entries' UUIDs from the seed too, so one seed gives one logbook.
            # One sequence per table, kept across calls: a table written in several
            # calls (a large logbook's journal) must not repeat its first UUIDs.
            ids = self.uuid_sources.setdefault(
                table.name, random.Random(f"{self.seed}:{table.name}:uuid")
            )
            for row in rows:
                row.setdefault("uuid", str(uuid.UUID(int=ids.getrandbits(128), version=4)))
        for first in range(0, len(rows), CHUNK):
            self.session.execute(statement, rows[first : first + CHUNK])

    def run(self) -> None:
        profile.set_stages(self.session, "product-owner", "senior-product-owner")
        # Tag links go in before their entries, so the journal's insert trigger indexes
        # the tags once instead of rewriting each entry's index row for every tag.
        # Foreign keys are still checked, at commit.
        self.session.execute(text("PRAGMA defer_foreign_keys = ON"))
        # One big transaction: a page cache that holds it saves SQLite from spilling
        # pages to disk mid-way. The connection is dropped when the logbook closes.
        self.session.execute(text("PRAGMA cache_size = -262144"))
        from .generate_evidence import feedback, wins  # it builds on this module

        steps = (_contacts, _trainings, _events, _ratings, _certifications, _experience,
                 _goals, _journal, wins, feedback)  # fmt: skip
        for step in steps:
            step(self)


def _stamp(day: date, index: int) -> dict:
    moment = datetime(day.year, day.month, day.day, 8) + timedelta(minutes=(index * 37) % 720)
    return {"created_at": moment, "updated_at": moment}


def _sentence(rng: random.Random) -> str:
    c = rng.choice
    subject = c(SUBJECTS).replace("-", " ")
    return (
        f"{subject[0].upper()}{subject[1:]} {c(VERBS)} the {c(ADJECTIVES)} {c(NOUNS)} with "
        f"{c(GROUPS)} {c(PREPOSITIONS)} the {c(NOUNS)} {c(NOUNS)} because {c(NOUNS)} mattered."
    )


def _body(rng: random.Random, words: int = 74) -> str:
    """Sentences until at least ``words`` words: about 80 in all."""
    sentences, count = [], 0
    while count < words:
        sentences.append(_sentence(rng))
        count += sentences[-1].count(" ") + 1
    return " ".join(sentences)


def _contacts(gen: _Generator) -> None:
    rng = gen.rng("contact")
    rows = []
    for index, day in enumerate(gen.days(rng, gen.counts["contact"]), 1):
        rows.append({
            "id": index,
            "name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {index}",
            "organization": rng.choice(ORGS), "role": rng.choice(ROLES),
            "notes": _sentence(rng), **_stamp(day, index),
        })  # fmt: skip
    gen.put(Contact, rows)


def _trainings(gen: _Generator) -> None:
    rng = gen.rng("training")
    rows, links = [], []
    for index, day in enumerate(gen.days(rng, gen.counts["training"]), 1):
        fmt = rng.choice(list(TRAINING_FORMATS))
        hours = TRAINING_FORMATS[fmt] * rng.choice((0.5, 1, 1, 1.5, 2))
        rows.append({
            "id": index, "title": f"{rng.choice(ADJECTIVES).title()} {rng.choice(NOUNS)} {fmt}",
            "provider": rng.choice(PROVIDERS), "format": fmt, "start_date": day,
            "end_date": day + timedelta(days=int(hours // 8)), "hours": hours,
            "cost_amount": rng.choice((None, 0.0, 49.0, 450.0, 1100.0)), "cost_currency": "EUR",
            "status": "completed" if day < gen.end - timedelta(days=30) else "in-progress",
            "notes": _sentence(rng), **_stamp(day, index),
        })  # fmt: skip
        for skill in rng.sample(gen.skills, rng.randint(1, 3)):
            links.append({"training_id": index, "skill_id": skill})
    gen.put(TrainingSession, rows)
    gen.put(training_skills, links)


def _events(gen: _Generator) -> None:
    rng = gen.rng("event")
    rows, met = [], []
    people = gen.counts["contact"]
    for index, day in enumerate(gen.days(rng, gen.counts["event"]), 1):
        kind = rng.choice(list(EVENT_HOURS))
        follow_up = day + timedelta(days=rng.randint(3, 30)) if rng.random() < 0.3 else None
        rows.append({
            "id": index, "title": f"{rng.choice(ORGS)} {kind}: {rng.choice(NOUNS)} {index}",
            "event_type": kind, "event_date": day, "location": rng.choice(("Berlin", "")),
            "online": kind in ("webinar", "forum"), "hours": EVENT_HOURS[kind],
            "takeaways": _sentence(rng), "follow_up_on": follow_up,
            "follow_up_done": follow_up is not None and follow_up < gen.end - timedelta(60),
            "notes": "", **_stamp(day, index),
        })  # fmt: skip
        # Squared draws favour the first contacts: a few people are met again and again.
        chosen = {int(people * rng.random() ** 2) + 1 for _ in range(rng.randint(0, 4))}
        met.extend({"event_id": index, "contact_id": c} for c in sorted(chosen) if people)
    gen.put(NetworkingEvent, rows)
    gen.put(event_contacts, met)


def _ratings(gen: _Generator) -> None:
    """Assessment rounds of every skill, each level a walk that drifts upward over the
    years; a few ratings come from peers and managers with an evidence note."""
    rng = gen.rng("rating")
    count = gen.counts["rating"]
    rounds = math.ceil(count / len(gen.skills))
    levels = {skill: rng.uniform(1, 2.5) for skill in gen.skills}
    step = 3 / max(rounds, 1)  # about three levels of growth over the ten years
    rows = []
    for round_index, day in enumerate(gen.days(rng, rounds)):
        for skill in gen.skills:
            if len(rows) == count:
                break
            levels[skill] = min(max(levels[skill] + step + rng.uniform(-0.1, 0.1), 1), 5)
            source = rng.choices(("self", "peer", "manager"), (8, 1, 1))[0]
            rows.append({
                "id": len(rows) + 1, "skill_id": skill, "rated_on": day,
                "level": round(levels[skill]), "source": source,
                "note": "" if source == "self" else _sentence(rng),
                **_stamp(day, round_index),
            })  # fmt: skip
    gen.put(SkillRating, rows)


def _certifications(gen: _Generator) -> None:
    """CSPO renewed every two years (each renewal logged as the credential earned again),
    then the rest of the catalog and custom names, mostly earned, a few expired or planned."""
    rng = gen.rng("certification")
    count = gen.counts["certification"]
    cspo = [gen.start + timedelta(days=180 + 730 * n) for n in range(5)]
    cspo = [day for day in cspo if day <= gen.end][:count]
    others = sorted(gen.credentials.items())
    rows = []
    for index in range(1, count + 1):
        renewal = index <= len(cspo)
        slug, cid = ("cspo", gen.credentials["cspo"]) if renewal else rng.choice(others)
        custom = not renewal and rng.random() < 0.2
        status = rng.choices(("earned", "expired", "planned"), (7, 2, 1))[0]
        status = "earned" if renewal else status
        day = cspo[index - 1] if renewal else gen.days(rng, 1)[0]
        rows.append({
            "id": index, "credential_id": None if custom else cid,
            "custom_name": f"{rng.choice(ORGS)} {rng.choice(NOUNS)} certificate" if custom
            else None,
            "issuer": "", "status": status, "earned_on": None if status == "planned" else day,
            "expires_on": None, "credential_number": f"{slug.upper()}-{index:06d}",
            "verification_url": "", "cost_amount": rng.choice((None, 200.0, 1150.0)),
            "cost_currency": "EUR", "attachment": None, "notes": _sentence(rng),
            **_stamp(day, index),
        })  # fmt: skip
    gen.put(Certification, rows)


def _experience(gen: _Generator) -> None:
    """Consecutive stretches of work across the ten years; the latest is still going on."""
    rng = gen.rng("experience")
    count = gen.counts["experience"]
    length = (gen.end - gen.start).days / max(count, 1)
    roles = ("Junior Product Owner", "Product Owner", "Senior Product Owner")
    rows = []
    for index in range(count):
        start = gen.start + timedelta(days=int(index * length))
        end = gen.start + timedelta(days=int((index + 1) * length) - 1)
        weeks = max((end - start).days // 7, 0)
        rows.append({
            "id": index + 1, "role": roles[index * len(roles) // count],
            "organization": rng.choice(ORGS), "start_date": start,
            "end_date": None if index == count - 1 else max(end, start),
            "sprints": weeks // 2, "products_owned": rng.randint(1, 3),
            "team_size": rng.randint(4, 10), "ceremonies_facilitated": weeks * 2,
            "people_mentored": rng.choice((0, 0, 1)), "notes": _sentence(rng),
            **_stamp(start, index),
        })  # fmt: skip
    gen.put(ExperienceEntry, rows)


def _goals(gen: _Generator) -> None:
    rng = gen.rng("goal")
    credentials = sorted(gen.credentials.values())
    rows = []
    for index, day in enumerate(gen.days(rng, gen.counts["goal"]), 1):
        target = day + timedelta(days=rng.randint(30, 240))
        past = target < gen.end
        link = index % 3
        rows.append({
            "id": index, "text": f"{rng.choice(VERBS).title()} the {rng.choice(NOUNS)} {index}",
            "target_date": target,
            "status": rng.choice(("done", "done", "dropped", "open")) if past else "open",
            "skill_id": rng.choice(gen.skills) if link == 0 else None,
            "credential_id": rng.choice(credentials) if link == 1 else None,
            "requirement": rng.choice(REQUIREMENTS) if link == 2 else None,
            "notes": _sentence(rng), **_stamp(day, index),
        })  # fmt: skip
    gen.put(Goal, rows)


def _journal(gen: _Generator) -> None:
    """Entries of about 80 words, one to three tags, and one in ten linked to a training
    or an event."""
    rng = gen.rng("journal")
    gen.put(Tag, [{"id": n, "name": name} for n, name in enumerate(TAGS, 1)])
    targets = [(kind, gen.counts[kind]) for kind in ("training", "event") if gen.counts[kind]]
    days = gen.days(rng, gen.counts["journal"])
    links = []
    for first in range(0, len(days), CHUNK):
        rows, tags = [], []
        for index, day in enumerate(days[first : first + CHUNK], first + 1):
            rows.append({
                "id": index, "entry_date": day, "prompt": "",
                "title": f"{rng.choice(NOUNS).title()} {rng.choice(VERBS)} {rng.choice(GROUPS)}",
                "body": _body(rng), **_stamp(day, index),
            })  # fmt: skip
            for tag in sorted(rng.sample(range(1, len(TAGS) + 1), rng.randint(1, 3))):
                tags.append({"entry_id": index, "tag_id": tag})
            if targets and rng.random() < 0.1:
                kind, n = rng.choice(targets)
                links.append({"id": len(links) + 1, "entry_id": index, "target_kind": kind,
                              "target_id": rng.randint(1, n)})  # fmt: skip
        # Tags before their entries: see ``_Generator.run``.
        gen.put(journal_entry_tags, tags)
        gen.put(JournalEntry, rows)
    gen.put(JournalLink, links)


def content_digest(data_dir) -> str:
    """SHA-256 of every table's rows (search index included), to check that one seed
    gives the same logbook. Rows are sorted, so the digest does not depend on the order
    SQLite happens to return them in. The data revision is left out: it is a random
    token, new with every write, not content."""
    from po_tracker.paths import database_path

    digest = hashlib.sha256()
    connection = sqlite3.connect(database_path(Path(data_dir)))
    try:
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' AND name != 'data_revision' ORDER BY name"
        ).fetchall()
        for (table,) in tables:
            rows = connection.execute(f'SELECT * FROM "{table}"').fetchall()
            digest.update(table.encode())
            digest.update(repr(sorted(rows, key=repr)).encode())
    finally:
        connection.close()
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__)
    parser.add_argument("data_dir", metavar="DIR", help="data folder for the new logbook")
    parser.add_argument("--entries", type=int, required=True, help="how many entries")
    parser.add_argument("--seed", type=int, default=7, help="same seed, same logbook")
    parser.add_argument("--end", type=date.fromisoformat, default=DEFAULT_END,
                        help=f"date of the latest entries (default {DEFAULT_END})")  # fmt: skip
    parser.add_argument("--digest", action="store_true", help="print the content's SHA-256")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    try:
        counts = generate(args.data_dir, args.entries, args.seed, args.end)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    took = time.perf_counter() - began
    listing = ", ".join(f"{kind} {n}" for kind, n in counts.items())
    print(f"{sum(counts.values())} entries in {took:.1f} s: {listing}")
    if args.digest:
        print(f"content digest {content_digest(args.data_dir)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
