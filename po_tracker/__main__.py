import sys

from po_tracker.launcher import main

sys.exit(main())
