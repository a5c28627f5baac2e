"""Small facts about the data itself (e.g. that the default framework was seeded).
Preferences of the window live in QSettings instead; this table holds only what the
user's data depends on."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
