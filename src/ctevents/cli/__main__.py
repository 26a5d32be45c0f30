"""`python -m ctevents.cli`: the same as the `ctevents` command."""

import sys

from ctevents.cli import main

sys.exit(main())
