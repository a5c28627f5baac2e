"""The skills radar's data in plain SQL over a ``sqlite3`` connection.

Plain SQL so that ``po-tracker export chart radar`` reads the logbook without importing
SQLAlchemy and the models (a third of that command's time in a fresh process); the
window reads the same statements through its session (``chart_data_skills.radar_data``).
The rules are the Skills page's (``skill_standing.standings``, ``readiness_facts``): a
skill's level on a day is its latest rating on or before it, the one entered last when a
day has several; retired skills are left out; the target is the target stage's level.
``tests/test_chart_data.py`` holds the two to the same numbers.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from ...charts.data import RadarData
from ..dates import OTHERS_WINDOW, add_months

EARLIER_MONTHS = 6

_LEVEL_ON = """(
    SELECT r.level FROM skill_ratings AS r
    WHERE r.skill_id = s.id AND r.rated_on <= :{day}
    ORDER BY r.rated_on DESC, r.id DESC
    LIMIT 1
)"""
# Others' view, as the Skills page gives it (``skill_standing``, ``others_levels``): the
# mean of the levels given in feedback and in peer and manager ratings in the window.
_OTHERS = """(
    SELECT avg(level) FROM (
        SELECT fs.level AS level FROM feedback_skills AS fs
        JOIN feedback AS f ON f.id = fs.feedback_id
        WHERE fs.skill_id = s.id AND fs.level IS NOT NULL
            AND f.given_on BETWEEN :others_since AND :as_of
        UNION ALL
        SELECT r.level FROM skill_ratings AS r
        WHERE r.skill_id = s.id AND r.source != 'self'
            AND r.rated_on BETWEEN :others_since AND :as_of
    )
)"""
_SKILLS = f"""
SELECT s.name, {_LEVEL_ON.format(day="as_of")}, {_LEVEL_ON.format(day="earlier")}, t.level,
    {_OTHERS}
FROM skills AS s
LEFT JOIN stage_skill_targets AS t
    ON t.skill_id = s.id AND t.stage_id = (SELECT target_stage_id FROM profile WHERE id = 1)
WHERE s.retired = 0
ORDER BY s.position, s.id
"""
_TARGET_STAGE = """
SELECT st.name FROM profile AS p JOIN stages AS st ON st.id = p.target_stage_id WHERE p.id = 1
"""


def read_radar(
    connection: sqlite3.Connection, as_of: date, earlier: date | None = None
) -> RadarData:
    """Every active skill's level on ``as_of`` against the target stage, and the levels
    on ``earlier`` (default six months before); no overlay when nothing was rated then."""
    earlier = earlier or add_months(as_of, -EARLIER_MONTHS)
    # Dates are stored as ISO text, which sorts as the dates do.
    others_since = as_of - OTHERS_WINDOW + timedelta(days=1)
    days = {
        "as_of": as_of.isoformat(),
        "earlier": earlier.isoformat(),
        "others_since": others_since.isoformat(),
    }
    rows = connection.execute(_SKILLS, days).fetchall()
    found = connection.execute(_TARGET_STAGE).fetchone()
    stage = found[0] if found else None
    then = tuple(row[2] for row in rows)
    others = tuple(None if row[4] is None else round(row[4], 1) for row in rows)
    return RadarData(
        skills=tuple(row[0] for row in rows),
        current=tuple(row[1] for row in rows),
        target=tuple(row[3] for row in rows) if stage else None,
        earlier=then if any(level is not None for level in then) else None,
        earlier_date=earlier,
        as_of=as_of,
        stage_name=stage,
        others=others if any(level is not None for level in others) else None,
    )
