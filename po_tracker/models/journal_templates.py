"""What the journal offers to write from: templates (a named Markdown body) and the
user's own prompts (a one-line question). Either may be tied to a skill; the skills'
own prompts live on ``Skill.prompt`` and are not copied here."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Timestamped


class JournalTemplate(Timestamped, Base):
    __tablename__ = "journal_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    body: Mapped[str] = mapped_column(Text, default="")
    # A skill removed from the framework unties the template instead of deleting it.
    skill_id: Mapped[int | None] = mapped_column(ForeignKey("skills.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_journal_templates_skill_id", "skill_id"),)


class JournalPrompt(Timestamped, Base):
    __tablename__ = "journal_prompts"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(300), unique=True)
    skill_id: Mapped[int | None] = mapped_column(ForeignKey("skills.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_journal_prompts_skill_id", "skill_id"),)
