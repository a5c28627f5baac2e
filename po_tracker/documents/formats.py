"""Writing a document to the file the user named, in the format its extension says:
``.md`` Markdown, ``.pdf`` PDF (A4 or Letter), ``.docx`` Word. The target goes through
the same gate as every export (``files.check_target``) before any work, and is written
atomically: a refusal or a failure leaves nothing behind."""

from __future__ import annotations

import os
from pathlib import Path

from ..files import check_target, write_atomic
from .blocks import Document

FORMATS = {".md": "Markdown", ".pdf": "PDF", ".docx": "Word"}


def format_of(path: str | os.PathLike, allowed: tuple[str, ...] = tuple(FORMATS)) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        names = ", ".join(f"{s} ({FORMATS[s]})" for s in allowed)
        raise ValueError(f"cannot write {suffix or 'a file without extension'!r}: use {names}")
    return suffix


def check(path: str | os.PathLike, *, force: bool, allowed=tuple(FORMATS)) -> Path:
    """The target, checked before the document is built: a wrong extension or a file
    that is there already (without ``force``) is refused at once."""
    format_of(path, allowed)
    return check_target(path, force=force)


def prepare(path: str | os.PathLike, paper: str = "a4"):
    """For a PDF, its writer set up in the background while the caller collects the
    document (pass the result to ``write``); for other formats, nothing to do."""
    if format_of(path) != ".pdf":
        return None
    from .pdf_ahead import Prepared

    return Prepared(paper)


def write(
    document: Document, path: str | os.PathLike, *, force: bool, paper: str = "a4", prepared=None
):
    suffix = format_of(path)
    if suffix == ".md":
        from .markdown import render

        data = render(document).encode("utf-8")
    elif suffix == ".pdf":
        from .pdf import render as render_pdf

        data = render_pdf(document, paper, prepared.writer() if prepared else None)
    else:
        from .word import render as render_word

        data = render_word(document)
    write_atomic(check_target(path, force=force), data, force=force)
    return Path(path)
