"""Entry point of the frozen app (see installer.spec)."""

import os
import sys

if getattr(sys, "frozen", False):
    # PyInstaller's matplotlib hook points MPLCONFIGDIR at a new temporary folder on every
    # launch, so the font cache would be rebuilt at each start; keep it in the user's
    # cache folder instead, before matplotlib is first imported.
    from platformdirs import user_cache_path

    cache = user_cache_path("po-tracker", appauthor=False) / "matplotlib"
    cache.mkdir(parents=True, exist_ok=True)
    os.environ["MPLCONFIGDIR"] = str(cache)

from po_tracker.launcher import main  # noqa: E402

sys.exit(main())
