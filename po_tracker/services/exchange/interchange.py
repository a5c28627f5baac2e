"""The JSON interchange format: everything the user logged and their framework, in one
versioned document (``resources/schema/export.schema.json``, ``docs/interchange.md``).

    document = export_document(session)              # then json.dump it
    document = read_document(path)                   # streamed: encoding, JSON, schema
    plan = import_document(session, document, dry_run=True)
    print(plan.summary())

Import checks the whole document before it writes anything (its entries wait in a
private temporary database, ``interchange_staging``, so a file of any size costs bounded
memory), then writes all of it in the caller's transaction; the caller commits, or rolls
back on any error. Entries the logbook already holds are skipped, so importing a file
twice adds nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from ..framework import document as framework_io
from ..logbook.log_room import check_room
from .interchange_check import Cleaned, check_refs, clean_lists, clean_profile, collecting
from .interchange_entries import Context
from .interchange_export import SPECS, export_entries, export_profile, framework_slugs
from .interchange_export import export_document as export_document
from .interchange_match import Matches, match
from .interchange_read import FORMAT, VERSION, stage
from .interchange_read import read_document as read_document
from .interchange_staging import Document
from .interchange_write import apply

__all__ = [
    "FORMAT",
    "VERSION",
    "ImportPlan",
    "export_document",
    "import_document",
    "read_document",
    "validate_import",
]

FRAMEWORK_LISTS = ("skills", "credentials", "stages")


@dataclass(frozen=True)
class ImportPlan:
    """What an import adds (or would add, before it is applied), per list of the document."""

    added: dict[str, int]
    skipped: dict[str, int]
    # Framework items the document brings in, and stored ones it lacks (those are
    # retired when entries use them, removed otherwise); None: the document has none.
    framework_new: dict[str, int] | None
    framework_dropped: dict[str, int] | None
    profile: bool
    applied: bool = False
    _work: Cleaned | None = field(default=None, repr=False, compare=False)

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_skipped(self) -> int:
        return sum(self.skipped.values())

    def summary(self) -> str:
        verb = "Added" if self.applied else "Would add"
        lines = [f"{verb} {self.total_added} entries{_counts(self.added)}."]
        if self.total_skipped:
            lines.append(
                f"Skipped {self.total_skipped} entries already in the logbook"
                f"{_counts(self.skipped)}."
            )
        if self.framework_new is None:
            lines.append("Framework: kept as it is (the file has none).")
        else:
            lines.append(
                f"Framework: replaced by the file's; new{_counts(self.framework_new, True)},"
                f" no longer in it{_counts(self.framework_dropped, True)}"
                " (retired if entries use them, else removed)."
            )
        if self.profile:
            lines.append("Profile: stages and readiness weights set from the file.")
        return "\n".join(lines)


def _counts(counts: dict[str, int], always: bool = False) -> str:
    parts = [f"{n} {name}" for name, n in counts.items() if n]
    if not parts:
        return ": none" if always else ""
    return ": " + ", ".join(parts)


def validate_import(session: Session, document) -> ImportPlan:
    """Check the whole document (a dict, or a file's ``read_document``) and work out what
    importing it would add; writes nothing. Raises ``ValidationError`` naming each
    problem (up to 20)."""
    if not isinstance(document, Document):
        document = stage(lambda check: Document.from_dict(document, check))
    framework = document.head.get("framework")
    if framework is not None:
        framework_io.validate_document(framework)
    context = Context(_slugs(session, framework), {})
    weights = export_profile(session)["weights"]
    with collecting() as errors:
        context.refs = check_refs(document, errors)
        profile = clean_profile(document.head.get("profile"), context, weights, errors)
        clean_lists(document, context, errors)
    cleaned = Cleaned(framework, profile, document)
    matches = match(session, document, export_entries(session))
    for spec in SPECS:
        check_room(session, spec.model, matches.added[spec.key])
    return _plan(session, cleaned, matches)


def import_document(
    session: Session, document, *, dry_run: bool = False, before_write=None
) -> ImportPlan:
    """Validate, then (unless ``dry_run``) write the document in the caller's
    transaction. Nothing is written when it raises. ``before_write`` runs between the
    two, once the whole file is known to be good (a backup, say)."""
    plan = validate_import(session, document)
    if dry_run:
        return plan
    if before_write is not None:
        before_write()
    apply(session, plan._work)
    session.flush()
    return replace(plan, applied=True, _work=None)


def _slugs(session: Session, framework: dict | None) -> dict[str, set[str]]:
    if framework is None:
        return {kind: set(ids.values()) for kind, ids in framework_slugs(session).items()}
    return {kind[:-1]: {item["slug"] for item in framework[kind]} for kind in FRAMEWORK_LISTS}


def _plan(session: Session, cleaned: Cleaned, matches: Matches) -> ImportPlan:
    new = dropped = None
    if cleaned.framework is not None:
        stored = {kind: set(ids.values()) for kind, ids in framework_slugs(session).items()}
        wanted = _slugs(session, cleaned.framework)
        new = {f"{k}s": len(wanted[k] - stored[k]) for k in stored}
        dropped = {f"{k}s": len(stored[k] - wanted[k]) for k in stored}
    return ImportPlan(
        added=matches.added,
        skipped=matches.skipped,
        framework_new=new,
        framework_dropped=dropped,
        profile=cleaned.profile is not None,
        _work=cleaned,
    )
