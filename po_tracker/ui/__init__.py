"""The desktop window (PySide6). Qt lives only in this package and in ``po_tracker.app``;
the data is reached only through ``po_tracker.services``."""
