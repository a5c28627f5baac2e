"""Reading an interchange file from disk, refusing anything unsafe before it is parsed.

Each refusal is a ``ValidationError`` in plain words; nothing here touches the database.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import FieldError, ValidationError
from .interchange_schema import MAX_ERRORS, entry_errors, head_errors
from .interchange_staging import Document

FORMAT = "po-tracker-export"
# 2 added renewal fees and renewal history to certifications (and framework version 2);
# a version 1 file still imports: its certifications have no fee and no history.
# 3 added wins and feedback; a version 1 or 2 file still imports, with none of either.
# 4 added a mentoring event's direction. 5 added a training's attachment (a version 4
# reader refuses a field it does not know); earlier files import with none.
VERSION = 5
READS = (1, 2, 3, 4, 5)
# The deepest legal path is document > framework > stages > [i] > requirements >
# required_certifications > [group] > [slug]: 7 containers. One to spare.
MAX_DEPTH = 8


def read_document(path: str | Path) -> Document:
    """The document in ``path``, read as a stream (any size, in bounded memory: see
    ``json_stream``), checked as it is read: a regular file, UTF-8, JSON syntax, the
    size of each value and its nesting, each entry against the schema; then its format
    and version. The rest is checked by ``validate_import``."""
    return stage(lambda check: Document.from_file(path, max_depth=MAX_DEPTH, check=check))


def stage(read) -> Document:
    """The document ``read(check)`` stages, each entry checked against the schema as it
    comes; a file with enough wrong entries is not read to its end. The format and
    version are checked first, so that another kind of file says what it is."""
    errors: list[FieldError] = []
    heads: list = []

    def check(head, key: str, position: int, entry) -> None:
        if entry_errors(key, position, entry, errors):
            heads.append(head)
            raise _Enough

    try:
        document = read(check)
    except _Enough:
        if "format" in heads[0]:
            check_header(heads[0])
        raise ValidationError(errors) from None
    check_header(document.head)
    errors[:0] = head_errors(document.head)
    if errors:
        raise ValidationError(errors[:MAX_ERRORS])
    return document


class _Enough(Exception):
    """Enough wrong entries to stop reading."""


def check_header(document) -> dict:
    """What the file is and which version wrote it, before anything else: a newer file
    must say so rather than fail on some field this version does not know."""
    if not isinstance(document, dict):
        raise ValidationError.single("document", "must be a JSON object")
    kind = document.get("format")
    if kind == "po-tracker-framework":
        raise ValidationError.single(
            "format", "this is a framework file; import it as a framework instead"
        )
    if kind != FORMAT:
        raise ValidationError.single(
            "format", f"is not a PO Tracker export (format {kind!r}, expected {FORMAT!r})"
        )
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise ValidationError.single(
            "version",
            f"{version} was written by a newer version of PO Tracker; this version reads"
            f" version {VERSION}. Update PO Tracker to import it.",
        )
    if version not in READS or isinstance(version, bool):
        raise ValidationError.single(
            "version", f"must be one of {', '.join(map(str, READS))} (got {version!r})"
        )
    return document
