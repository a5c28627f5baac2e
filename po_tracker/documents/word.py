"""A document as a Word file (.docx, through python-docx): real headings, list bullets
and quote paragraphs in the default template's styles, so it can be edited or pasted
into a company's own template and keep its structure."""

from __future__ import annotations

import io

from .blocks import Bullets, Document, Heading, Paragraph, Quote


def render(document: Document) -> bytes:
    # Imported here: python-docx (and lxml) load only when a Word file is written.
    from docx import Document as WordDocument
    from docx.shared import Pt, RGBColor

    word = WordDocument()
    word.core_properties.title = document.title
    word.core_properties.author = ""
    word.core_properties.comments = "Written by PO Tracker"
    word.add_heading(document.title, level=0)
    subtitle = word.add_paragraph(document.subtitle)
    subtitle.runs[0].italic = True
    for block in document.blocks:
        if isinstance(block, Heading):
            word.add_heading(block.text, level=min(block.level, 3))
        elif isinstance(block, Paragraph):
            paragraph = word.add_paragraph(block.text)
            if block.muted:
                paragraph.runs[0].italic = True
                paragraph.runs[0].font.color.rgb = RGBColor(0x59, 0x63, 0x6E)
        elif isinstance(block, Bullets):
            for item in block.items:
                word.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Quote):
            word.add_paragraph(f"“{block.text}”", style="Quote")
            source = word.add_paragraph(f"— {block.source}")
            source.runs[0].font.size = Pt(9)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
