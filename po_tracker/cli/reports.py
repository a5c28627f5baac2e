"""Commands that read, export and import."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ..files import check_target, write_atomic
from ..services.errors import ValidationError
from ..services.framework import document as framework_io
from ..services.logbook import log_kinds
from ..services.search import full_text as search
from .output import print_json, print_lines, printable, summary
from .parser import LIST_KINDS


def list_entries(args, db) -> int:
    kind = LIST_KINDS.get(args.kind.lower()) or (
        args.kind.lower() if args.kind.lower() in LIST_KINDS.values() else None
    )
    if kind is None:
        raise ValidationError.single(
            "KIND", f"unknown kind {args.kind!r}; valid kinds: " + ", ".join(LIST_KINDS)
        )
    with db.read() as session:
        if kind in ("skill", "stage", "credential"):
            items = framework_io.export_document(session)[kind + "s"]
            items = [item for item in items if not item.get("retired")]
        else:
            items = log_kinds.service(kind).list_all(session)
    if args.json:
        print_json(items)
    elif kind in ("skill", "stage", "credential"):
        for item in items:
            print(printable(f"{item['slug']:<40} {item['name']}"))
    else:
        for item in items:
            print(summary(kind, item))
        if not items:
            print(f"No {args.kind} logged yet.")
    return 0


def search_entries(args, db) -> int:
    with db.read() as session:
        hits = search.search(session, args.query, limit=args.limit)
    if args.json:
        print_json(hits)
        return 0
    for hit in hits:
        print(printable(f"{hit.kind} #{hit.id}  {hit.date}  {hit.title}".rstrip()))
        if hit.snippet and hit.snippet != hit.title:
            print(printable(f"    {hit.snippet}"))
    if not hits:
        print(printable(f"Nothing matches {args.query!r}."))
    return 0


def status(args, db) -> int:
    from ..services.career import status as standing

    with db.read() as session:
        report = standing.build(session, args.as_of or date.today())
    if args.json:
        print_json(report.to_dict())
    else:
        print_lines(standing.format_text(report))
    return 0


def _write_json(path: str, document: dict, force: bool) -> None:
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    write_atomic(Path(path), text.encode("utf-8"), force=force)


def export_json(args, db) -> int:
    from ..services.exchange import interchange

    check_target(args.file, force=args.force)  # before any work: a refusal writes nothing
    with db.read() as session:
        document = interchange.export_document(session)
    _write_json(args.file, document, args.force)
    print(f"Exported everything to {args.file}")
    return 0


def import_json(args, db) -> int:
    from ..services.exchange import interchange

    document = interchange.read_document(Path(args.file))
    if args.dry_run:
        with db.read() as session:
            plan = interchange.import_document(session, document, dry_run=True)
        print("Dry run, nothing changed. " + plan.summary())
        return 0
    from ..services.storage import backup

    # The backup is taken once the whole file has passed, so a bad one costs none.
    with db.write() as session:
        plan = interchange.import_document(
            session, document, before_write=lambda: backup.take_backup(db.path, reason="pre-import")
        )
    print(plan.summary())
    return 0


def framework(args, db) -> int:
    if args.action == "export":
        check_target(args.file, force=args.force)
        with db.read() as session:
            document = framework_io.export_document(session)
        _write_json(args.file, document, args.force)
        print(f"Exported the framework to {args.file}")
        return 0
    document = framework_io.read_document(Path(args.file))
    if args.dry_run:
        framework_io.validate_document(document)
        print(
            f"{args.file} is a valid framework: {len(document['stages'])} stages, "
            f"{len(document['skills'])} skills, {len(document['credentials'])} credentials."
        )
        return 0
    from ..services.storage import backup

    backup.take_backup(db.path, reason="pre-import")
    with db.write() as session:
        framework_io.load_document(session, document)
    print(f"Loaded the framework from {args.file}; no logged entry was removed.")
    return 0
