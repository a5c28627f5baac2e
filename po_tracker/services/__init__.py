"""Plain-Python services shared by the window and the command line. Each takes a
Session owned by the caller and returns frozen dataclasses, never live ORM objects."""
