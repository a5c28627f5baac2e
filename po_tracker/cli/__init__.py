"""The command line: its grammar (``parser``), the lock and checks around a command
(``command_line``) and one module of handlers per group of commands. ``po_tracker.launcher``
decides between the window and a command; nothing here imports the window."""
