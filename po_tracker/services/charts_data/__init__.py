"""The data every chart draws, built from the logbook (the charts themselves are pure).

- ``chart_data``: ``chart_data(session, name, as_of, **options)``, the one entry by name.
- ``chart_data_logs``: activity per day, learning hours and credits, networking.
- ``chart_data_skills``: radar, skill trends, readiness over time, career map, report.
- ``chart_data_radar``: the radar's data in plain SQL, without SQLAlchemy.

No imports here: importing the package must not import its modules.
"""
