"""The promotion case as a document: a summary, then one section per skill of the stage
(strongest evidence first), the stage's other requirements, and what is still missing."""

from __future__ import annotations

from ..services.career.case_evidence import Evidence
from ..services.career.promotion_case import NOTABLE_GAP, PromotionCase, RequirementCase, SkillCase
from .blocks import Block, Bullets, Document, Heading, Paragraph, Quote


def _months_between(start, end) -> str:
    months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
    years, months = divmod(max(months, 0), 12)
    parts = [f"{years} year{'s' * (years != 1)}"] if years else []
    if months or not parts:
        parts.append(f"{months} month{'s' * (months != 1)}")
    return " ".join(parts)


def _summary(case: PromotionCase) -> list[Block]:
    period = f"from {case.since} to {case.as_of}" if case.since else f"up to {case.as_of}"
    facts = [
        f"Current stage: {case.current_stage or 'not set'}",
        f"Target stage: {case.stage}",
        f"Readiness: {case.readiness:.0f} %",
    ]
    if case.role and case.in_role_since:
        facts.append(
            f"In role: {case.role}, since {case.in_role_since}"
            f" ({_months_between(case.in_role_since, case.as_of)})"
        )
    wins = sum(s.counts[0] for s in case.skills)
    met = sum(s.met for s in case.skills)
    facts.append(f"Skills at the stage's level: {met} of {len(case.skills)}")
    lead = (
        f"Evidence {period}. Each skill the stage asks for lists the wins first, then what "
        "others said, then learning; what is still missing closes each section."
    )
    blocks: list[Block] = [Heading(1, "Summary"), Bullets(tuple(facts)), Paragraph(lead, True)]
    if not wins and not any(s.feedback for s in case.skills):
        blocks.append(Paragraph("No wins or feedback are logged for the period yet.", True))
    return blocks


def _evidence_lines(items: tuple[Evidence, ...]) -> tuple[str, ...]:
    return tuple(
        f"{item.title} ({item.day})" + (f": {item.detail}" if item.detail else "") for item in items
    )


def _standing(skill: SkillCase) -> str:
    own = f"self-rated {skill.self_level}" if skill.self_level else "not self-rated yet"
    text = f"Target level {skill.target}; {own}"
    if skill.others is not None:
        count = skill.others.count
        text += f"; others see {skill.others.average:.1f} ({count} level{'s' * (count != 1)} given)"
        gap = skill.others.average - (skill.self_level or 0)
        if skill.self_level and abs(gap) >= NOTABLE_GAP:
            higher = "higher" if gap > 0 else "lower"
            text += f". Others rate it {higher} than you do"
    return text + "."


def _skill(skill: SkillCase) -> list[Block]:
    blocks: list[Block] = [Heading(2, skill.skill), Paragraph(_standing(skill))]
    if skill.wins:
        blocks += [Heading(3, "Wins"), Bullets(_evidence_lines(skill.wins))]
    for item in skill.feedback:
        blocks.append(Quote(item.title, f"{item.detail}, {item.day}"))  # newest first
    if skill.learning:
        blocks += [Heading(3, "Learning"), Bullets(_evidence_lines(skill.learning))]
    if skill.journal:
        blocks += [Heading(3, "From the journal"), Bullets(_evidence_lines(skill.journal))]
    if not skill.has_evidence:
        blocks.append(Paragraph(f"No evidence yet: log a win that shows {skill.skill}.", True))
    if not skill.met:
        have = skill.self_level or 0
        missing = [f"Raise {skill.skill} from {have} to {skill.target}"]
        blocks += [Heading(3, "Still missing"), Bullets(tuple(missing + list(skill.plan)))]
    return blocks


def _requirement(item: RequirementCase) -> list[Block]:
    state = "met" if item.met else "not met yet"
    blocks: list[Block] = [
        Heading(2, item.label),
        Paragraph(f"{item.have:g} of {item.need:g} {item.unit}: {state}."),
    ]
    if item.wins:
        blocks += [Heading(3, "Wins"), Bullets(_evidence_lines(item.wins))]
    if item.experience:
        blocks += [Heading(3, "Experience"), Bullets(_evidence_lines(item.experience))]
    if item.plan and not item.met:
        blocks += [Heading(3, "Plan"), Bullets(item.plan)]
    return blocks


def build_document(case: PromotionCase) -> Document:
    blocks = _summary(case)
    blocks.append(Heading(1, "Skills"))
    for skill in case.skills:
        blocks += _skill(skill)
    if case.requirements or case.credentials:
        blocks.append(Heading(1, "Experience and certifications"))
    for item in case.requirements:
        blocks += _requirement(item)
    if case.credentials:
        lines = tuple(
            f"{name}: {'held' if held else 'not held yet'}" for name, held in case.credentials
        )
        blocks += [Heading(2, "Certifications"), Bullets(lines)]
    blocks.append(Heading(1, "Still missing"))
    blocks.append(
        Bullets(case.missing) if case.missing else Paragraph("Nothing: every requirement is met.")
    )
    subtitle = f"Toward {case.stage}, as of {case.as_of}"
    return Document(f"Promotion case: {case.stage}", subtitle, tuple(blocks), case.as_of)
