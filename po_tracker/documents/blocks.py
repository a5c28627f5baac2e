"""The parts a document is made of, whatever the format it is written in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Heading:
    level: int  # 1: a section, 2: a sub-section
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    muted: bool = False  # a note the reader may skip ("No feedback in the period.")


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Quote:
    text: str
    source: str  # who said it, their role, when


Block = Heading | Paragraph | Bullets | Quote


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str
    blocks: tuple[Block, ...]
    # The day the document is as of: a PDF's creation date, so that the same document
    # gives the same file whenever it is written.
    dated: date | None = None

    def plain_text(self) -> str:
        """Every word of the document in reading order (for tests and previews)."""
        lines = [self.title, self.subtitle]
        for block in self.blocks:
            if isinstance(block, Bullets):
                lines.extend(block.items)
            elif isinstance(block, Quote):
                lines.extend((block.text, block.source))
            else:
                lines.append(block.text)
        return "\n".join(lines)
