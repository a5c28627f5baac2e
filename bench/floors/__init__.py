"""Floors: the smallest programs that do what the app does, run as whole processes.

Each is a plain script (``python bench/floors/NAME.py ...``) that imports nothing of
PO Tracker nor of this package, so its time is what no Python Qt app can beat. Each
prints one JSON line; times are ``time.monotonic()``, which the runner compares with the
moment it spawned the process.
"""
