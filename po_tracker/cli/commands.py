"""Commands that write: add, edit, rate, journal, stage, delete, renew."""

from __future__ import annotations

import dataclasses
import sys
from datetime import date

from ..services.errors import ValidationError
from ..services.logbook import certifications, log_kinds, profile, ratings
from ..services.logbook import journal_entries as journal
from .attach_files import attachment_change, stored, tidy
from .entry_options import collected, given
from .output import summary

# The dates ``add`` fills with today when they are left out.
TODAY_BY_DEFAULT = {
    "training": "start_date",
    "event": "event_date",
    "experience": "start_date",
    "win": "win_date",
    "feedback": "given_on",
}


def _input_for(args):
    kind = args.kind
    today = date.today()
    values = collected(kind, args)
    if kind in TODAY_BY_DEFAULT:
        values[TODAY_BY_DEFAULT[kind]] = values[TODAY_BY_DEFAULT[kind]] or today
    if kind == "certification" and values["earned_on"] is None and values["status"] == "earned":
        values["earned_on"] = today
    return log_kinds.BY_NAME[kind].input_type(**values)


def _create(db, kind: str, data) -> int:
    with db.write() as session:
        item = log_kinds.service(kind).create(session, data)
        line = summary(kind, item)
    print(f"Added {kind} {line}")
    return 0


def add(args, db) -> int:
    data = _input_for(args)
    path, _ = attachment_change(args)
    with stored(db.data_dir, path) as name:
        if name is not None:
            data = dataclasses.replace(data, attachment=name)
        return _create(db, args.kind, data)


def edit(args, db) -> int:
    """Changes the fields given, through the service's own update: the same checks and
    messages as ``add`` and the window, and the same effects (search index, start view,
    the next calendar export)."""
    kind = args.kind
    changes = given(kind, args)
    path, detach = attachment_change(args)
    if detach:
        changes["attachment"] = None
    if not changes and path is None:
        raise ValidationError.single(
            "edit", f"nothing to change: give at least one option (po-tracker edit {kind} --help)"
        )
    if changes.get("text") == "-" and kind == "journal":
        changes["text"] = _read_stdin()
    if "links" in changes:
        changes["links"] = tuple(_link(text) for text in changes["links"])
    service = log_kinds.service(kind)
    with stored(db.data_dir, path) as name, db.write() as session:
        if name is not None:
            changes["attachment"] = name
        current = log_kinds.as_input(kind, service.get(session, args.id))
        item = service.update(session, args.id, dataclasses.replace(current, **changes))
        line = summary(kind, item)
    tidy(db.data_dir, kind)
    print(f"Updated {kind} {line}")
    return 0


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
        log_kinds.service(args.kind).delete(session, args.id)
    tidy(db.data_dir, args.kind)
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
