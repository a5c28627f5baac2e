"""Chart data about where the user stands: the skills radar, skill trends, readiness over
time, the career map and the one-page report. The numbers come from the same services
as the rest of the app (readiness_history, status; the radar's plain SQL in
chart_data_radar is held to skill_standing by the tests), so a chart never disagrees
with the Skills page or ``po-tracker status``."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...charts.data import (
    CareerMapData,
    CredentialLine,
    RadarData,
    ReadinessHistoryData,
    ReportData,
    StageNode,
    TrendData,
)
from ...db import connection_of
from ...models import Skill, SkillRating
from ..career.readiness import target_stage_id
from ..career.readiness_facts import load_requirements, skill_levels
from ..errors import ValidationError
from ..logbook import profile
from .chart_data_radar import read_radar

REPORT_ACTIONS = 7


def component_label(name: str) -> str:
    return name[:1].upper() + name[1:]


# -- radar --------------------------------------------------------------------------------
def radar_data(session: Session, as_of: date, earlier: date | None = None) -> RadarData:
    """The radar's data (``chart_data_radar.read_radar``) through the session."""
    return read_radar(connection_of(session), as_of, earlier)


# -- skill trends -------------------------------------------------------------------------
def _skill_ids(session: Session, skills) -> dict[int, str]:
    """Active skills as id -> name, in framework order; ``skills`` (names or slugs)
    narrows them, and an unknown one is an error rather than a silently empty chart."""
    rows = session.execute(
        select(Skill.id, Skill.name, Skill.slug)
        .where(Skill.retired.is_(False))
        .order_by(Skill.position, Skill.id)
    ).all()
    if skills is None:
        return {sid: name for sid, name, _ in rows}
    wanted = {s.lower() for s in skills}
    found = {sid: name for sid, name, slug in rows if name.lower() in wanted or slug in wanted}
    known = {name.lower() for name in found.values()} | {s for _, _, s in rows if s in wanted}
    missing = sorted(s for s in skills if s.lower() not in known)
    if missing:
        raise ValidationError.single("skills", f"unknown skill {missing[0]!r}")
    return found


def trends_data(
    session: Session,
    skills=None,
    since: date | None = None,
    until: date | None = None,
) -> TrendData:
    """Each skill's level over time: the last rating of each day (several on one day:
    the one entered last, as everywhere else). With ``since``, each line starts with the
    level the skill had on that day, so a range does not begin with empty lines."""
    names = _skill_ids(session, skills)
    day_rank = (
        func.row_number()
        .over(
            partition_by=(SkillRating.skill_id, SkillRating.rated_on),
            order_by=SkillRating.id.desc(),
        )
        .label("rank")
    )
    query = select(SkillRating.skill_id, SkillRating.rated_on, SkillRating.level, day_rank)
    if since is not None:
        query = query.where(SkillRating.rated_on > since)
    if until is not None:
        query = query.where(SkillRating.rated_on <= until)
    ranked = query.subquery()
    rows = session.execute(
        select(ranked.c.skill_id, ranked.c.rated_on, ranked.c.level)
        .where(ranked.c.rank == 1)
        .order_by(ranked.c.skill_id, ranked.c.rated_on)
    )
    series: dict[int, list] = {sid: [] for sid in names}
    if since is not None:
        for sid, level in skill_levels(session, since).items():
            if sid in series:
                series[sid].append((since, float(level)))
    for sid, day, level in rows:
        if sid in series:
            series[sid].append((day, float(level)))
    stage_id = target_stage_id(session)
    targets = load_requirements(session, stage_id).skills if stage_id is not None else ()
    return TrendData(
        series={names[sid]: tuple(points) for sid, points in series.items() if points},
        selected=tuple(names.values()) if skills is not None else None,
        targets={t.name: t.level for t in targets if t.skill_id in names},
        stage_name=profile.get(session).target_stage,
    )


# -- readiness ----------------------------------------------------------------------------
def _effective_weights(result) -> dict[str, float]:
    """Each component's share of the overall score in percent (``result``: readiness
    on the history's last day): the user's weights over the components the target stage
    scores (one it asks nothing of counts for nothing), so the stacked shares add up to
    the overall line."""
    scored = [c for c in result.components if c.scored] if result else []
    total = sum(c.weight for c in scored)
    share = {c.name: (c.weight / total * 100 if total > 0 else 100 / len(scored)) for c in scored}
    return {
        component_label(c.name): round(share.get(c.name, 0.0), 1)
        for c in (result.components if result else ())
    }


def readiness_data(
    session: Session, as_of: date, since: date | None = None, stacked: bool = False
) -> ReadinessHistoryData:
    from ..career.readiness_timeline import history

    found = history(session, as_of, since=since)
    points = found.points
    names = list(points[0].components) if points else []
    return ReadinessHistoryData(
        months=tuple(p.on.replace(day=1) for p in points),
        overall=tuple(round(p.overall, 1) for p in points),
        components={
            component_label(n): tuple(round(p.components[n], 1) for p in points) for n in names
        },
        target_stage=found.stage,
        weights=_effective_weights(found.latest) if points else None,
        stacked=stacked,
    )


# -- career map ---------------------------------------------------------------------------
def career_map_data(session: Session, as_of: date) -> CareerMapData:
    from ..career.stage_graph import stage_graph

    graph = stage_graph(session, as_of)
    return CareerMapData(
        stages=tuple(StageNode(s.slug, s.name, s.path) for s in graph.stages),
        moves=graph.moves,
        current=graph.current,
        target=graph.target,
        route=graph.route if graph.reachable else (),
    )


# -- report -------------------------------------------------------------------------------
def _credential_lines(report) -> tuple[CredentialLine, ...]:
    """One line per renewal (a Scrum Alliance group once, naming its certifications),
    then the credentials no renewal covers: lifetime ones, and those expired for good."""
    lines, covered = [], set()
    for due in report.renewals:
        covered.update(due.credentials)
        name = f"{due.name} ({', '.join(due.credentials)})" if due.group else due.name
        lines.append(
            CredentialLine(
                name=name,
                status=due.status,
                expires=due.due,
                credits_earned=due.credits_earned,
                credits_needed=due.credits_needed,
                credit_unit=due.credit_unit,
                fee=due.fee,
            )
        )
    for c in report.credentials:
        if c.name not in covered:
            # Credits toward a renewal that can no longer happen would only confuse.
            lines.append(CredentialLine(name=c.name, status=c.status, expires=c.expires))
    return tuple(lines)


def report_data(session: Session, as_of: date) -> ReportData:
    from ..career.status import build

    report = build(session, as_of)
    result = report.readiness
    components = result.components if result else ()
    return ReportData(
        as_of=as_of,
        radar=radar_data(session, as_of),
        overall=None if result is None else round(result.overall, 1),
        components={component_label(c.name): round(c.percent, 1) for c in components},
        current_stage=report.current_stage,
        target_stage=report.target_stage,
        credentials=_credential_lines(report),
        next_actions=tuple(report.next_actions[:REPORT_ACTIONS]),
    )
