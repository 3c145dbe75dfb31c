"""``python -m pskg``: the ``pskg`` command."""

from pskg.cli import main

raise SystemExit(main())
