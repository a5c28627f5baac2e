"""The benchmark logbook's wins and feedback (see ``generate``): a win every few weeks
with a metric now and then, and feedback from the people met, most with a level."""

from __future__ import annotations

from po_tracker.models import Feedback, FeedbackSkill, Win, WinRequirement, win_contacts, win_skills
from po_tracker.vocabulary import FEEDBACK_ROLES, STAGE_REQUIREMENTS

from .generate import NOUNS, VERBS, _Generator, _sentence, _stamp


def wins(gen: _Generator) -> None:
    rng = gen.rng("win")
    people = gen.counts["contact"]
    rows, skills, requirements, involved = [], [], [], []
    for index, day in enumerate(gen.days(rng, gen.counts["win"]), 1):
        metric = rng.random() < 0.5
        before = float(rng.randint(5, 90))
        rows.append({
            "id": index, "title": f"{rng.choice(VERBS).title()} the {rng.choice(NOUNS)} {index}",
            "win_date": day, "description": _sentence(rng), "impact": _sentence(rng),
            "metric_name": f"{rng.choice(NOUNS)} time" if metric else "",
            "metric_before": before if metric else None,
            "metric_after": round(before * rng.uniform(0.3, 0.9), 1) if metric else None,
            "metric_unit": "days" if metric else "", "attachment": None, "notes": "",
            **_stamp(day, index),
        })  # fmt: skip
        skills += [{"win_id": index, "skill_id": s} for s in rng.sample(gen.skills, 2)]
        if rng.random() < 0.3:
            requirements.append({"win_id": index, "requirement": rng.choice(STAGE_REQUIREMENTS)})
        if people:
            involved.append({"win_id": index, "contact_id": rng.randint(1, people)})
    gen.put(Win, rows)
    gen.put(win_skills, skills)
    gen.put(WinRequirement, requirements)
    gen.put(win_contacts, involved)


def feedback(gen: _Generator) -> None:
    rng = gen.rng("feedback")
    people = gen.counts["contact"]
    rows, skills = [], []
    for index, day in enumerate(gen.days(rng, gen.counts["feedback"]), 1):
        rows.append({
            "id": index, "quote": _sentence(rng),
            "contact_id": rng.randint(1, people) if people else None,
            "giver_role": rng.choice(FEEDBACK_ROLES), "given_on": day, "notes": "",
            **_stamp(day, index),
        })  # fmt: skip
        for skill in rng.sample(gen.skills, rng.randint(1, 2)):
            level = rng.randint(2, 5) if rng.random() < 0.7 else None
            skills.append({"feedback_id": index, "skill_id": skill, "level": level})
    gen.put(Feedback, rows)
    gen.put(FeedbackSkill, skills)
