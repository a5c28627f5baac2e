"""Benchmarks of PO Tracker (issue 8). ``bench.generate`` builds seeded logbooks of any
size to measure against."""
