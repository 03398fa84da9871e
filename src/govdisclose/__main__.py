"""``python -m govdisclose``: the same as the ``govdisclose`` command."""

import sys

from govdisclose.cli import main

sys.exit(main())
