"""What the benchmark types and searches for, shared by the app's probes and the floors.

The generated logbook has "time" only in wins (their metric names) and "mentor" only in
feedback (its givers' roles): those searches are the search over the new kinds."""

# Typed into a filter box, a keystroke at a time.
TYPED = "backlog"
# The global search, and the same statement in the FTS5 floor.
SEARCH = "refined backlog"
SEARCH_WINS = "refined time"
SEARCH_FEEDBACK = "mentor"
