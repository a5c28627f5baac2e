"""Commands that write: add, rate, journal, stage, delete."""

from __future__ import annotations

import sys
from datetime import date

from ..services.errors import ValidationError
from ..services.logbook import (
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
from ..services.logbook import feedback_entries as feedback
from ..services.logbook import journal_entries as journal
from ..services.logbook.service_by_kind import LOG_SERVICES
from .output import summary

SERVICES = LOG_SERVICES


def _input_for(args):
    today = date.today()
    kind = args.kind
    if kind == "certification":
        earned = args.earned or (today if args.status == "earned" else None)
        fee, fee_currency = certifications.parse_fee(args.renewal_fee, "--renewal-fee")
        return certifications.CertificationInput(
            name=args.name,
            status=args.status,
            custom=args.custom,
            issuer=args.issuer,
            earned_on=earned,
            expires_on=args.expires,
            credential_number=args.credential_id,
            verification_url=args.url,
            cost_amount=args.cost,
            cost_currency=args.currency,
            notes=args.note,
            renewal_fee_amount=fee,
            renewal_fee_currency=fee_currency,
        )
    if kind == "training":
        return training.TrainingInput(
            title=args.title,
            hours=args.hours,
            start_date=args.date or today,
            end_date=args.end,
            provider=args.provider,
            format=args.format,
            status=args.status,
            skills=tuple(args.skill),
            credentials=tuple(args.credential),
            cost_amount=args.cost,
            cost_currency=args.currency,
            notes=args.note,
        )
    if kind == "event":
        return events.EventInput(
            title=args.title,
            event_type=args.event_type,
            event_date=args.date or today,
            hours=args.hours,
            contacts=tuple(args.met),
            location=args.location,
            online=args.online,
            takeaways=args.takeaways,
            follow_up_on=args.follow_up,
            notes=args.note,
        )
    if kind == "experience":
        return experience.ExperienceInput(
            role=args.role,
            start_date=args.start or today,
            end_date=args.end,
            organization=args.organization,
            sprints=args.sprints,
            products_owned=args.products,
            team_size=args.team_size,
            ceremonies_facilitated=args.facilitated,
            people_mentored=args.mentored,
            notes=args.note,
        )
    if kind == "goal":
        return goals.GoalInput(
            text=args.text,
            target_date=args.due,
            status=args.status,
            skill=args.skill,
            credential=args.credential,
            requirement=args.requirement,
            notes=args.note,
        )
    if kind == "win":
        return _win_input(args, today)
    if kind == "feedback":
        return _feedback_input(args, today)
    return contacts.ContactInput(
        name=args.name, organization=args.organization, role=args.role, notes=args.note
    )


def _win_input(args, today: date) -> wins.WinInput:
    name, before, after, unit = ("", None, None, "")
    if args.metric is not None:
        name, before, after, unit = wins.parse_metric(args.metric, "--metric")
    return wins.WinInput(
        title=args.title,
        win_date=args.date or today,
        description=args.did,
        impact=args.impact,
        metric_name=name,
        metric_before=before,
        metric_after=after,
        metric_unit=unit,
        skills=tuple(args.skill),
        requirements=tuple(args.requirement),
        contacts=tuple(args.people),
        notes=args.note,
    )


def _feedback_input(args, today: date) -> feedback.FeedbackInput:
    levels = []
    for text in args.skill:
        item = feedback.parse_skill_level(text)
        levels.append(
            item if item.level is not None else feedback.SkillLevel(item.skill, args.level)
        )
    if args.level is not None and not args.skill:
        raise ValidationError.single("--level", "goes with --skill: name the skill it is for")
    return feedback.FeedbackInput(
        quote=args.quote,
        giver=args.giver,
        giver_role=args.role,
        given_on=args.date or today,
        skills=tuple(levels),
        notes=args.note,
    )


def _create(db, kind: str, data) -> int:
    with db.write() as session:
        item = SERVICES[kind].create(session, data)
        line = summary(kind, item)
    print(f"Added {kind} {line}")
    return 0


def add(args, db) -> int:
    return _create(db, args.kind, _input_for(args))


def rate(args, db) -> int:
    data = ratings.RatingInput(
        skill=args.skill,
        level=args.level,
        rated_on=args.date or date.today(),
        source=args.source,
        note=args.note,
    )
    return _create(db, "rating", data)


def _link(text: str) -> journal.EntryRef:
    kind, _, number = text.partition(":")
    if not number.isdigit() or len(number) > 18:
        raise ValidationError.single(
            "link", f"must look like KIND:ID, e.g. training:3 (got {text!r})"
        )
    return journal.EntryRef(kind.strip().lower(), int(number))


def write_journal(args, db) -> int:
    text = _read_stdin() if args.text == "-" else args.text
    data = journal.JournalInput(
        text=text,
        entry_date=args.date or date.today(),
        title=args.title,
        tags=tuple(args.tag),
        links=tuple(_link(t) for t in args.link),
    )
    return _create(db, "journal", data)


def _read_stdin() -> str:
    """The journal text piped in: UTF-8 only, and no more than an entry may hold (a larger
    input is refused by the entry's own limit, without reading it all)."""
    data = sys.stdin.buffer.read(4 * journal.MAX_BODY + 4)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError.single(
            "TEXT", f"standard input is not valid UTF-8 text (byte {error.start + 1})"
        ) from None


def stage(args, db) -> int:
    if args.current is None and args.target is None:
        with db.read() as session:
            standing = profile.get(session)
    else:
        with db.write() as session:
            standing = profile.set_stages(session, current=args.current, target=args.target)
    print(f"Current stage: {standing.current_stage or '(not set)'}")
    print(f"Target stage:  {standing.target_stage or '(not set)'}")
    return 0


def delete(args, db) -> int:
    with db.write() as session:
        SERVICES[args.kind].delete(session, args.id)
    print(f"Deleted {args.kind} #{args.id}")
    return 0


def renew(args, db) -> int:
    from ..services.logbook import certification_renewal

    fee, currency = certifications.parse_fee(args.fee, "--fee")
    with db.write() as session:
        result = certification_renewal.renew(
            session, args.credential, args.date or date.today(), fee, currency
        )
        message = result.message
    print(message)
    return 0
