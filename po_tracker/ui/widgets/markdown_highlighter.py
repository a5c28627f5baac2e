"""Markdown shown as it will read while it is written: headings bold,
**bold** bold, *italic* italic, list markers and `code` in the link colour. Only the
look of the text changes, never the text."""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QSyntaxHighlighter, QTextCharFormat

HEADING = re.compile(r"^(#{1,6})\s.*$")
BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
ITALIC = re.compile(r"(?<![*_])([*_])(?![*_\s])(.+?)(?<![*_\s])\1(?![*_])")
LIST_MARKER = re.compile(r"^\s*([-*+]|\d+[.)])\s")
CODE = re.compile(r"`[^`]+`")
LINK = re.compile(r"\[[^\]]+\]\([^)]+\)")


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document, palette):
        super().__init__(document)
        self.set_palette(palette)

    def set_palette(self, palette) -> None:
        """Colours from the palette, so light and dark both read well."""
        accent = palette.link().color()
        self.bold = QTextCharFormat()
        self.bold.setFontWeight(QFont.Weight.Bold)
        self.italic = QTextCharFormat()
        self.italic.setFontItalic(True)
        self.marker = QTextCharFormat()
        self.marker.setForeground(accent)
        self.marker.setFontWeight(QFont.Weight.Bold)
        self.code = QTextCharFormat()
        self.code.setForeground(accent)
        self.link = QTextCharFormat()
        self.link.setForeground(accent)
        self.link.setFontUnderline(True)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        heading = HEADING.match(text)
        if heading:
            self.setFormat(0, len(text), self.bold)
            return
        marker = LIST_MARKER.match(text)
        if marker:
            self.setFormat(marker.start(1), len(marker.group(1)), self.marker)
        for pattern, style in (
            (ITALIC, self.italic),
            (BOLD, self.bold),
            (CODE, self.code),
            (LINK, self.link),
        ):
            for found in pattern.finditer(text):
                self.setFormat(found.start(), found.end() - found.start(), style)
