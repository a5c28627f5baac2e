"""A one-page progress report (A4 portrait) for a review meeting: readiness and its
components, the skills radar, renewal status of credentials and the next actions.

Save it with ``export.save_figure(build_report(data), "report.pdf")``.
"""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure

from . import radar, radar_place
from ._common import PlacedFigure, fmt_date, header, themed, wrap
from .data import CredentialLine, ReportData
from .text_extent import TextMeasure
from .theme import FONT_LABEL, FONT_NOTE, FONT_SUBTITLE, FONT_TICK, LIGHT, Theme

A4_PORTRAIT = (8.27, 11.69)  # inches
STATUS_TEXT = {
    "lifetime": "lifetime",
    "active": "active",
    "due-90": "renew within 90 days",
    "due-30": "renew within 30 days",
    "due-7": "renew within 7 days",
    "grace": "in grace period",
    "expired": "expired",
}


def _status_colour(status: str, theme: Theme) -> str:
    if status in ("lifetime", "active"):
        return theme.good
    return theme.warn if status in ("due-90", "due-30") else theme.bad


def _readiness(ax_big, ax_bars, data: ReportData, theme: Theme) -> None:
    ax_big.axis("off")
    if data.overall is None:
        ax_big.text(0, 0.6, "No target stage", fontsize=FONT_SUBTITLE, va="center")
        ax_big.text(0, 0.35, "Pick one on the Career path page.", fontsize=FONT_NOTE)
    else:
        ax_big.text(
            0,
            0.6,
            f"{data.overall:.0f} %",
            fontsize=40,
            fontweight="bold",
            color=theme.current,
            va="center",
        )
        ax_big.text(
            0, 0.25, wrap(f"ready for {data.target_stage}", 22), fontsize=FONT_TICK, va="center"
        )
    names = list(data.components)[::-1]
    values = [data.components[n] for n in names]
    ax_bars.barh(names, [100] * len(names), color=theme.panel, height=0.6)
    ax_bars.barh(names, values, color=theme.current, height=0.6)
    for y, v in enumerate(values):
        ax_bars.text(min(v, 100) + 1.5, y, f"{v:.0f} %", va="center", fontsize=FONT_NOTE)
    ax_bars.set_xlim(0, 112)
    ax_bars.set_xticks([])
    ax_bars.tick_params(length=0)
    for spine in ax_bars.spines.values():
        spine.set_visible(False)
    ax_bars.set_title("Readiness by component", loc="left", fontsize=FONT_LABEL)


def _credentials(ax, lines: tuple[CredentialLine, ...], theme: Theme) -> None:
    ax.axis("off")
    ax.set_title("Credentials", loc="left", fontsize=FONT_LABEL, fontweight="bold")
    if not lines:
        ax.text(
            0,
            0.95,
            "None logged yet:\nadd one on the Certifications page",
            va="top",
            fontsize=FONT_NOTE,
        )
        return
    y = 0.97
    for shown, line in enumerate(lines[:8]):
        name = _name_lines(line.name)
        extra = name.count("\n") * NAME_LINE
        has_credits = bool(line.credits_needed) and line.status != "expired"
        needed = 0.125 + extra + (0.055 if has_credits else 0)
        if y - needed < -0.02 and shown:
            # No room for one more without leaving the column: say how many are left.
            ax.text(0.07, y, f"and {len(lines) - shown} more", fontsize=FONT_NOTE, va="top")
            return
        colour = _status_colour(line.status, theme)
        ax.text(0, y, "●", color=colour, fontsize=FONT_TICK, va="top")
        ax.text(0.07, y, name, fontsize=FONT_TICK, fontweight="bold", va="top", linespacing=1.1)
        ax.text(
            0.07,
            y - 0.065 - extra,
            _credential_detail(line),
            fontsize=FONT_NOTE,
            va="top",
            color=theme.muted,
            linespacing=1.2,
        )
        y -= needed


NAME_WIDTH = 28  # characters per line of a name: 28 capital Xs in bold fit the column
NAME_LINE = 0.05  # the height of one more line of a name, in the column's units


def _name_lines(name: str) -> str:
    """A long credential name wrapped to the column, at most two lines."""
    lines = textwrap.wrap(name, NAME_WIDTH) or [name]
    if len(lines) > 2:
        lines = [lines[0], lines[1][: NAME_WIDTH - 1].rstrip() + "…"]
    return "\n".join(lines)


def _credential_detail(line: CredentialLine) -> str:
    detail = STATUS_TEXT.get(line.status, line.status)
    if line.status == "expired" and line.expires:
        detail = f"expired on {fmt_date(line.expires)}"
    elif line.expires:
        gone = line.status == "grace"
        detail += f", {'expired' if gone else 'expires'} {fmt_date(line.expires)}"
    if line.fee and line.status != "lifetime":
        detail += f", fee {line.fee}"
    if line.credits_needed and line.status != "expired":
        detail += (
            f"\n{line.credits_earned or 0:g} of {line.credits_needed:g} "
            f"{line.credit_unit or 'credits'} earned in this cycle"
        )
    return detail


def _actions(ax, actions: tuple[str, ...], theme: Theme) -> None:
    ax.axis("off")
    ax.set_title("Next actions", loc="left", fontsize=FONT_LABEL, fontweight="bold")
    if not actions:
        ax.text(
            0,
            0.95,
            "Nothing left for this stage: pick the next target.",
            va="top",
            fontsize=FONT_NOTE,
        )
        return
    text = "\n".join(
        f"{i}. {wrap(a, 44).replace(chr(10), chr(10) + '    ')}"
        for i, a in enumerate(actions[:7], 1)
    )
    ax.text(0, 0.97, text, va="top", fontsize=FONT_TICK - 1, linespacing=1.45)


def _subtitle(data: ReportData) -> str:
    parts = [data.person] if data.person else []
    if data.current_stage and data.target_stage:
        parts.append(f"{data.current_stage} → {data.target_stage}")
    elif data.target_stage:
        parts.append(f"target: {data.target_stage}")
    parts.append(f"as of {fmt_date(data.as_of)}")
    return " · ".join(parts)


def build_report(data: ReportData, *, theme: Theme = LIGHT, size=None) -> Figure:
    with themed(theme):
        figure = PlacedFigure(figsize=size or A4_PORTRAIT, facecolor=theme.background)
        header(figure, "Progress report", _subtitle(data))
        _readiness(
            figure.add_axes((0.06, 0.74, 0.28, 0.14)),
            figure.add_axes((0.5, 0.74, 0.42, 0.14)),
            data,
            theme,
        )
        polar = figure.add_axes((0.2, 0.4, 0.6, 0.3), projection="polar")
        legend_ax = figure.add_axes((0.06, 0.3, 0.88, 0.02))
        legend_ax.axis("off")
        if data.radar.is_empty:
            polar.set_visible(False)
            legend_ax.text(
                0.5,
                8,
                "Rate your skills on the Skills page to add the radar.",
                ha="center",
                fontsize=FONT_TICK,
            )
        else:
            handles = radar.draw(polar, data.radar, theme, label_width=16, fontsize=FONT_NOTE)
            legend_ax.legend(handles=handles, loc="center", ncol=3, fontsize=FONT_NOTE)
        _credentials(figure.add_axes((0.06, 0.03, 0.4, 0.24)), data.credentials, theme)
        _actions(figure.add_axes((0.52, 0.03, 0.42, 0.24)), data.next_actions, theme)
        figure.text(
            0.94, 0.015, "PO Tracker", ha="right", fontsize=FONT_NOTE - 2, color=theme.muted
        )

        def place(fig: Figure, renderer) -> None:
            if polar.get_visible():
                radar_place.fit_polar(polar, (0.04, 0.33, 0.96, 0.71), TextMeasure(renderer))

        figure.set_place(place)
        return figure
