"""Where the user stands and where they go: readiness, renewal, the route, the status.

- ``readiness``: readiness toward a stage as of a date: components, score, ranked gaps.
- ``readiness_facts``: a stage's requirements and the log's facts readiness reads.
- ``readiness_timeline``: readiness at the end of each month, for the charts.
- ``readiness_series``: the log's facts for many dates from a few grouped queries.
- ``case_evidence``: the evidence behind each skill and requirement in a period.
- ``promotion_case``: the case for a stage, its evidence strongest first.
- ``review_digest``: what happened in one period, for a 1:1 or a self-review.
- ``renewal``: renewal cycle, expiry and credits of each held credential.
- ``renewal_cycle``: the dates of a cycle (expiry, cycle start, status on a day).
- ``renewal_carry``: which credential carries another to its later expiry.
- ``renewal_credits``: credits earned toward a credential inside its window.
- ``renewal_pool``: renewal groups renewed together, for one fee, from one pool.
- ``renewal_due``: the renewals ahead, a group once (every front end reads these).
- ``renewal_rules``: a credential's renewal rule as the user edits it.
- ``credit_claims``: how a training or event counts toward a credential's renewal.
- ``route``: the shortest route of moves from the current stage to the target.
- ``stage_graph``: the stage graph as plain data for the career page and chart.
- ``skill_standing``: each skill's current level against the target stage's.
- ``status``: the whole standing in one report (``po-tracker status``, the dashboard).

No imports here: importing the package must not import its modules.
"""
