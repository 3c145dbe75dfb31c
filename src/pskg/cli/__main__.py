"""``python -m pskg.cli``: the ``pskg`` command."""

from pskg.cli import main

raise SystemExit(main())
