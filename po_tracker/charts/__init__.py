"""Charts: plain data in (``data``), a matplotlib Figure out, never pyplot, no Qt, no DB.

Importing this package or ``data``, ``theme``, ``streaks``, ``tables`` or ``registry``
does not import matplotlib: only the chart modules do, when a chart is first built.
"""
