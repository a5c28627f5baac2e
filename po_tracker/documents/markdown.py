"""A document as Markdown (CommonMark): pastes into a wiki, an e-mail or a review tool."""

from __future__ import annotations

import re

from .blocks import Bullets, Document, Heading, Paragraph, Quote

# Characters that would start Markdown syntax inside the user's own text.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _lines(text: str) -> str:
    """Several lines of the user's text kept as lines (a hard break at each)."""
    return "  \n".join(escape(line) for line in text.strip().splitlines())


def render(document: Document) -> str:
    out = [f"# {escape(document.title)}", "", f"*{escape(document.subtitle)}*", ""]
    for block in document.blocks:
        if isinstance(block, Heading):
            if block.level >= 3:  # a label within a section
                out += [f"**{escape(block.text)}**", ""]
            else:
                out += [f"{'#' * (block.level + 1)} {escape(block.text)}", ""]
        elif isinstance(block, Paragraph):
            text = _lines(block.text)
            out += [f"*{text}*" if block.muted else text, ""]
        elif isinstance(block, Bullets):
            out += [f"- {_lines(item)}" for item in block.items] + [""]
        elif isinstance(block, Quote):
            quoted = "\n".join(f"> {line}" for line in _lines(block.text).split("\n"))
            out += [quoted, f"> — {escape(block.source)}", ""]
    return "\n".join(out).rstrip() + "\n"
