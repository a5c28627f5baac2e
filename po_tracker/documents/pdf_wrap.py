"""Breaking text into lines that fit a width, measured in the font the line is set in.

fpdf2's own wrapping (``multi_cell``) measures a line again for every character added
to it, which took four of the five seconds a 22-page case spent in the PDF writer; here
each distinct word is measured once and lines are filled greedily, as a word processor
does. A word wider than the whole line (a long link, a name without spaces) is broken
between characters rather than left to run off the page."""

from __future__ import annotations

from collections.abc import Callable

Measure = Callable[[str], float]


def _split_long(word: str, width: float, measure: Measure) -> list[str]:
    """``word`` cut into pieces that each fit ``width``, at least one character each."""
    pieces, piece, used = [], "", 0.0
    for char in word:
        advance = measure(char)
        if piece and used + advance > width:
            pieces.append(piece)
            piece, used = "", 0.0
        piece += char
        used += advance
    return [*pieces, piece] if piece else pieces


def _fill(words: list[str], width: float, measure: Measure) -> list[str]:
    lines: list[str] = []
    line, used, space = "", 0.0, measure(" ")
    for word in words:
        size = measure(word)
        if size > width:
            if line:
                lines.append(line)
            *full, line = _split_long(word, width, measure)
            lines += full
            used = measure(line)
        elif line and used + space + size > width:
            lines.append(line)
            line, used = word, size
        else:
            line, used = (f"{line} {word}", used + space + size) if line else (word, size)
    return [*lines, line]


def wrap(text: str, width: float, measure: Measure) -> list[str]:
    """The lines of ``text`` no wider than ``width``: each line of the text starts a new
    one, runs of spaces count as one, and an empty line stays an empty line."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines += _fill(paragraph.split(), width, measure)
    return lines
