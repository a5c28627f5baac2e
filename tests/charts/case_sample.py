"""A fixed promotion case, built by hand (no logbook), for the PDF page baseline."""

from __future__ import annotations

from datetime import date

from po_tracker.documents import case_document
from po_tracker.services.career.case_evidence import Evidence, OthersView
from po_tracker.services.career.promotion_case import PromotionCase, RequirementCase, SkillCase

DAY = date(2025, 6, 30)


def document():
    return case_document.build_document(case())


def case() -> PromotionCase:
    win = Evidence(
        "win", 1, date(2025, 3, 1), "Led the payouts migration",
        "Lead time: 12 → 5 days. No downtime, and the squad kept its sprint goals.",
    )  # fmt: skip
    quote = Evidence(
        "feedback", 1, date(2025, 4, 2), "Owns the room in planning; Sales now asks for her.",
        "Dana Reyes, manager, saw level 4",
    )  # fmt: skip
    course = Evidence("training", 1, date(2025, 2, 1), "Leading without authority", "6 h")
    leadership = SkillCase(
        "Leadership", 3, 2, OthersView(4.0, 2), (win,), (quote,), (course,), (1, 1, 1),
        ("Lead the guild session (by 2025-09-30)",),
    )  # fmt: skip
    communication = SkillCase("Communication", 4, 4, None, (), (), (), (0, 0, 0), ())
    mentored = RequirementCase("people_mentored", "People mentored", 1, 2, "people", (win,), ())
    return PromotionCase(
        "Senior Product Owner", "Product Owner", DAY, date(2024, 7, 1), 72.0,
        "Product Owner, Payouts", date(2023, 9, 1), (leadership, communication), (mentored,),
        (("CSPO or PSPO I", True),), ("Raise Leadership from 2 to 3", "Mentor 1 more person"),
    )  # fmt: skip
