"""Where the user stands, in one report: stages, readiness with its components, gaps and
ranked next actions, the route to the target, and every held credential's renewal
status. ``to_dict`` is what ``po-tracker status --json`` prints; ``format_text`` is the
short version for a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from ..logbook import profile as profile_service
from ..wording import days_phrase
from .readiness import Readiness, readiness
from .readiness_facts import LogFacts, gather_facts
from .renewal import CredentialStatus, evaluate_with_pools
from .renewal_due import RenewalDue, renewals_from
from .route import Route, route

SET_TARGET_ACTION = "Set a target stage: po-tracker stage --target STAGE"
TOP_ACTIONS = 5
STATUS_WORDS = {
    "lifetime": "lifetime",
    "active": "active",
    "due-90": "due within 90 days",
    "due-30": "due within 30 days",
    "due-7": "due within 7 days",
    "grace": "in grace period",
    "expired": "expired",
}


@dataclass(frozen=True)
class StatusReport:
    as_of: date
    current_stage: str | None
    target_stage: str | None
    readiness: Readiness | None  # None when no target stage is set
    route: Route
    credentials: tuple[CredentialStatus, ...]
    renewals: tuple[RenewalDue, ...] = ()  # one per renewal: a pooled group said once
    # What the readiness was scored from (None without a target): the Career page scores
    # every stage from the same facts, without gathering them again.
    facts: LogFacts | None = None

    @property
    def next_actions(self) -> tuple[str, ...]:
        if self.readiness is None:
            return (SET_TARGET_ACTION,)
        return self.readiness.next_actions

    @property
    def reminders(self) -> tuple[str, ...]:
        """Renewals that need attention: due soon, in grace, or expired but renewable."""
        return tuple(item.line for item in self.renewals if item.status != "active")

    def to_dict(self) -> dict:
        result = self.readiness
        return {
            "as_of": self.as_of.isoformat(),
            "current_stage": self.current_stage,
            "target_stage": self.target_stage,
            "readiness": None if result is None else round(result.overall, 1),
            "components": [
                {
                    "name": c.name,
                    "percent": round(c.percent, 1),
                    "weight": c.weight,
                    "scored": c.scored,
                }
                for c in (result.components if result else ())
            ],  # fmt: skip
            "gaps": [
                {
                    "kind": g.kind,
                    "name": g.name,
                    "have": g.have,
                    "need": g.need,
                    "unit": g.unit,
                    "gain": round(g.gain, 2),
                }
                for g in (result.gaps if result else ())
            ],  # fmt: skip
            "next_actions": list(self.next_actions),
            "recommended": [
                {"name": r.name, "held": r.held} for r in (result.recommended if result else ())
            ],
            "route": list(self.route.stage_names),
            "route_readiness": [round(step.readiness, 1) for step in self.route.steps],
            "route_reachable": self.route.reachable,
            "reachable_from": list(self.route.reachable_from),
            "credentials": [_credential_dict(item) for item in self.credentials],
            "renewals": [_renewal_dict(item) for item in self.renewals],
            "reminders": list(self.reminders),
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _credential_dict(item: CredentialStatus) -> dict:
    return {
        "name": item.name,
        "status": item.status,
        "earned": _iso(item.earned),
        "expires": _iso(item.expires),
        "cycle_start": _iso(item.cycle_start),
        "credits_earned": item.credits_earned,
        "credits_needed": item.credits_needed,
        "credit_unit": item.credit_unit,
        "days_left": item.days_left,
        "renewed_by": item.renewed_by,
        "renewal_group": item.renewal_group,
        "renewal_fee": item.renewal_fee,
        "renewable_until": _iso(item.renewable_until),
    }


def _renewal_dict(item: RenewalDue) -> dict:
    return {
        "name": item.name,
        "renewal_group": item.group,
        "credentials": list(item.credentials),
        "status": item.status,
        "due": _iso(item.due),
        "days_left": item.days_left,
        "cycle_start": _iso(item.cycle_start),
        "credits_earned": item.credits_earned,
        "credits_needed": item.credits_needed,
        "credit_unit": item.credit_unit,
        "renewal_fee": item.fee,
        "renewable_until": _iso(item.renewable_until),
        "line": item.line,
    }


def build(session: Session, as_of: date) -> StatusReport:
    """Everything as of ``as_of``; works on a brand-new logbook too."""
    standing = profile_service.get(session)
    credentials, _, pooled = evaluate_with_pools(session, as_of)
    # One set of facts for the readiness and the route, and the credentials' statuses
    # reused for what is held: each would otherwise read every certification again.
    # Without a target neither needs any.
    facts = gather_facts(session, as_of, credentials=credentials) if standing.target_stage else None
    return StatusReport(
        as_of=as_of,
        current_stage=standing.current_stage,
        target_stage=standing.target_stage,
        readiness=readiness(session, as_of, facts),
        route=route(session, as_of, facts),
        credentials=tuple(credentials),
        renewals=tuple(renewals_from(credentials, pooled, as_of)),
        facts=facts,
    )


def _num(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def renewal_reminder(item: CredentialStatus) -> str:
    """One line for a credential that needs attention: due soon, in grace, or expired."""
    if item.status == "expired" and item.renewable_until:
        return (
            f"{item.name} expired on {item.expires}: renew within the suspension year"
            f" (by {item.renewable_until})"
        )
    if item.status == "expired":
        return f"{item.name} expired on {item.expires}: it can no longer be renewed"
    when = (
        f"expires {item.expires} ({days_phrase(item.days_left)})"
        if item.days_left is not None and item.days_left >= 0
        else f"expired {item.expires}, still in its grace period"
    )
    credits = ""
    if item.credits_needed:
        unit = item.credit_unit or "credits"
        missing = max(item.credits_needed - (item.credits_earned or 0), 0)
        credits = f": {_num(item.credits_earned or 0)} of {_num(item.credits_needed)} {unit}"
        credits += f", {_num(missing)} to go" if missing else ", enough to renew"
    return f"{item.name} {when}{credits}"


def _credential_line(item: CredentialStatus) -> str:
    parts = [f"  {item.name}: {STATUS_WORDS.get(item.status, item.status)}"]
    if item.expires:
        parts.append(f"{'since' if item.status == 'expired' else 'expires'} {item.expires}")
    if item.renewed_by:
        parts.append(f"renewed with {item.renewed_by}")
    # Credits toward a renewal that can no longer happen would only confuse.
    if item.credits_needed and item.status != "expired":
        unit = item.credit_unit or "credits"
        earned = _num(item.credits_earned or 0)
        parts.append(f"{earned}/{_num(item.credits_needed)} {unit}")
    return ", ".join(parts)


def format_text(report: StatusReport) -> str:
    lines = [
        f"As of {report.as_of}",
        f"Current stage: {report.current_stage or 'not set'}",
        f"Target stage:  {report.target_stage or 'not set'}",
    ]
    result = report.readiness
    if result is not None:
        parts = ", ".join(
            f"{c.name} {c.percent:.0f}%" + ("" if c.scored else " (no requirement)")
            for c in result.components
        )
        lines.append(f"Readiness: {result.overall:.1f}% ({parts})")
    lines.extend(_route_lines(report.route))
    actions = report.next_actions[:TOP_ACTIONS]
    if actions:
        lines.append("Next actions:")
        lines.extend(f"  {index}. {action}" for index, action in enumerate(actions, 1))
    elif result is not None:
        lines.append("Next actions: none, every requirement is met.")
    if report.credentials:
        lines.append("Credentials:")
        lines.extend(_credential_line(item) for item in report.credentials)
    if report.renewals:
        lines.append("Renewals:")
        lines.extend(f"  {item.line}" for item in report.renewals)
    return "\n".join(lines)


def _route_lines(found: Route) -> list[str]:
    if found.target is None:
        return []
    if found.reachable:
        steps = " -> ".join(f"{s.stage} ({s.readiness:.0f}%)" for s in found.steps)
        return [f"Route: {steps}"]
    origins = ", ".join(found.reachable_from) or "no stage"
    return [f"Route: {found.target} cannot be reached from {found.current}; reachable from: "
            f"{origins}"]  # fmt: skip
