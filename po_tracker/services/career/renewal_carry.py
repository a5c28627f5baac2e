"""Which credential carries another to its later expiry: a higher rank on the same
track (the catalog's ``track``), or any member of a renewal group whose rule is "group"
earned while the other was still valid (Scrum Alliance: earning CSPO while CSM is
active renews the CSM to the CSPO's expiry)."""

from __future__ import annotations

from datetime import date, timedelta


def _renews(other, held, held_expires: date) -> bool:
    """Whether ``other`` carries ``held`` to its own expiry: a higher rank on the same
    track always does; in a group whose rule is "group", any member earned while
    ``held`` was still valid (its grace included) does."""
    if (
        held.track is not None
        and other.track == held.track
        and held.track_rank is not None
        and other.track_rank is not None
        and other.track_rank > held.track_rank
    ):
        return True
    # A certification the user marked expired stays so: they say it lapsed.
    return (
        held.group is not None
        and held.row_status != "expired"
        and held.group_renews == "group"
        and other.group == held.group
        and other.earned is not None
        and held.earned is not None
        and held.earned <= other.earned <= held_expires + timedelta(days=held.grace_days)
    )


def carried_expiries(everyone: list) -> dict[tuple, tuple]:
    """Per credential key: (expiry, cycle start, renewer) after the track and group
    rules. Applied until nothing changes, so a renewal carries along a chain (CSM carried
    by CSPO, carried by a later A-CSPO)."""
    carried = {held.key: (held.expires, held.cycle_start, None) for held in everyone}
    # Only credentials on a track or in a group renew or are renewed (``_renews``).
    linked = [held for held in everyone if held.track is not None or held.group is not None]
    changed = True
    while changed:
        changed = False
        for held in linked:
            expires = carried[held.key][0]
            if expires is None:
                continue
            for other in linked:
                other_expires, other_start, _ = carried[other.key]
                if other is held or other_expires is None or other_expires <= expires:
                    continue
                if _renews(other, held, expires):
                    carried[held.key] = (other_expires, other_start, other)
                    expires = other_expires
                    changed = True
    return carried
