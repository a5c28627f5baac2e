"""PO Tracker: an offline career development tracker for Product Owners."""

__version__ = "0.1.0"
