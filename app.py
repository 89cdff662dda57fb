"""The newsrag browser chat: `python app.py` opens http://127.0.0.1:7860 over the default corpus.

The page lives in rag/app/ui.py (so `rag serve` ships with the package); this file is the launcher.
"""

from rag.cli import main

if __name__ == "__main__":
    import sys

    raise SystemExit(main(["serve", *sys.argv[1:]]))
