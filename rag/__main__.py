"""python -m rag: the rag command line."""

from .cli import main

raise SystemExit(main())
