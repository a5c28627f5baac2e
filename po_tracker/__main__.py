import sys

from po_tracker.cli import main

sys.exit(main())
